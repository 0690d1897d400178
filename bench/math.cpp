// Times ctnn's exp and sigmoid against glibc's on a dependency chain, where a training step meets
// them: each call's argument is the previous call's result, so the figure is the latency.
// Prints ctnn's time over glibc's for each function and scalar type.
// SPDX-License-Identifier: BSL-1.0
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <ctnn/math.hpp>
#include <map>
#include <string>

#include "median_reporter.hpp"

namespace {

constexpr int chain_length = 1000;

/// f on a chain of chain_length calls. The argument x' = a f(x) + b stays in (-1.3, -0.6) for
/// exp and in (-3.1, 2.9) for sigmoid, where training meets them; the multiplication and
/// addition it adds to each link are the same for ctnn and glibc.
template <class T, class F>
void time_chain(benchmark::State& state, F f, T scale, T shift) {
  T x = T(0.3);
  for (auto _ : state) {
    for (int i = 0; i < chain_length; ++i) x = f(x) * scale + shift;
    benchmark::DoNotOptimize(x);
  }
  state.counters["ns/call"] = benchmark::Counter(
      chain_length, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

template <class T>
void ctnn_exp(benchmark::State& state) {
  time_chain<T>(
      state, [](T x) { return ctnn::exp(x); }, T(0.25), T(-1.3));
}
template <class T>
void glibc_exp(benchmark::State& state) {
  time_chain<T>(
      state, [](T x) { return std::exp(x); }, T(0.25), T(-1.3));
}
template <class T>
void ctnn_sigmoid(benchmark::State& state) {
  time_chain<T>(
      state, [](T x) { return ctnn::sigmoid(x); }, T(6), T(-3.1));
}
template <class T>
void glibc_sigmoid(benchmark::State& state) {
  time_chain<T>(
      state, [](T x) { return T(1) / (T(1) + std::exp(-x)); }, T(6), T(-3.1));
}

BENCHMARK(ctnn_exp<double>);
BENCHMARK(glibc_exp<double>);
BENCHMARK(ctnn_exp<float>);
BENCHMARK(glibc_exp<float>);
BENCHMARK(ctnn_sigmoid<double>);
BENCHMARK(glibc_sigmoid<double>);
BENCHMARK(ctnn_sigmoid<float>);
BENCHMARK(glibc_sigmoid<float>);

void print_ratios(const std::map<std::string, double>& ns) {
  std::printf(
      "\nctnn's functions against glibc's on a dependency chain (median ns per call, with one\n"
      "multiplication and one addition of the chain's own)\n");
  std::printf("  %-8s %-7s %10s %10s %8s\n", "function", "scalar", "glibc", "ctnn", "ratio");
  for (const std::string function : {"exp", "sigmoid"}) {
    for (const std::string scalar : {"double", "float"}) {
      const auto glibc = ns.find("glibc_" + function + "<" + scalar + ">");
      const auto ctnn = ns.find("ctnn_" + function + "<" + scalar + ">");
      if (glibc == ns.end() || ctnn == ns.end()) continue;
      std::printf("  %-8s %-7s %10.2f %10.2f %8.3f\n", function.c_str(), scalar.c_str(),
                  glibc->second, ctnn->second, ctnn->second / glibc->second);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (!ctnn_bench::initialize(argc, argv, {"--benchmark_repetitions=9"})) return 2;
  ctnn_bench::median_reporter reporter("ns/call");
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_ratios(reporter.median_ns);
}
