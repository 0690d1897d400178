// The side-by-side half of bench_sweep, compiled once per instruction set (bench/CMakeLists.txt,
// with CTNN_ISA_NAMESPACE: see ctnn/detail/namespace.hpp): N XOR networks trained in ctnn::lanes.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/initialize.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/random.hpp>
#include <ctnn/train_lanes.hpp>
#include <utility>

#if !defined(CTNN_ISA_NAMESPACE)
#  error "compile this file with CTNN_ISA_NAMESPACE set to its instruction set"
#endif

#define CTNN_BENCH_JOIN(a, b) a##b
#define CTNN_BENCH_NAME(set) CTNN_BENCH_JOIN(side_by_side_, set)

namespace ctnn_bench {

double CTNN_BENCH_NAME(CTNN_ISA_NAMESPACE)(bool single_precision, std::size_t lanes,
                                           std::uint64_t first_seed, std::size_t epochs);

namespace {

/// N networks seeded first_seed, first_seed + 1, ..., trained `epochs` epochs side by side at the
/// homework's rate; returns the sum of their final parameters, for the benchmark to keep.
template <class T, std::size_t N>
double train_side_by_side(std::uint64_t first_seed, std::size_t epochs) {
  using ctnn::homework::xor_net;
  const auto rngs_of = [&]<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<ctnn::pcg32, N>{ctnn::pcg32(first_seed + I)...};
  };
  std::array<ctnn::pcg32, N> rngs = rngs_of(std::make_index_sequence<N>{});
  ctnn::parameters<xor_net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<xor_net, T>(rngs[i]);
  auto params = ctnn::side_by_side(each);
  for (std::size_t e = 0; e < epochs; ++e)
    ctnn::sgd_epoch(params, ctnn::homework::xor_patterns<T>, T(0.05), rngs);
  double sum = 0;
  for (const auto& value : params.values)
    for (std::size_t i = 0; i < N; ++i) sum += static_cast<double>(value[i]);
  return sum;
}

template <class T>
double train_side_by_side(std::size_t lanes, std::uint64_t first_seed, std::size_t epochs) {
  switch (lanes) {
    case 16:
      return train_side_by_side<T, 16>(first_seed, epochs);
    default:
      return train_side_by_side<T, 32>(first_seed, epochs);
  }
}

}  // namespace

double CTNN_BENCH_NAME(CTNN_ISA_NAMESPACE)(bool single_precision, std::size_t lanes,
                                           std::uint64_t first_seed, std::size_t epochs) {
  return single_precision ? train_side_by_side<float>(lanes, first_seed, epochs)
                          : train_side_by_side<double>(lanes, first_seed, epochs);
}

}  // namespace ctnn_bench
