#!/usr/bin/env bash
# Builds ctnn-train with GCC in Release and trains the homework's XOR network with it, printing the
# report and writing the pictures to the current directory; extra arguments go to the trainer.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: scripts/train-xor.sh [trainer arguments...]
set -euo pipefail
# The pictures go where the user ran this from, unless the arguments say --out.
invoked_from=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=build/release
trainer_target=ctnn-train                          # the CMake target that builds the trainer
trainer=("$build_dir/trainer/ctnn-train" xor)      # its binary and fixed arguments; "$@" follows

scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
      -DCTNN_BUILD_TRAINER=ON
cmake --build "$build_dir" -j "$(nproc)" --target "$trainer_target"
trainer[0]=$PWD/${trainer[0]}
cd "$invoked_from"
exec "${trainer[@]}" "$@"
