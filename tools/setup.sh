#!/usr/bin/env bash
# Set up planex on a fresh Debian machine: the system tools some formats need, a virtual environment, planex.
#   bash tools/setup.sh          # to run planex: Tesseract (+ Vietnamese) for scans, LibreOffice for .doc/.rtf/.odt
#   bash tools/setup.sh --dev    # also the test tools: Chromium for the page tests, PostgreSQL for the store tests
# Installed packages are skipped, so a second run only refreshes the Python packages.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui fonts-dejavu-core)
extras=""
if [ "${1:-}" = "--dev" ]; then
  packages+=(chromium chromium-driver postgresql)
  extras="[dev]"
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "planex setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e ".$extras"
