#!/usr/bin/env bash
# What `#include <ctnn.hpp>` costs a translation unit, against `#include <boost/hana.hpp>` (the
# library ctnn is built on) and against the opt-in headers: the median time and peak memory of
# several compiles of a file that includes only that header, runs interleaved so that a busy
# moment on the machine falls on every header alike. The last column is the ratio to Hana's
# time; the target for <ctnn.hpp> is at most 1.5x on every compiler.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: bench/include-cost.sh [runs]   (default 9; CTNN_COMPILERS as for scripts/run-tests.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-9}
read -r -a compilers <<<"${CTNN_COMPILERS:-g++ clang++ clang++-19}"
headers=(boost/hana.hpp ctnn.hpp ctnn/io.hpp ctnn/train_lanes.hpp)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-12s %-22s %10s %12s %9s\n' compiler header 'time (s)' 'peak (MiB)' 'vs Hana'
for cxx in "${compilers[@]}"; do
  command -v "$cxx" >/dev/null || continue
  for header in "${headers[@]}"; do
    printf '#include <%s>\nint main() {}\n' "$header" >"$work/${header//\//_}.cpp"
    : >"$work/${header//\//_}.times"
  done
  for ((run = 0; run < runs; ++run)); do
    for header in "${headers[@]}"; do
      source=$work/${header//\//_}.cpp
      /usr/bin/time -a -o "${source%.cpp}.times" -f '%e %M' \
        "$cxx" -std=c++20 -O2 -ffp-contract=off -Iinclude -c "$source" -o /dev/null
    done
  done
  hana_time=''
  for header in "${headers[@]}"; do
    times=${work}/${header//\//_}.times
    time=$(awk '{ print $1 }' "$times" | median)
    peak=$(awk '{ print $2 }' "$times" | median)
    [[ -n $hana_time ]] || hana_time=$time
    printf '%-12s %-22s %10s %12s %8sx\n' "$cxx" "<$header>" "$time" "$((peak / 1024))" \
      "$(awk -v t="$time" -v h="$hana_time" 'BEGIN { printf "%.2f", t / h }')"
  done
done
