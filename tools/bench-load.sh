#!/bin/sh
# Load benchmark, whole process, Clain against its peers in one run, alternating (shared, noisy
# machines: quote ratios). Peers: pydicom 2.3 + GDCM + numpy (Debian python3-pydicom python3-gdcm),
# ImageJ 1.54p FolderOpener (net.imagej:ij, the project's test dependency).
# usage: tools/bench-load.sh [ROUNDS]   (after mvn -q -DskipTests package)
set -e
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
DATA=../shared/data/dicom/real-ct
PEERS=../shared/peers
IJ=$(ls ~/.m2/repository/net/imagej/ij/1.54p/ij-1.54p.jar)
C=target/bench-peers
mkdir -p $C
javac -nowarn -cp "$IJ" -d $C $PEERS/ImageJLoad.java 2>/dev/null
javac -nowarn -d $C src/bench/java/org/clain/bench/ReadFloor.java
t() { s=$(date +%s.%N); "$@" >/dev/null 2>&1 || echo "FAILED: $*" >&2; e=$(date +%s.%N); echo "$e - $s" | bc; }
for series in midrc-ricord-1a_chest_jpeglosslessSV1 pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE; do
  for r in $(seq $ROUNDS); do
    echo "$series clain   $(t java -jar target/clain.jar volume $DATA/$series)"
    echo "$series pydicom $(t /usr/bin/python3 $PEERS/pydicom_load.py $DATA/$series)"
    # ImageJ's peer sums the stack and hashes nothing: compare it with Clain's load + stats, no hash
    case $series in *abdomen*)
      echo "$series clain-nohash $(t java -jar target/clain.jar volume --no-hash $DATA/$series)"
      echo "$series imagej  $(t java -cp "$IJ:$C" ImageJLoad $DATA/$series)"
      # floors: a JVM that starts and exits; Clain's CLI parsing --version; reading the voxels alone
      echo "$series floor-jvm $(t java -cp $C org.clain.bench.ReadFloor)"
      echo "$series floor-cli $(t java -jar target/clain.jar --version)"
      echo "$series floor-read $(t java -cp $C org.clain.bench.ReadFloor $DATA/$series 524288)";; esac
  done
done | tee "$C/times.txt"
echo
echo "medians (s):"
python3 - "$C/times.txt" <<'PY'
import sys, statistics, collections
t = collections.defaultdict(list)
for line in open(sys.argv[1]):
    series, tool, secs = line.split()
    t[(series, tool)].append(float(secs))
for (series, tool), v in sorted(t.items()):
    print(f"  {series:55s} {tool:12s} {statistics.median(v):6.2f}  (n={len(v)})")
PY
