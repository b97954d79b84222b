#!/usr/bin/env bash
# Installs the Debian packages the build, tests and GUI need, only when one is missing,
# so a second run costs one dpkg query.
set -euo pipefail

# Every package is named: apt-get runs with --no-install-recommends, so a package that is
# only recommended (libqt6opengl6-dev by qt6-base-dev, needed by Qt6Charts' CMake files;
# qt6-qpa-plugins by libqt6gui6, the xcb and offscreen platforms) would never arrive.
# librsvg2-bin's rsvg-convert checks in a test that exported SVG files draw.
WN_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev libqt6opengl6-dev qt6-qpa-plugins
    qt6-charts-dev libgl1-mesa-dev libgtest-dev libgmock-dev libbenchmark-dev
    nlohmann-json3-dev liburcu-dev xvfb xauth fonts-dejavu-core dpkg-dev file
    desktop-file-utils appstream ffmpeg qt6-svg-dev librsvg2-bin)

# The fuzz build's compiler and libFuzzer (scripts/test --fuzz only).
WN_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev libfuzzer-14-dev)

# wn_install_deps [PACKAGE...]: the given packages, or the whole list.
wn_install_deps() {
    local wanted=("$@")
    [ ${#wanted[@]} -eq 0 ] && wanted=("${WN_PACKAGES[@]}")
    local missing=()
    for p in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing missing packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
