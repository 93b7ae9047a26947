#!/bin/sh
# Install LibreOffice Calc and Writer (headless, no GUI) from Debian: Calc for the workbook
# conversion test, Writer for the Word -> PDF conversion of the docx plugin
# (pytest -m libreoffice). Idempotent: returns at once when both are already installed.
set -eu

PACKAGES="libreoffice-calc-nogui libreoffice-writer-nogui"

installed() {
    # Both components present (by package, or by their libraries where dpkg is absent).
    if command -v dpkg-query >/dev/null 2>&1; then
        for package in $PACKAGES; do
            dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
                || return 1
        done
        return 0
    fi
    command -v soffice >/dev/null 2>&1
}

if command -v soffice >/dev/null 2>&1 && installed && command -v pdftotext >/dev/null 2>&1; then
    echo "install-libreoffice: Calc and Writer already installed: $(command -v soffice)"
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
# The -nogui variants: without the X11/GTK front ends; enough for --headless.
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $PACKAGES poppler-utils >/dev/null

command -v soffice >/dev/null 2>&1 || {
    echo "install-libreoffice: soffice still missing after apt-get install" >&2
    exit 1
}
echo "install-libreoffice: installed $(soffice --version 2>/dev/null | head -n 1)"
