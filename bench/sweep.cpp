// Throughput of training many networks side by side in ctnn::lanes against one at a time: the
// homework's XOR network, 1000 epochs per run, in float and double, for several lane counts and
// each instruction set the CPU has (the lanes built for each in the default build); prints each
// one's speed-up per core over one network.
// SPDX-License-Identifier: BSL-1.0
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <ctnn.hpp>
#include <ctnn/instruction_set.hpp>
#include <ctnn/presets/homework.hpp>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#if defined(CTNN_BENCH_TRAINER)
#  include "lane_groups.hpp"
#endif

#include "median_reporter.hpp"

namespace ctnn_bench {

// The side-by-side training built for each instruction set (sweep_lanes.cpp).
double side_by_side_sse2(bool single_precision, std::size_t lanes, std::uint64_t first_seed,
                         std::size_t epochs);
double side_by_side_avx2(bool single_precision, std::size_t lanes, std::uint64_t first_seed,
                         std::size_t epochs);
double side_by_side_avx512(bool single_precision, std::size_t lanes, std::uint64_t first_seed,
                           std::size_t epochs);

double side_by_side(ctnn::instruction_set set, bool single_precision, std::size_t lanes,
                    std::uint64_t first_seed, std::size_t epochs) {
  switch (set) {
#if defined(CTNN_BENCH_WIDE_SETS)
    case ctnn::instruction_set::avx512:
      return side_by_side_avx512(single_precision, lanes, first_seed, epochs);
    case ctnn::instruction_set::avx2:
      return side_by_side_avx2(single_precision, lanes, first_seed, epochs);
#endif
    default:
      return side_by_side_sse2(single_precision, lanes, first_seed, epochs);
  }
}

}  // namespace ctnn_bench

namespace {

using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
constexpr std::size_t epochs = 1000;

/// A benchmark's name: what, scalar type, instruction set and lanes.
std::string fmt_name(std::string_view what, std::string_view scalar, std::string_view set,
                     std::size_t lanes) {
  std::string name = std::string(what) + "/" + std::string(scalar);
  if (!set.empty()) name += "/" + std::string(set) + "/" + std::to_string(lanes);
  return name;
}

/// One network at a time, as ctnn::train runs it: N runs one after the other.
template <class T>
void one_at_a_time(benchmark::State& state) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    const auto params = ctnn::train<xor_net>(
        xor_patterns<T>, {.learning_rate = 0.05, .epochs = epochs, .random_seed = seed++});
    benchmark::DoNotOptimize(params);
  }
  state.counters["ns/network-step"] = benchmark::Counter(
      4.0 * epochs, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

/// N networks side by side, each seeded as one_at_a_time seeds it, with the lanes built for each
/// instruction set (sweep_lanes.cpp, compiled once per set).
template <class T>
void side_by_side(benchmark::State& state, ctnn::instruction_set set, std::size_t lanes) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        ctnn_bench::side_by_side(set, std::is_same_v<T, float>, lanes, seed, epochs));
    seed += lanes;
  }
  state.counters["ns/network-step"] = benchmark::Counter(
      4.0 * epochs * static_cast<double>(lanes),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

#if defined(CTNN_BENCH_TRAINER)
/// The trainer's lane group (a sweep's or a grid's 16 runs): training, and judging every run after
/// every epoch.
template <class T>
void sweep_group(benchmark::State& state, ctnn::instruction_set set) {
  std::vector<std::uint32_t> solved(epochs);
  // The trainer's sweeps add up each window of solved runs; here they are dropped.
  ctnn_train::lane_group_job job;
  job.task = ctnn_train::task_kind::logical_xor;
  job.single_precision = std::is_same_v<T, float>;
  job.count = ctnn_train::lane_group_size;
  job.epochs = epochs;
  job.solved = solved.data();
  job.window = solved.size();
  job.report = [](void*, std::size_t, std::size_t) {};
  ctnn_train::lane_group_result result;
  std::uint64_t seed = 1;
  for (auto _ : state) {
    for (std::size_t i = 0; i < job.count; ++i) job.seeds[i] = seed++, job.rates[i] = 0.05;
    ctnn_train::train_lane_group(set, job, result);
    benchmark::DoNotOptimize(result);
  }
  state.counters["ns/network-step"] = benchmark::Counter(
      4.0 * epochs * static_cast<double>(ctnn_train::lane_group_size),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
#endif

/// The benchmarks of every instruction set this CPU has.
void register_benchmarks() {
  for (const char* scalar : {"double", "float"}) {
    const bool single = std::string_view(scalar) == "float";
    benchmark::RegisterBenchmark(fmt_name("one_at_a_time", scalar, "", 1).c_str(),
                                 single ? one_at_a_time<float> : one_at_a_time<double>);
    for (const ctnn::instruction_set set : ctnn::instruction_sets) {
      if (!ctnn::cpu_supports(set)) continue;
      for (const std::size_t lanes : {16, 32}) {
        benchmark::RegisterBenchmark(
            fmt_name("side_by_side", scalar, ctnn::name(set), lanes).c_str(),
            [=](benchmark::State& state) {
              single ? side_by_side<float>(state, set, lanes)
                     : side_by_side<double>(state, set, lanes);
            });
      }
#if defined(CTNN_BENCH_TRAINER)
      benchmark::RegisterBenchmark(
          fmt_name("sweep_group", scalar, ctnn::name(set), ctnn_train::lane_group_size).c_str(),
          [=](benchmark::State& state) {
            single ? sweep_group<float>(state, set) : sweep_group<double>(state, set);
          });
#endif
    }
  }
}

void print_ratios(const std::map<std::string, double>& ns) {
  std::printf(
      "\nNetworks side by side against one at a time, per core (median ns per network-step;\n"
      "target: >= 8x in double and in float with the widest set; sweep_group also judges every\n"
      "run after every epoch, as the trainer's sweeps and grids do)\n");
  std::printf("  %-7s %-13s %-7s %6s %10s %10s\n", "scalar", "what", "set", "lanes", "ns",
              "speed-up");
  for (const std::string scalar : {"double", "float"}) {
    const auto one = ns.find(fmt_name("one_at_a_time", scalar, "", 1));
    if (one == ns.end()) continue;
    std::printf("  %-7s %-13s %-7s %6d %10.2f %10s\n", scalar.c_str(), "one_at_a_time", "-", 1,
                one->second, "1.00x");
    for (const ctnn::instruction_set set : ctnn::instruction_sets) {
      for (const std::string what : {"side_by_side", "sweep_group"}) {
        for (const std::size_t lanes : {16, 32}) {
          const auto many = ns.find(fmt_name(what, scalar, ctnn::name(set), lanes));
          if (many == ns.end()) continue;
          std::printf("  %-7s %-13s %-7s %6zu %10.2f %9.2fx\n", scalar.c_str(), what.c_str(),
                      std::string(ctnn::name(set)).c_str(), lanes, many->second,
                      one->second / many->second);
        }
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (!ctnn_bench::initialize(argc, argv, {"--benchmark_repetitions=5"})) return 2;
  register_benchmarks();
  ctnn_bench::median_reporter reporter("ns/network-step");
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_ratios(reporter.median_ns);
}
