#!/bin/sh
# Installs what Clain's build, viewer and tests need on Debian 12 (run as root, or with sudo):
# a JDK 17 and Maven, GTK 3 for JavaFX, Mesa (llvmpipe) over EGL and GLX for JOGL, Xvfb for
# real-window screenshots, and dcmtk / dicom3tools / OpenJPEG tools / pydicom as independent validators.
set -e
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; else SUDO=; fi
PKGS="openjdk-17-jdk-headless maven libgtk-3-0 libgl1-mesa-dri libglx-mesa0 libegl1 libegl-mesa0 libgles2 libgbm1 \
libx11-6 libxxf86vm1 libxrender1 libxtst6 xvfb xauth imagemagick dcmtk dicom3tools libopenjp2-tools python3-pydicom python3-numpy"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
