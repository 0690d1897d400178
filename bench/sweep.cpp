// Throughput of training many networks side by side in ctnn::lanes against one at a time: the
// homework's XOR network, 1000 epochs per run, in float and double, 16 side by side in the
// trainer's lane groups on each instruction set the CPU has (the lanes built for each in the
// default build); prints each one's speed-up per core over one network.
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

#include "lane_groups.hpp"
#include "median_reporter.hpp"

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

/// The trainer's lane group of 16 XOR networks, each seeded as one_at_a_time seeds it, with the
/// lanes built for `set`: training alone (side_by_side), or also judging every run after every
/// epoch as the trainer's sweeps and grids do (sweep_group).
template <class T>
void lane_group(benchmark::State& state, ctnn::instruction_set set, bool judge) {
  std::vector<std::uint32_t> solved(epochs);
  ctnn_train::lane_group_job job;
  job.task = ctnn_train::task_kind::logical_xor;
  job.single_precision = std::is_same_v<T, float>;
  job.count = ctnn_train::lane_group_size;
  job.epochs = epochs;
  job.judge = judge;
  // The trainer adds up each window of solved runs; here they are dropped.
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

/// The benchmarks of every instruction set this CPU has.
void register_benchmarks() {
  for (const char* scalar : {"double", "float"}) {
    const bool single = std::string_view(scalar) == "float";
    benchmark::RegisterBenchmark(fmt_name("one_at_a_time", scalar, "", 1).c_str(),
                                 single ? one_at_a_time<float> : one_at_a_time<double>);
    for (const ctnn::instruction_set set : ctnn::instruction_sets) {
      if (!ctnn::cpu_supports(set) || !ctnn_train::built_for(set)) continue;
      for (const bool judge : {false, true}) {
        benchmark::RegisterBenchmark(fmt_name(judge ? "sweep_group" : "side_by_side", scalar,
                                              ctnn::name(set), ctnn_train::lane_group_size)
                                         .c_str(),
                                     [=](benchmark::State& state) {
                                       single ? lane_group<float>(state, set, judge)
                                              : lane_group<double>(state, set, judge);
                                     });
      }
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
        for (const std::size_t lanes : {ctnn_train::lane_group_size}) {
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
