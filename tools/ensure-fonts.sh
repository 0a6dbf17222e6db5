#!/usr/bin/env bash
# Make sure breach letters render in every language: a font with Arabic and Persian glyphs
# (Debian's fonts-dejavu-core: DejaVu Sans covers Latin, Arabic and Persian) and HarfBuzz's
# subsetter, which WeasyPrint uses to embed fonts quickly (without it, a slow fallback).
# Installs only what is missing, and only as root with apt-get; otherwise prints a hint.
set -euo pipefail

have_font() {
    command -v fc-list >/dev/null 2>&1 \
        && [ -n "$(fc-list :lang=ar family)" ] && [ -n "$(fc-list :lang=fa family)" ]
}

have_subsetter() {
    ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so\.0'
}

missing=()
have_font || missing+=(fontconfig fonts-dejavu-core)
have_subsetter || missing+=(libharfbuzz-subset0)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing for breach letters: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if have_font; then
        exit 0
    fi
    echo "installed ${missing[*]} but no font with Arabic and Persian glyphs is found" >&2
    exit 1
fi

echo "breach letters need: ${missing[*]} (Debian: sudo apt-get install ${missing[*]}); Arabic and Farsi letters cannot be checked without a font for them"
