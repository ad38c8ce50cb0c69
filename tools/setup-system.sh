#!/bin/sh
# System packages planex needs beyond Python: Tesseract OCR with its Vietnamese model (scanned PDFs and
# images; its orientation model tells upside-down scans) and LibreOffice Writer without a GUI (.doc, .rtf, .odt). Debian/Ubuntu, as root (or with sudo).
# Idempotent and quiet: installs only what is missing, and does nothing when everything is there.
set -eu
PACKAGES="tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd libreoffice-writer-nogui"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
