#!/usr/bin/env bash
# Builds ctnn's XOR trainer with GCC in Release and runs it; extra arguments go to the trainer.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: scripts/train-xor.sh [trainer arguments...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=build/release
trainer_target=xor_example                         # the CMake target that builds the trainer
trainer=("$build_dir/examples/xor_example")        # its binary and fixed arguments; "$@" follows

scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j "$(nproc)" --target "$trainer_target"
exec "${trainer[@]}" "$@"
