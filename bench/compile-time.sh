#!/usr/bin/env bash
# Compile time and peak compiler memory of every static test, per compiler: the median of
# several runs, printed as a table. Each test is compiled as its CMake target compiles it (flags
# read from the build tree's compile_commands.json), so per-target limits are included. The floor,
# bench/floor/or_floor.cpp (the same OR training as static.train_or, hand-written in one file with
# no ctnn or Hana header), is compiled with static.train_or's flags, and the last column is each
# test's time over the floor's.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: bench/compile-time.sh [runs]   (default 3; CTNN_COMPILERS as for scripts/run-tests.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-3}
read -r -a compilers <<<"${CTNN_COMPILERS:-g++ clang++}"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-10s %-22s %10s %12s %9s\n' compiler test 'time (s)' 'peak (MiB)' 'vs floor'
for cxx in "${compilers[@]}"; do
  command -v "$cxx" >/dev/null || continue
  build=build/bench-${cxx%++}
  cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
  floor_time=''
  for source in bench/floor/or_floor.cpp static_tests/*.cpp; do
    name=$(basename "$source" .cpp)
    # The compile command CMake would run, with the object sent nowhere; the floor's is
    # static.train_or's with the source swapped.
    entry=$source
    [[ $source == bench/floor/* ]] && entry=static_tests/train_or.cpp
    command=$(grep -A3 "\"file\": \"$PWD/$entry\"" "$build/compile_commands.json" |
      sed -n 's/^ *"command": "\(.*\)",\{0,1\}$/\1/p' | head -n 1 | sed 's/\\"/"/g')
    [[ -n $command ]] || command=$(grep -B3 "\"file\": \"$PWD/$entry\"" \
      "$build/compile_commands.json" | sed -n 's/^ *"command": "\(.*\)",\{0,1\}$/\1/p' |
      head -n 1 | sed 's/\\"/"/g')
    command=$(sed "s| -o [^ ]*| -o /dev/null|; s|$PWD/$entry|$PWD/$source|" <<<"$command")
    times=() peaks=()
    for ((run = 0; run < runs; ++run)); do
      out=$( (cd "$build" && /usr/bin/time -f '%e %M' bash -c "$command" 2>&1 >/dev/null) | tail -n 1)
      times+=("${out% *}") peaks+=("${out#* }")
    done
    time=$(printf '%s\n' "${times[@]}" | median)
    [[ -n $floor_time ]] || floor_time=$time
    label=static.$name
    [[ $source == bench/floor/* ]] && label="floor (or_floor.cpp)"
    printf '%-10s %-22s %10s %12s %8sx\n' "$cxx" "$label" "$time" \
      "$(($(printf '%s\n' "${peaks[@]}" | median) / 1024))" \
      "$(awk -v t="$time" -v f="$floor_time" 'BEGIN { printf "%.2f", t / f }')"
  done
done
