#!/bin/sh
# Builds a self-contained Clain for Linux with jpackage (JDK 17+): an app-image under
# target/installer/Clain, and with --deb a .deb that declares the GTK/GL libraries JavaFX and
# JOGL load at run time (jpackage's generated Depends lack them).
# usage: installer/build.sh [--deb]     (after mvn -q -DskipTests package)
set -e
cd "$(dirname "$0")/.."
[ -f target/clain.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
rm -rf target/installer && mkdir -p target/installer/input
cp target/clain.jar target/installer/input/
TYPE=app-image
EXTRA=""
if [ "$1" = "--deb" ]; then
  TYPE=deb
  EXTRA="--linux-package-deps libgtk-3-0,libgl1,libegl1,libgl1-mesa-dri --linux-shortcut --linux-menu-group Graphics"
fi
jpackage --type $TYPE --name Clain --app-version 0.1.0 --vendor "Clain" \
  --description "DICOM viewer: 2D, MPR, GPU volume rendering, measurements" \
  --input target/installer/input --main-jar clain.jar --main-class org.clain.Launcher \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.sql,jdk.unsupported,jdk.jfr,jdk.crypto.ec \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=2" \
  --dest target/installer $EXTRA
echo "built $TYPE in target/installer"
