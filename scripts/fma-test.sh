#!/usr/bin/env bash
# ctnn's headers used as a consumer without CMake would use them, for an FMA target in GNU mode
# with contraction on (-std=gnu++20 -O2 -march=x86-64-v3 -ffp-contract=fast), with each compiler:
#   1. tests/fma/bit_identity.cpp and the README's example must stop at ctnn's #error, which
#      must name -ffp-contract=off and -DCTNN_FP_CONTRACT_OFF=1 in the first error;
#   2. with the flags it names added, both must compile, and compile-time training must equal
#      run-time training bit for bit (OR, tanh OR and XOR, float and double);
#   3. with the macro but not the flag, the bits must differ: the test can see a fused
#      multiply-add, so step 2 proves something.
# Skipped (exit 0) where the CPU has no FMA, as the programs could not run. The compilers run side
# by side, each in a directory of its own; their reports are printed in order.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: scripts/fma-test.sh   (CTNN_COMPILERS as for scripts/run-tests.sh)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

if ! grep -qw fma /proc/cpuinfo 2>/dev/null; then
  echo "fma-test: skipped, the CPU has no FMA"
  exit 0
fi
read -r -a compilers <<<"${CTNN_COMPILERS:-g++ clang++ clang++-19}"
flags=(-std=gnu++20 -O2 -march=x86-64-v3 -ffp-contract=fast -Iinclude)
named_flags=(-ffp-contract=off -DCTNN_FP_CONTRACT_OFF=1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
work=''  # the current compiler's directory, under $root
passed=0 failed=0

check() {  # check <description> <command...>: one counted check
  local description=$1
  shift
  if "$@"; then
    echo "PASS $description"
    passed=$((passed + 1))
  else
    echo "FAIL $description"
    failed=$((failed + 1))
    return 1
  fi
}

# stops <compiler> <source>: the build fails, and its first error is ctnn's, naming both flags.
# -Wfatal-errors ends the compile there, as the first error is all a user needs to read.
stops() {
  local log=$work/stops.log first
  if "$1" "${flags[@]}" -Wfatal-errors "$2" -o "$work/never" >"$log" 2>&1; then
    echo "  built without the flags ctnn's #error names"
    return 1
  fi
  first=$(grep -m 1 'error' "$log")
  if [[ $first != *'ctnn: '*'-ffp-contract=off -DCTNN_FP_CONTRACT_OFF=1'* ]]; then
    echo "  first error is not ctnn's: ${first:-(none)}"
    return 1
  fi
}

# builds <compiler> <source> <binary> <extra flags...>: the build succeeds with the extra flags.
builds() {
  local cxx=$1 source=$2 binary=$3
  shift 3
  "$cxx" "${flags[@]}" "$@" "$source" -o "$binary" 2>"$work/build.log" || {
    sed 's/^/  /' "$work/build.log" | head -n 20
    return 1
  }
}

runs() { "$@" | sed 's/^/  /'; }  # the program's lines, indented; its exit status

differs() {  # the program runs and reports that some bits differ: it exits with their count
  local status=0
  "$@" >"$work/run.log" || status=$?
  sed 's/^/  /' "$work/run.log"
  if ((status == 0)); then
    echo "  every result had the same bits: the test cannot see contraction"
    return 1
  fi
  grep -q 'DIFFERENT BITS' "$work/run.log" && ((status <= 12))
}

# checks <compiler>: every check of one compiler, counted in $work/counts.
checks() {
  local cxx=$1 bin
  bin=$work/$(basename "$cxx")
  echo "=== $("$cxx" --version | head -n 1): ${flags[*]}"
  check "$cxx: bit_identity.cpp stops at ctnn's #error" stops "$cxx" tests/fma/bit_identity.cpp
  check "$cxx: README example stops at ctnn's #error" stops "$cxx" examples/readme.cpp
  if check "$cxx: bit_identity.cpp builds with ${named_flags[*]}" \
       builds "$cxx" tests/fma/bit_identity.cpp "$bin-bits" "${named_flags[@]}"; then
    check "$cxx: compile-time training == run-time training, bit for bit" runs "$bin-bits"
  fi
  if check "$cxx: README example builds with ${named_flags[*]}" \
       builds "$cxx" examples/readme.cpp "$bin-readme" "${named_flags[@]}"; then
    check "$cxx: README example runs" "$bin-readme"
  fi
  if check "$cxx: bit_identity.cpp builds with -DCTNN_FP_CONTRACT_OFF=1 alone" \
       builds "$cxx" tests/fma/bit_identity.cpp "$bin-fused" -DCTNN_FP_CONTRACT_OFF=1; then
    check "$cxx: without -ffp-contract=off the bits differ (the test sees FMA)" \
      differs "$bin-fused"
  fi
  echo "$passed $failed" >"$work/counts"
}

ran=()
for cxx in "${compilers[@]}"; do
  if ! command -v "$cxx" >/dev/null; then
    echo "=== $cxx: not installed, skipped"
    continue
  fi
  work=$root/${#ran[@]}
  mkdir "$work"
  ran+=("$work")
  checks "$cxx" >"$work/report" 2>&1 &
done
wait
for dir in "${ran[@]}"; do
  cat "$dir/report"
  if read -r p f <"$dir/counts"; then
    passed=$((passed + p)) failed=$((failed + f))
  else
    echo "FAIL the checks stopped before their end"
    failed=$((failed + 1))
  fi
done

((passed + failed > 0)) || { echo "fma-test: none of ${compilers[*]} is installed"; failed=1; }
echo "$passed passed, $failed failed"
((failed == 0))
