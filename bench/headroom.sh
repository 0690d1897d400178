#!/usr/bin/env bash
# Headroom: how many epochs of the homework's OR neuron (logistic, rate 0.05) train at compile time
# under each compiler's default limit (Clang's -fconstexpr-steps=1048576, GCC's
# -fconstexpr-ops-limit=2^25), for ctnn (bench/floor/or_ctnn.cpp) and for the hand-written floor
# (bench/floor/or_floor.cpp), and the ratio. Each count comes from the smallest limit that lets
# 1000 and 2000 epochs compile (binary search): the difference is 1000 epochs' cost, the rest the
# fixed cost, and the default limit less the fixed cost over one epoch's is the epochs that fit.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: bench/headroom.sh   (CTNN_COMPILERS as for scripts/run-tests.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
read -r -a compilers <<<"${CTNN_COMPILERS:-g++ clang++}"

# smallest_limit <compiler> <flag> <file> <epochs>: the least limit under which the file compiles.
smallest_limit() {
  local cxx=$1 flag=$2 file=$3 epochs=$4 low=1000 high=4000000000 middle
  while ((high - low > 1)); do
    middle=$(((low + high) / 2))
    if "$cxx" -std=c++20 -O2 -ffp-contract=off -Iinclude -fsyntax-only -DFLOOR_LOGISTIC_ONLY \
         "-DEPOCHS=$epochs" "$flag=$middle" "$file" 2>/dev/null; then
      high=$middle
    else
      low=$middle
    fi
  done
  echo "$high"
}

printf '%-10s %-12s %16s %14s %12s\n' compiler trainer 'cost per epoch' 'epochs that fit' 'of floor'
for cxx in "${compilers[@]}"; do
  command -v "$cxx" >/dev/null || continue
  case $cxx in
    clang++*) flag=-fconstexpr-steps default=1048576 unit=steps ;;
    *) flag=-fconstexpr-ops-limit default=33554432 unit=ops ;;
  esac
  floor_fit=''
  for trainer in floor ctnn; do
    file=bench/floor/or_$trainer.cpp
    one=$(smallest_limit "$cxx" "$flag" "$file" 1000)
    two=$(smallest_limit "$cxx" "$flag" "$file" 2000)
    fit=$(((default - (2 * one - two)) * 1000 / (two - one)))
    [[ -n $floor_fit ]] || floor_fit=$fit
    printf '%-10s %-12s %16s %14s %11s%%\n' "$cxx" "$trainer" "$(((two - one) / 1000)) $unit" \
      "$fit" "$((100 * fit / floor_fit))"
  done
done
