#!/usr/bin/env bash
# Configures (once) and builds one build directory; shared by run and test.
set -euo pipefail

# wn_build DIR BUILD_TYPE [extra cmake args...]
wn_build() {
    local dir=$1 type=$2
    shift 2
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        cmake -S "$WN_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
    fi
    cmake --build "$dir" --parallel "$(nproc)"
}
