// Static tests of ctnn::lanes: at compile time too, networks trained side by side are the
// networks trained alone, bit for bit.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>
#include <ctnn/train_lanes.hpp>

#include "support.hpp"

namespace {

using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
constexpr std::size_t epochs = 60;

/// Whether every lane of a side-by-side XOR run equals its network trained alone.
template <class T, std::size_t N>
constexpr bool side_by_side_is_alone(std::uint64_t first_seed) {
  std::array<std::uint64_t, N> seeds{};
  for (std::size_t i = 0; i < N; ++i) seeds[i] = first_seed + i;
  std::array<ctnn::pcg32, N> rngs = ctnn::seeded_generators(seeds);
  ctnn::parameters<xor_net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<xor_net, T>(rngs[i]);
  auto together = ctnn::side_by_side(each);
  for (std::size_t e = 0; e < epochs; ++e)
    ctnn::sgd_epoch(together, xor_patterns<T>, T(0.05), rngs);
  bool same = true;
  for (std::size_t i = 0; i < N; ++i)
    same = same && ctnn::lane(together, i) ==
                       ctnn::train<xor_net>(
                           xor_patterns<T>,
                           {.learning_rate = 0.05, .epochs = epochs, .random_seed = seeds[i]});
  return same;
}

static_assert(side_by_side_is_alone<double, 4>(1));
static_assert(side_by_side_is_alone<float, 3>(30));

// At compile time sigmoid over lanes is, by its definition (ctnn/lanes/math.hpp), ctnn::sigmoid lane
// by lane: its vector path runs only at run time, where tests/lanes.test.cpp checks its bits
// against the scalar sigmoid. What a static test can claim is that the lanes' arithmetic and
// sigmoid give each lane the logistic function of its own input, here against values computed
// outside ctnn (to 200 bits, then rounded): 1 / (1 + e^-x) at x = 2 a - 1.
constexpr ctnn::lanes<double, 4> four = [] {
  ctnn::lanes<double, 4> a;
  a[0] = -1.5, a[1] = 800.0, a[2] = 0.25, a[3] = -0.5;
  return ctnn::sigmoid(a * 2.0 - 1.0);
}();
static_assert(ctnn_test::near_relative(four[0], 0.01798620996209156, 2.3e-16));  // x = -4
static_assert(four[1] == 1.0);                                                   // x = 1599
static_assert(ctnn_test::near_relative(four[2], 0.37754066879814546, 2.3e-16));  // x = -0.5
static_assert(ctnn_test::near_relative(four[3], 0.11920292202211756, 2.3e-16));  // x = -2

}  // namespace
