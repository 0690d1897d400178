// Times one network's SGD step: ctnn::sgd_step against the same math written by hand with
// std::exp, for the homework's OR neuron and XOR network in float and double, and prints the
// ratios.
// SPDX-License-Identifier: BSL-1.0
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "median_reporter.hpp"
#include "step_kernels.hpp"

namespace {

using namespace ctnn_bench;

/// 1000 epochs a pass: long enough that resetting the parameters each pass costs nothing.
const std::vector<unsigned char>& sequence() {
  static const std::vector<unsigned char> steps = pattern_sequence(1000);
  return steps;
}

template <class Make, class Data>
void time_steps(benchmark::State& state, Make make, const Data& data) {
  using T = typename Data::value_type;
  const auto& steps = sequence();
  for (auto _ : state) {
    auto trainer = make();  // each pass trains from the same start, as a real run would
    benchmark::DoNotOptimize(run_steps(trainer, data, steps, T(0.05)));
    benchmark::DoNotOptimize(trainer);
  }
  state.counters["ns/step"] = benchmark::Counter(
      static_cast<double>(steps.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

template <class T>
void hand_or_step(benchmark::State& state) {
  time_steps(state, make_hand_or<T>, ctnn::homework::or_patterns<T>);
}
template <class T>
void ctnn_or_step(benchmark::State& state) {
  time_steps(
      state, [] { return library_step<or_net, T>{initial_parameters<or_net, T>()}; },
      ctnn::homework::or_patterns<T>);
}
template <class T>
void hand_xor_step(benchmark::State& state) {
  time_steps(state, make_hand_xor<T>, ctnn::homework::xor_patterns<T>);
}
template <class T>
void ctnn_xor_step(benchmark::State& state) {
  time_steps(
      state, [] { return library_step<xor_net, T>{initial_parameters<xor_net, T>()}; },
      ctnn::homework::xor_patterns<T>);
}

BENCHMARK(hand_or_step<double>);
BENCHMARK(ctnn_or_step<double>);
BENCHMARK(hand_xor_step<double>);
BENCHMARK(ctnn_xor_step<double>);
BENCHMARK(hand_or_step<float>);
BENCHMARK(ctnn_or_step<float>);
BENCHMARK(hand_xor_step<float>);
BENCHMARK(ctnn_xor_step<float>);

void print_ratios(const std::map<std::string, double>& ns) {
  std::printf(
      "\nctnn::sgd_step against the hand-written loop (median ns per step; target <= 1.10)\n");
  std::printf("  %-8s %-7s %10s %10s %8s\n", "network", "scalar", "hand", "ctnn", "ratio");
  for (const char* net : {"or", "xor"}) {
    for (const char* scalar : {"double", "float"}) {
      const auto hand = ns.find(std::string("hand_") + net + "_step<" + scalar + ">");
      const auto lib = ns.find(std::string("ctnn_") + net + "_step<" + scalar + ">");
      if (hand == ns.end() || lib == ns.end()) continue;
      std::printf("  %-8s %-7s %10.2f %10.2f %8.3f\n", net, scalar, hand->second, lib->second,
                  lib->second / hand->second);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (!ctnn_bench::initialize(argc, argv, {"--benchmark_repetitions=9"})) return 2;
  ctnn_bench::median_reporter reporter("ns/step");
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_ratios(reporter.median_ns);
}
