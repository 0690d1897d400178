#!/usr/bin/env bash
# Builds ctnn's benchmarks and runs them all, printing every figure bench/README.md quotes. Each
# figure is a ratio against a reference measured in the same run, as these machines are shared.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: bench/run.sh [compiler]   (default g++; the build goes to build/benchmarks-<compiler>)
# Environment: CTNN_SKIP_DEPS=1 skips scripts/install-deps.sh; CTNN_BENCH_COMPILE=0 skips the
# compile-time table and headroom (the slowest part, several minutes); CTNN_AVX2=ON builds
# everything for AVX2 (in build/benchmarks-<compiler>-avx2), which the sweeps no longer need: they
# carry lanes for SSE2, AVX2 and AVX-512 and measure each this CPU has.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cxx=${1:-g++}
avx2=${CTNN_AVX2:-OFF}
# Not build/bench-*, which compile-time.sh configures with the tests.
build=build/benchmarks-${cxx%++}
[[ $avx2 != ON ]] || build+=-avx2
[[ ${CTNN_SKIP_DEPS:-0} == 1 ]] || scripts/install-deps.sh
# RelWithDebInfo is -O2, the optimisation the issue's reference loop is compiled with.
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCTNN_BUILD_TESTS=OFF -DCTNN_BUILD_EXAMPLES=OFF -DCTNN_AVX2="$avx2" >/dev/null
cmake --build "$build" --target bench_step bench_step_count bench_math bench_fann bench_sweep ctnn-train

echo; echo "== $cxx: one network's SGD step, ctnn against the hand-written loop"
"$build/bench/bench_step"
echo; echo "== $cxx: instructions per step (callgrind)"
bench/instructions.sh "$build/bench/bench_step_count"
echo; echo "== $cxx: exp and sigmoid against glibc's, on a dependency chain"
"$build/bench/bench_math"
echo; echo "== $cxx: FANN against ctnn"
"$build/bench/bench_fann"
echo; echo "== $cxx: networks side by side"
"$build/bench/bench_sweep"
echo; echo "== $cxx: ctnn-train sweep xor --seeds 1000 (8000 epochs each), wall time on $(nproc) cores"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 "$build/trainer/ctnn-train sweep xor --seeds 1000 --out $out"
else
  for run in 1 2 3; do
    /usr/bin/time -f '%e s' "$build/trainer/ctnn-train" sweep xor --seeds 1000 --out "$out" >/dev/null
  done
fi
echo; echo "== $cxx: the sweep (1000 seeds) and a grid (40 rates x 1000 seeds), 8000 epochs, on each"
echo "   instruction set this CPU has: wall and CPU time on $(nproc) cores"
for set in sse2 avx2 avx512; do
  if ! "$build/trainer/ctnn-train" sweep or --seeds 1 --epochs 1 --isa "$set" --out "$out" \
    --progress off >/dev/null 2>&1; then
    echo "$set: not on this CPU"
    continue
  fi
  for run in 1 2 3; do
    /usr/bin/time -f "$set sweep: %e s wall, %U s CPU" "$build/trainer/ctnn-train" sweep xor \
      --seeds 1000 --isa "$set" --out "$out" --progress off >/dev/null
  done
  for run in 1 2; do
    /usr/bin/time -f "$set grid: %e s wall, %U s CPU" "$build/trainer/ctnn-train" sweep xor \
      --learning-rates 0.01:2:40 --seeds 1000 --isa "$set" --out "$out" --progress off >/dev/null
  done
done
if [[ ${CTNN_BENCH_COMPILE:-1} != 0 ]]; then
  echo; echo "== compile time and memory of the static tests"
  bench/compile-time.sh
  echo; echo "== headroom under the default constexpr limits"
  bench/headroom.sh
fi
