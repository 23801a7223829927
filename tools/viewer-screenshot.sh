#!/usr/bin/env bash
# Screenshot of the real viewer window under Xvfb (GTK glass, Prism software pipeline), with a
# study opened from the command line as a user would:
#
#   tools/viewer-screenshot.sh [STUDY_PATH] [OUT.png] [SECONDS]
#
# Defaults: the shared abdomen CT, target/screenshots/xvfb-ct.png, 25 s. Needs the Debian
# packages xvfb imagemagick libgtk-3-0 (apt-get install -y xvfb imagemagick libgtk-3-0) and
# ../shared/tools/screenshot.sh. Settings go to a temporary folder, never to ~/.config/clain.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${CLAIN_SHARED:-$root/../shared}
build=${CLAIN_BUILD_DIR:-$root/target}
study=${1:-$shared/data/dicom/real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE}
out=${2:-$build/screenshots/xvfb-ct.png}
secs=${3:-25}
cd "$root"
mvn -q -Dclain.build.dir="$build" compile dependency:build-classpath -Dmdep.outputFile="$build/ui-classpath.txt"
cfg=$(mktemp -d)
trap 'rm -rf "$cfg"' EXIT
printf '{"windowX":0,"windowY":0,"windowWidth":1600,"windowHeight":1000,"layout":"1x1"}\n' > "$cfg/viewer.json"
mkdir -p "$(dirname "$out")"
"$shared/tools/screenshot.sh" "$out" "$secs" 1600x1000 -- \
  java -Xmx2g -Dprism.order=sw -Dclain.config.dir="$cfg" \
  -cp "$build/classes:$(cat "$build/ui-classpath.txt")" org.clain.ui.ViewerMain "$study"
