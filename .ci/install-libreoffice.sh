#!/bin/sh
# Install LibreOffice Calc (headless, no GUI) from Debian, for the workbook conversion test
# (pytest -m libreoffice). Idempotent: returns at once when soffice is already on PATH.
set -eu

# pdfinfo/pdftotext (poppler-utils): the tests count the pages LibreOffice prints.
if ! command -v pdftotext >/dev/null 2>&1; then
    NEED_POPPLER=1
else
    NEED_POPPLER=0
fi

if command -v soffice >/dev/null 2>&1 && [ "$NEED_POPPLER" -eq 0 ]; then
    echo "install-libreoffice: soffice already installed: $(command -v soffice)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-libreoffice: needs root (or sudo) to run apt-get" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# libreoffice-calc-nogui: Calc without the X11/GTK front ends; enough for --headless.
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui poppler-utils >/dev/null

command -v soffice >/dev/null 2>&1 || {
    echo "install-libreoffice: soffice still missing after apt-get install" >&2
    exit 1
}
echo "install-libreoffice: installed $(soffice --version 2>/dev/null | head -n 1)"
