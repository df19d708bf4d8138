#!/usr/bin/env bash
# Install everything the test suite needs: the package with its test extras,
# and the system packages for the browser and remote-store tests (Debian's
# chromium + chromium-driver, a CJK font, virtuoso-opensource, tesseract-ocr +
# tesseract-ocr-chi-sim for OCR).  Idempotent.
set -euo pipefail
BIN=${1:-.venv/bin}
"$BIN/pip" install -e ".[test]"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
# OCR of scanned PDF pages (unionkg.ingest.ocr): tesseract with its simplified-Chinese model.
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
dpkg -s tesseract-ocr-chi-sim >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
# A CJK font, so that browser screenshots show Chinese rather than boxes.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "install-test-deps: not root or no apt-get; tests needing ${need[*]} will be skipped" >&2
  fi
fi
