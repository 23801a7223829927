#!/bin/sh
# Fuzzes every target of the -Pfuzz profile one after the other (Jazzer fuzzes one @FuzzTest per
# JVM; the machine this was written on has 2 cores), SECONDS each, a log per target in LOGS.
# Crashes land next to the seeds (src/test/resources/**/*FuzzTestInputs/<method>/); summarise a
# log with: grep -aE 'stat::|Test unit written|FuzzTestFindingException' LOG
#   tools/fuzz-all.sh [SECONDS] [TARGET...]     e.g. tools/fuzz-all.sh 600 fuzz-rle fuzz-jpegls
set -u
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-300}
[ $# -gt 0 ] && shift
TARGETS=${*:-"fuzz-reader fuzz-render fuzz-rle fuzz-jpegls fuzz-jpeg fuzz-j2k fuzz-dicomdir fuzz-seg fuzz-json-annotations fuzz-json-phantom fuzz-json-presets"}
BUILD=${CLAIN_BUILD_DIR:-$PWD/target}
LOGS=${FUZZ_LOGS:-$BUILD/fuzz-logs}
mkdir -p "$LOGS"
mvn -q -o -Dclain.build.dir="$BUILD" test-compile || exit 1
for t in $TARGETS; do
  log="$LOGS/$t-$(date +%Y%m%dT%H%M%S).log"
  echo "$(date -Is) $t for ${SECONDS_EACH}s -> $log"
  mvn -o -Pfuzz -Dfuzz.seconds="$SECONDS_EACH" -Dclain.build.dir="$BUILD" surefire:test@"$t" > "$log" 2>&1
  grep -aE 'stat::number_of_executed_units|Test unit written|FuzzTestFindingException: ' "$log" | sort -u | head -5
done
