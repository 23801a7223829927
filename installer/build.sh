#!/bin/sh
# Builds a self-contained Clain for Linux with jpackage (JDK 17+): an app-image under
# target/installer/Clain, and with --deb a .deb of it that declares the GTK/GL libraries JavaFX
# and JOGL load at run time (jpackage's generated Depends lack them).
# usage: installer/build.sh [--deb]     (after mvn -q -DskipTests package)
set -e
cd "$(dirname "$0")/.."
[ -f target/clain.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
rm -rf target/installer && mkdir -p target/installer/input
cp target/clain.jar target/installer/input/
# Transparent huge pages for the heap: first touch of a loaded series' memory costs ~3 ms per MiB
# in 4 KiB pages here, a fraction of that in 2 MiB ones (chest CT load 1.3-1.5 -> 0.95-1.3 s).
# The runtime keeps bin/java, which --generate-cds-archive needs to give the trimmed runtime the
# class data sharing archive of a full JDK (without it every start loads the JDK's classes anew).
jpackage --type app-image --name Clain --app-version 0.1.0 --vendor "Clain" \
  --description "DICOM viewer: 2D, MPR, GPU volume rendering, measurements" \
  --input target/installer/input --main-jar clain.jar --main-class org.clain.Launcher \
  --java-options -XX:+UseTransparentHugePages \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.sql,jdk.unsupported,jdk.jfr,jdk.crypto.ec \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --dest target/installer
# The command line as a script: jpackage's native launcher asks rpm and dpkg which package owns
# it at every start (0.3 s here), too slow for a command run in loops.
cat > target/installer/Clain/bin/clain <<'SH'
#!/bin/sh
# clain COMMAND ...: the Clain command line (see README); with no command, the viewer.
APP="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
JAVA="$APP/lib/runtime/bin/java"
JAR="$APP/lib/app/clain.jar"
OPTS="-XX:+UseTransparentHugePages -Xlog:cds=off -Xlog:cds+dynamic=off"
# Class data sharing for Clain's own classes (~0.1 s of every start): one archive per user and
# jar, dumped by the first run, as an archive names the jar's absolute path and one made at build
# time would not survive installing elsewhere. A run killed by a signal keeps no archive.
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/clain"
KEY=$(stat -c %s-%Y "$JAR" 2>/dev/null) || KEY=""
JSA="$CACHE/clain-$KEY.jsa"
if [ -n "$KEY" ] && [ -f "$JSA" ]; then
  exec "$JAVA" $OPTS -XX:SharedArchiveFile="$JSA" -cp "$JAR" org.clain.Launcher "$@"
fi
if [ -n "$KEY" ] && mkdir -p "$CACHE" 2>/dev/null && [ -w "$CACHE" ]; then
  TMP="$JSA.$$"
  trap 'rm -f "$TMP"; exit 130' INT TERM
  "$JAVA" $OPTS -XX:ArchiveClassesAtExit="$TMP" -cp "$JAR" org.clain.Launcher "$@"
  rc=$?
  if [ $rc -lt 128 ] && [ -s "$TMP" ]; then
    rm -f "$CACHE"/clain-*.jsa
    mv -f "$TMP" "$JSA"
  fi
  rm -f "$TMP"
  exit $rc
fi
exec "$JAVA" $OPTS -cp "$JAR" org.clain.Launcher "$@"
SH
chmod 755 target/installer/Clain/bin/clain
if [ "$1" = "--deb" ]; then
  jpackage --type deb --app-image target/installer/Clain --name Clain --app-version 0.1.0 --vendor "Clain" \
    --description "DICOM viewer: 2D, MPR, GPU volume rendering, measurements" \
    --linux-package-deps libgtk-3-0,libgl1,libegl1,libgl1-mesa-dri --linux-shortcut --linux-menu-group Graphics \
    --dest target/installer
  echo "built a .deb in target/installer"
else
  echo "built an app-image in target/installer/Clain (bin/Clain: the viewer; bin/clain: the command line)"
fi
