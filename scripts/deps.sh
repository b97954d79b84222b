#!/usr/bin/env bash
# Installs the Debian packages the build, tests and GUI need, only when one is missing,
# so a second run costs one dpkg query.
set -euo pipefail

# Every package is named: apt-get runs with --no-install-recommends, so a package that is
# only recommended (libqt6opengl6-dev by qt6-base-dev, needed by Qt6Charts' CMake files;
# qt6-qpa-plugins by libqt6gui6, the xcb and offscreen platforms) would never arrive.
WN_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev libqt6opengl6-dev qt6-qpa-plugins
    qt6-charts-dev libgl1-mesa-dev libgtest-dev libgmock-dev libbenchmark-dev
    nlohmann-json3-dev liburcu-dev xvfb xauth fonts-dejavu-core dpkg-dev file
    desktop-file-utils appstream ffmpeg)

wn_install_deps() {
    local missing=()
    for p in "${WN_PACKAGES[@]}"; do
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
