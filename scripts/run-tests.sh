#!/usr/bin/env bash
# ctnn's test command: builds everything and runs every test with GCC 12, Clang 14 and Clang 19.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: scripts/run-tests.sh
# Environment:
#   CTNN_COMPILERS   compilers to test, each in its own build/<name> (default: "g++ clang++
#                    clang++-19": GCC 12, Clang 14 and Debian's newest Clang); with two or
#                    more, each checks a share of the reference suites' topologies
#   CTNN_BUILD_TYPE  CMAKE_BUILD_TYPE (default: RelWithDebInfo, so that the compile-time vs
#                    run-time bit-identity tests run optimised, at -O2)
#   CTNN_JOBS        parallel compile and test jobs (default: nproc)
#   CTNN_SKIP_DEPS   set to 1 to skip scripts/install-deps.sh (e.g. on a system without apt)
#   CTNN_SANITIZE    set to 0 to skip build/sanitize: the trainer and its tests built with
#                    Clang under AddressSanitizer and UndefinedBehaviorSanitizer (default: on
#                    when clang++ is installed)
#   CTNN_AVX2_TESTS  set to 0 to skip build/clang-avx2: the lanes' and the compile-time against
#                    run-time tests built with Clang and -DCTNN_AVX2=ON (default: on when clang++
#                    is installed and the CPU has AVX2)
#   CTNN_FMA_TESTS   set to 0 to skip scripts/fma-test.sh: the headers without CMake, for an FMA
#                    target with -ffp-contract=fast (default: on when the CPU has FMA)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

read -r -a compilers <<<"${CTNN_COMPILERS:-g++ clang++ clang++-19}"
build_type=${CTNN_BUILD_TYPE:-RelWithDebInfo}
jobs=${CTNN_JOBS:-$(nproc)}
if ((${#compilers[@]} == 0)); then
  echo "run-tests: CTNN_COMPILERS names no compiler" >&2
  exit 1
fi

now() { echo "${EPOCHREALTIME/[.,]/}"; }  # microseconds
seconds_since() { local us=$(($(now) - $1)); printf '%d.%d' $((us / 1000000)) $((us / 100000 % 10)); }

# build/gcc for g++, build/clang for clang++, build/clang-15 for clang++-15, ...
build_dir_for() {
  case $1 in
    g++*) echo "build/gcc${1#g++}" ;;
    clang++*) echo "build/clang${1#clang++}" ;;
    *) echo "build/$(basename "$1" | tr -c 'A-Za-z0-9_.\n-' _)" ;;
  esac
}

# phase <name> <command...>: runs one phase of the current compiler, timing it.
# Sets failed_phase on failure and appends "name time" to phase_times.
phase() {
  local name=$1 start rc=0 peak=''
  shift
  echo
  echo "=== [$build_dir] $name: $*"
  start=$(now)
  if [[ -x /usr/bin/time && $(type -t "$1") == file ]]; then
    # GNU time's %M is the largest resident set of any one process: the hungriest compiler run.
    /usr/bin/time -o "$time_log" -f '%M' "$@" || rc=$?
    peak=$(tail -n 1 "$time_log")
    [[ $peak =~ ^[0-9]+$ ]] && peak=", peak $((peak / 1024)) MiB" || peak=''
  else
    "$@" || rc=$?
  fi
  local took
  took="$(seconds_since "$start") s$peak"
  echo "=== [$build_dir] $name: $( ((rc == 0)) && echo ok || echo "FAILED (exit $rc)") in $took"
  phase_times+="  $name $took"
  ((rc == 0)) || failed_phase=$name
  return "$rc"
}

# Keeps ctest's output in $ctest_log too, to quote its count in the summary. A test that hangs
# fails after 10 minutes rather than using up the CI run.
run_ctest() {
  ctest --test-dir "$build_dir" --output-on-failure --no-tests=error --timeout 600 -j "$jobs" \
        "$@" 2>&1 | tee "$ctest_log"
}

# summarize <result>: the summary line of the current build directory.
summarize() {
  local counts=''
  # ctest's own count, e.g. "100% tests passed, 0 tests failed out of 57".
  if [[ -z $failed_phase || $failed_phase == test ]] && [[ -f $ctest_log ]]; then
    counts=$(grep -E '^[0-9]+% tests passed' "$ctest_log" | tail -n 1 || true)
  fi
  summary+=("$(printf '%-16s %-14s%s%s' "$build_dir" "$1" "$phase_times" "${counts:+  $counts}")")
}

