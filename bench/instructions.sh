#!/usr/bin/env bash
# Instructions per SGD step, counted by callgrind (exact, and the same on a busy machine): each
# implementation runs 1000 and 2000 epochs, and the difference divided by 4000 steps is the
# step's cost without the program's start-up.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: bench/instructions.sh [path/to/bench_step_count]   (default: build/bench/bench/...)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
binary=${1:-build/bench/bench/bench_step_count}
command -v valgrind >/dev/null || { echo "instructions: valgrind is not installed" >&2; exit 1; }
[[ -x $binary ]] || { echo "instructions: no $binary; build the target bench_step_count" >&2; exit 1; }

count() {  # count <implementation> <scalar> <epochs>: instructions of the whole run
  local out
  out=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$@" 2>&1 >/dev/null)
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$out"
}

printf '%-8s %-7s %12s %12s %8s\n' network scalar 'hand (ins)' 'ctnn (ins)' ratio
for net in or xor; do
  for scalar in double float; do
    per_step() { echo $((($(count "$1" "$scalar" 2000) - $(count "$1" "$scalar" 1000)) / 4000)); }
    hand=$(per_step "hand_$net") library=$(per_step "ctnn_$net")
    printf '%-8s %-7s %12s %12s %8s\n' "$net" "$scalar" "$hand" "$library" \
      "$(awk -v a="$library" -v b="$hand" 'BEGIN { printf "%.3f", a / b }')"
  done
done
