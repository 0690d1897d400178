#!/usr/bin/env bash
# The size table: for each network of bench/size/networks.hpp (3 to 25,450 parameters) and each
# compiler, the compile time and peak memory of a translation unit that trains it at run time
# with ctnn (bench/size/train_net.cpp with -DCTNN_BENCH_CTNN_ONLY, -O2; the median of several
# compiles), and ctnn's SGD step against a hand-written loop of the same math in one binary
# (ns per step, and the ratio), float and double.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: bench/size.sh [compiles]   (default 3; CTNN_COMPILERS as for scripts/run-tests.sh;
#                                    CTNN_BENCH_NETS: the networks' numbers, default all)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-3}
read -r -a compilers <<<"${CTNN_COMPILERS:-g++ clang++}"
read -r -a nets <<<"${CTNN_BENCH_NETS:-0 1 2 3 4 5 6 7 8 9}"
flags=(-std=c++20 -O2 -ffp-contract=off -Iinclude -Ibench/size)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-10s %8s %10s %11s %12s %8s %13s %8s\n' compiler params 'compile s' 'peak MiB' \
  'float ns' ratio 'double ns' ratio
for cxx in "${compilers[@]}"; do
  command -v "$cxx" >/dev/null || continue
  for net in "${nets[@]}"; do
    times=() peaks=()
    for ((run = 0; run < runs; ++run)); do
      out=$(/usr/bin/time -f '%e %M' "$cxx" "${flags[@]}" -DCTNN_BENCH_NET="$net" \
        -DCTNN_BENCH_CTNN_ONLY -c bench/size/train_net.cpp -o "$work/only.o" 2>&1 | tail -n 1)
      times+=("${out% *}") peaks+=("${out#* }")
    done
    "$cxx" "${flags[@]}" -DCTNN_BENCH_NET="$net" bench/size/train_net.cpp -o "$work/train"
    report=$("$work/train")
    # "<params> parameters float: ctnn <ns> ns/step, hand loop <ns> ns/step, ratio <r> ..."
    field() { sed -n "s/^[0-9]* parameters $1: ctnn \([0-9.]*\) ns\/step, hand loop \([0-9.]*\) ns\/step, ratio \([0-9.]*\).*/\\$2/p" <<<"$report"; }
    printf '%-10s %8s %10s %11s %12s %8s %13s %8s\n' "$cxx" \
      "$(sed -n 's/^\([0-9]*\) parameters float.*/\1/p' <<<"$report")" \
      "$(printf '%s\n' "${times[@]}" | median)" \
      "$(($(printf '%s\n' "${peaks[@]}" | median) / 1024))" \
      "$(field float 1)" "$(field float 3)" "$(field double 1)" "$(field double 3)"
  done
done
