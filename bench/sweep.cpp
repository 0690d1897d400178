// Throughput of training many networks side by side in ctnn::lanes against one at a time: the
// homework's XOR network, 1000 epochs per run, in float and double, for several lane counts; prints
// each lane count's speed-up per core over one network.
// SPDX-License-Identifier: BSL-1.0
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <ctnn.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train_lanes.hpp>
#include <map>
#include <string>
#include <vector>

#include "median_reporter.hpp"

namespace {

using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
constexpr std::size_t epochs = 1000;

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

/// N networks side by side, each seeded as one_at_a_time seeds it.
template <class T, std::size_t N>
void side_by_side(benchmark::State& state) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    std::array<std::uint64_t, N> seeds{};
    for (auto& s : seeds) s = seed++;
    auto rngs = ctnn::seeded_generators(seeds);
    ctnn::parameters<xor_net, T> each[N];
    for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<xor_net, T>(rngs[i]);
    auto params = ctnn::side_by_side(each);
    for (std::size_t e = 0; e < epochs; ++e)
      benchmark::DoNotOptimize(ctnn::sgd_epoch(params, xor_patterns<T>, T(0.05), rngs));
    benchmark::DoNotOptimize(params);
  }
  state.counters["ns/network-step"] =
      benchmark::Counter(4.0 * epochs * N, benchmark::Counter::kIsIterationInvariantRate |
                                               benchmark::Counter::kInvert);
}

BENCHMARK(one_at_a_time<double>);
BENCHMARK(side_by_side<double, 4>);
BENCHMARK(side_by_side<double, 8>);
BENCHMARK(side_by_side<double, 16>);
BENCHMARK(side_by_side<double, 32>);
BENCHMARK(one_at_a_time<float>);
BENCHMARK(side_by_side<float, 4>);
BENCHMARK(side_by_side<float, 8>);
BENCHMARK(side_by_side<float, 16>);
BENCHMARK(side_by_side<float, 32>);

void print_ratios(const std::map<std::string, double>& ns) {
  std::printf(
      "\nNetworks side by side against one at a time, per core (median ns per network-step;\n"
      "targets: >= 8x in double, >= 16x in float)\n");
  std::printf("  %-7s %6s %10s %10s\n", "scalar", "lanes", "ns", "speed-up");
  for (const std::string scalar : {"double", "float"}) {
    const auto one = ns.find("one_at_a_time<" + scalar + ">");
    if (one == ns.end()) continue;
    std::printf("  %-7s %6d %10.2f %10s\n", scalar.c_str(), 1, one->second, "1.00x");
    for (int lanes : {4, 8, 16, 32}) {
      const auto many = ns.find("side_by_side<" + scalar + ", " + std::to_string(lanes) + ">");
      if (many == ns.end()) continue;
      std::printf("  %-7s %6d %10.2f %9.2fx\n", scalar.c_str(), lanes, many->second,
                  one->second / many->second);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (!ctnn_bench::initialize(argc, argv, {"--benchmark_repetitions=5"})) return 2;
  ctnn_bench::median_reporter reporter("ns/network-step");
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_ratios(reporter.median_ns);
}
