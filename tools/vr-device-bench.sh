#!/usr/bin/env bash
# Builds target/devbench: a self-contained bundle (../shared/tools/device-bundle.sh: jlink runtime,
# JOGL natives, the glvnd/EGL libraries the GPU device lacks) with Clain's renderer and
# RenderBench, plus run-bench.sh. Carry target/devbench to the device and run there:
#     bash target/devbench/run-bench.sh [RenderBench args]      (results in $OUT, default target/devbench/out)
# Locally on Mesa (no GPU):  EGL_PLATFORM=surfaceless bash target/devbench/run-bench.sh --vols 64 --images 128
set -euo pipefail
cd "$(dirname "$0")/.."
B="${1:-target/devbench}"
mvn -q -Dclain.build.dir="$PWD/target" compile
mkdir -p target
jar cf target/clain-render.jar -C target/classes .
M="$HOME/.m2/repository"
jars=(target/clain-render.jar
  "$M"/org/jogamp/jogl/jogl-all/2.6.0/jogl-all-2.6.0.jar
  "$M"/org/jogamp/gluegen/gluegen-rt/2.6.0/gluegen-rt-2.6.0.jar
  "$M"/org/ejml/ejml-simple/0.43.1/ejml-simple-0.43.1.jar "$M"/org/ejml/ejml-core/0.43.1/ejml-core-0.43.1.jar
  "$M"/org/ejml/ejml-ddense/0.43.1/ejml-ddense-0.43.1.jar "$M"/org/ejml/ejml-fdense/0.43.1/ejml-fdense-0.43.1.jar
  "$M"/com/fasterxml/jackson/core/jackson-databind/2.18.2/jackson-databind-2.18.2.jar
  "$M"/com/fasterxml/jackson/core/jackson-core/2.18.2/jackson-core-2.18.2.jar
  "$M"/com/fasterxml/jackson/core/jackson-annotations/2.18.2/jackson-annotations-2.18.2.jar)
BUNDLE_MODULES="java.base,java.desktop,java.logging,java.management,jdk.management,jdk.unsupported" \
  bash ../shared/tools/device-bundle.sh "$B" "${jars[@]}"
cat > "$B/run-bench.sh" <<'RUN'
#!/usr/bin/env bash
# GPU vs CPU ray casting frame rates (RenderBench); default: 256^3 and 512^3 at 512^2 and 1024^2.
D="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-$D/out}"; mkdir -p "$OUT"
(command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader) > "$OUT/gpu.txt" 2>&1
ARGS=("$@"); [ ${#ARGS[@]} -eq 0 ] && ARGS=(--vols 256,512 --images 512,1024 --frames 20 --cpu-max-vol 256 --out "$OUT")
bash "$D/run.sh" -Xmx24g -cp "$D/lib/*" org.clain.render.gl.RenderBench "${ARGS[@]}" 2>&1 | grep -v '^Info: Quirk' | tee "$OUT/bench.txt"
RUN
chmod +x "$B/run-bench.sh"
du -sh "$B"
