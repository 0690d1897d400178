// One network of bench/size/networks.hpp (number CTNN_BENCH_NET) trained at run time by
// ctnn::sgd_step, and by the same math written as plain loops with std::exp, in float and
// double; prints the parameters, ns per step of each and their ratio. With
// -DCTNN_BENCH_CTNN_ONLY it compiles ctnn's training alone: bench/size.sh times that compile.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <cstddef>
#include <cstdio>
#include <ctnn.hpp>
#include <tuple>
#include <vector>

#include "networks.hpp"

#ifndef CTNN_BENCH_NET
#  error "compile with -DCTNN_BENCH_NET=<number of a network in networks.hpp>"
#endif

namespace {

using Net = std::tuple_element_t<CTNN_BENCH_NET, ctnn_bench::size_networks>;
constexpr std::size_t pattern_count = 32;

template <class T>
using patterns = ctnn::dataset<T, Net::input_width, Net::output_width, pattern_count>;

/// 32 patterns: inputs N(0, 1), targets 0 or 1.
template <class T>
patterns<T> make_patterns() {
  ctnn::pcg32 rng(11);
  patterns<T> data;
  for (auto& x : data.inputs)
    for (T& value : x) value = ctnn::standard_normal<T>(rng);
  for (auto& t : data.targets)
    for (T& value : t) value = T(rng.bounded(2));
  return data;
}

template <class T>
T train_ctnn(ctnn::parameters<Net, T>& params, const patterns<T>& data, std::size_t steps) {
  T loss{};
  for (std::size_t s = 0; s < steps; ++s) {
    const std::size_t n = s % pattern_count;
    loss += ctnn::sgd_step(params, data.inputs[n], data.targets[n], T(0.01));
  }
  return loss;
}

}  // namespace

#ifdef CTNN_BENCH_CTNN_ONLY
int main() {
  auto params = ctnn::initialize<Net, float>(std::uint64_t{3});
  std::printf("%g\n", double(train_ctnn(params, make_patterns<float>(), 1000)));
  auto params_double = ctnn::initialize<Net, double>(std::uint64_t{3});
  std::printf("%g\n", train_ctnn(params_double, make_patterns<double>(), 1000));
}
#else
#  include <algorithm>
#  include <chrono>
#  include <cmath>

#  include "hand_loop.hpp"

namespace {

template <class F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

/// ns per step of ctnn and of the hand loop, the medians of alternating rounds that start from
/// the same parameters; and how far apart their parameters are after one pass over the patterns,
/// relative to the largest, which says that they compute the same math.
template <class T>
void measure(const char* type) {
  const auto data = make_patterns<T>();
  const auto initial = ctnn::initialize<Net, T>(std::uint64_t{3});
  const std::size_t steps = std::max<std::size_t>(64, 4'000'000 / Net::parameter_count);
  std::vector<double> ctnn_ns, hand_ns;
  T sink{};
  // One pass over the patterns by both, from the same start: their parameters agree but for
  // rounding (std::exp and ctnn::exp may differ in the last bit).
  double difference = 0;
  {
    auto params = initial;
    ctnn_bench::hand_loop<Net, T> hand(initial);
    sink += train_ctnn(params, data, pattern_count);
    for (std::size_t n = 0; n < pattern_count; ++n)
      sink += hand.step(data.inputs[n], data.targets[n], T(0.01));
    difference = hand.largest_difference(params);
  }
  for (int round = 0; round < 15; ++round) {
    auto params = initial;
    ctnn_bench::hand_loop<Net, T> hand(initial);
    const auto run_ctnn = [&] { sink += train_ctnn(params, data, steps); };
    const auto run_hand = [&] {
      for (std::size_t s = 0; s < steps; ++s) {
        const std::size_t n = s % pattern_count;
        sink += hand.step(data.inputs[n], data.targets[n], T(0.01));
      }
    };
    if (round % 2 == 0) {
      ctnn_ns.push_back(seconds(run_ctnn) * 1e9 / double(steps));
      hand_ns.push_back(seconds(run_hand) * 1e9 / double(steps));
    } else {
      hand_ns.push_back(seconds(run_hand) * 1e9 / double(steps));
      ctnn_ns.push_back(seconds(run_ctnn) * 1e9 / double(steps));
    }
  }
  const double ctnn_step = median(ctnn_ns), hand_step = median(hand_ns);
  std::printf(
      "%zu parameters %s: ctnn %.1f ns/step, hand loop %.1f ns/step, ratio %.3f "
      "(after one pass, parameters differ by %.1e relative; loss sum %g)\n",
      Net::parameter_count, type, ctnn_step, hand_step, ctnn_step / hand_step, difference,
      double(sink));
}

}  // namespace

int main() {
  measure<float>("float");
  measure<double>("double");
}
#endif