total_start=$(now)
if [[ ${CTNN_SKIP_DEPS:-0} != 1 ]]; then
  start=$(now)
  scripts/install-deps.sh
  echo "=== dependencies: ok in $(seconds_since "$start") s"
fi
echo "=== $(cmake --version | head -n 1), build type $build_type, $jobs jobs"

# Warnings are errors here (CTNN_WERROR is off for users), and every optional part is built.
project_options=(-DCTNN_WERROR=ON -DCTNN_BUILD_TRAINER=ON -DCTNN_BUILD_BENCHMARKS=ON
                 -DCTNN_BUILD_DOCS=ON)
# RelWithDebInfo's -O2 without its -g: nothing here reads debug information (a failing check
# prints its values), and -g costs compile time (reference_patterns 40%: tests/CMakeLists.txt).
if [[ $build_type == RelWithDebInfo ]]; then
  project_options+=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG")
fi
summary=()
failed=()
time_log=$(mktemp)
trap 'rm -f "$time_log"' EXIT
# Each compiler checks its share of the reference suites' topologies, a half or a third
# (tests/reference_checks.hpp: every share meets every activation, depth, skip link and input
# group; all together, every topology), unless it is the only one; a fourth compiler takes the
# first share again.
shard=0
shards=$((${#compilers[@]} < 3 ? ${#compilers[@]} : 3))
for compiler in "${compilers[@]}"; do
  build_dir=$(build_dir_for "$compiler")
  shard_option=-DCTNN_TEST_SHARD=
  ((shards > 1)) && shard_option="-DCTNN_TEST_SHARD=$shard/$shards"
  # The trainer's pages in Chromium in the first compiler's build: the pages' code is compiled
  # and unit-tested by every compiler, and a browser run is about 9 s a page.
  browser_option=-DCTNN_BROWSER_TESTS=OFF
  [[ $compiler == "${compilers[0]}" ]] && browser_option=-DCTNN_BROWSER_TESTS=ON
  # The benchmarks (programs that print figures, not tests) and the documentation's examples are
  # compiled by the first and the last compiler, GCC 12 and Clang 19 by default: about 30 s of a
  # build each.
  bench_option=(-DCTNN_BUILD_BENCHMARKS=OFF -DCTNN_DOC_EXAMPLES=OFF)
  [[ $compiler == "${compilers[0]}" || $compiler == "${compilers[-1]}" ]] &&
    bench_option=(-DCTNN_BUILD_BENCHMARKS=ON -DCTNN_DOC_EXAMPLES=ON)
  shard=$(((shard + 1) % shards))
  phase_times=''
  failed_phase=''
  if ! command -v "$compiler" >/dev/null; then
    echo "=== [$build_dir] $compiler is not installed (scripts/install-deps.sh installs g++ and clang)" >&2
    summary+=("$(printf '%-12s %-14s  %s not found' "$build_dir" "FAIL (missing)" "$compiler")")
    failed+=("$compiler")
    continue
  fi
  echo
  echo "=== [$build_dir] $("$compiler" --version | head -n 1)"
  ctest_log=$build_dir/run-tests.ctest.log
  # -k 0: show every compile error, not just the first.
  # Everything is built: the trainer and (but in a middle compiler's build) the benchmarks are ON
  # (required), not AUTO.
  if phase configure cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$compiler" \
                           -DCMAKE_BUILD_TYPE="$build_type" "${project_options[@]}" "$shard_option" \
                           "$browser_option" "${bench_option[@]}" &&
     phase build cmake --build "$build_dir" -j "$jobs" -- -k 0 &&
     phase test run_ctest; then
    result=PASS
  else
    result="FAIL ($failed_phase)"
    failed+=("$compiler")
  fi
  summarize "$result"
done

# The trainer and its tests again, built by Clang with AddressSanitizer and
# UndefinedBehaviorSanitizer (any report fails the test). Only the trainer's targets: the library's tests are mostly
# static_asserts, which a sanitizer cannot see, and would double the time.
if [[ ${CTNN_SANITIZE:-1} != 0 ]] && command -v clang++ >/dev/null; then
  build_dir=build/sanitize
  phase_times=''
  failed_phase=''
  ctest_log=$build_dir/run-tests.ctest.log
  echo
  echo "=== [$build_dir] $(clang++ --version | head -n 1), -fsanitize=address,undefined"
  sanitize_flags="-fsanitize=address,undefined -fno-sanitize-recover=all"
  # -O1, as AddressSanitizer's documentation advises, with line tables for the reports: the
  # sanitized build is for what it reports, and builds faster than at -O2.
  sanitize_optimisation=()
  [[ $build_type == RelWithDebInfo ]] &&
    sanitize_optimisation=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG")
  sanitize_targets=(ctnn_trainer_tests ctnn-train ctnn_io_samples ctnn_fuzz_model_loader)
  # The sweeps' lanes for the sets this CPU can run: the sanitizers see only code that runs.
  sanitize_sets=sse2
  grep -qw avx2 /proc/cpuinfo 2>/dev/null && sanitize_sets+=';avx2'
  grep -qw avx512f /proc/cpuinfo 2>/dev/null && grep -qw avx512vl /proc/cpuinfo &&
    grep -qw avx512dq /proc/cpuinfo && grep -qw avx512bw /proc/cpuinfo && sanitize_sets+=';avx512'
  sanitized=' and clang++ with sanitizers'
  if phase configure cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
                           -DCMAKE_BUILD_TYPE="$build_type" "${project_options[@]}" \
                           "${sanitize_optimisation[@]}" "-DCMAKE_CXX_FLAGS=$sanitize_flags" \
                           -DCTNN_BROWSER_TESTS=OFF "-DCTNN_TRAIN_INSTRUCTION_SETS=$sanitize_sets" &&
     phase build cmake --build "$build_dir" -j "$jobs" --target "${sanitize_targets[@]}" -- -k 0 &&
     phase test run_ctest -R 'trainer|cli|model|svg|export|fuzz|hostile'; then
    result=PASS
  else
    result="FAIL ($failed_phase)"
    failed+=("sanitize")
  fi
  summarize "$result"
fi

# The tests of ctnn::lanes and of compile-time against run-time training again, built by Clang
# with -DCTNN_AVX2=ON (where the CPU has AVX2; tests/CMakeLists.txt picks them): wider vectors in
# ctnn::lanes must leave every result the same bits, compile time against run time and networks
# side by side (each lane against the reference, trained alone) on every reference topology. The
# trainer's sweeps run on the same lanes; its own tests are left to the builds above.
if [[ ${CTNN_AVX2_TESTS:-1} != 0 ]] && command -v clang++ >/dev/null &&
   grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
  build_dir=build/clang-avx2
  phase_times=''
  failed_phase=''
  ctest_log=$build_dir/run-tests.ctest.log
  echo
  echo "=== [$build_dir] $(clang++ --version | head -n 1), -DCTNN_AVX2=ON"
  avx2_targets=(ctnn_tests)
  if phase configure cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
                           -DCMAKE_BUILD_TYPE="$build_type" -DCTNN_AVX2=ON "${project_options[@]}" \
                           -DCTNN_BROWSER_TESTS=OFF &&
     phase build cmake --build "$build_dir" -j "$jobs" --target "${avx2_targets[@]}" -- -k 0 &&
     phase test "$build_dir/tests/ctnn_tests"; then
    result=PASS
  else
    result="FAIL ($failed_phase)"
    failed+=("avx2")
  fi
  summarize "$result"
  sanitized+=' and clang++ for AVX2'
fi

# The headers as a consumer uses them without CMake, for x86-64-v3 with -ffp-contract=fast, by
# every compiler: the build must stop at ctnn's #error, and with the flags it names, compile-time
# and run-time training must agree bit for bit.
if [[ ${CTNN_FMA_TESTS:-1} != 0 ]] && grep -qw fma /proc/cpuinfo 2>/dev/null; then
  build_dir=fma-test
  phase_times=''
  failed_phase=''
  ctest_log=''
  if phase test env CTNN_COMPILERS="${compilers[*]}" scripts/fma-test.sh; then
    result=PASS
  else
    result="FAIL ($failed_phase)"
    failed+=("fma")
  fi
  summarize "$result"
  sanitized="${sanitized:-} and without CMake for FMA"
fi

echo
echo "=== summary (build type $build_type, $(seconds_since "$total_start") s in all)"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "run-tests: FAILED with ${failed[*]} (of ${compilers[*]})"
  exit 1
fi
echo "run-tests: PASSED with ${compilers[*]}${sanitized:-}"
