// Static tests of ctnn::lanes: at compile time too, networks trained side by side are the
// networks trained alone, bit for bit.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>
#include <ctnn/train_lanes.hpp>
#include <limits>

#include "support.hpp"

namespace {

using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
// Relu units whose net inputs fall on both sides of 0 in XOR's patterns.
using relu_net = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::relu>,
                               ctnn::dense<1, ctnn::logistic, ctnn::from<0, 1>>>;
constexpr std::size_t epochs = 60;

/// Whether every lane of a side-by-side XOR run equals its network trained alone.
template <class Net, class T, std::size_t N>
constexpr bool side_by_side_is_alone(std::uint64_t first_seed) {
  std::array<std::uint64_t, N> seeds{};
  for (std::size_t i = 0; i < N; ++i) seeds[i] = first_seed + i;
  std::array<ctnn::pcg32, N> rngs = ctnn::seeded_generators(seeds);
  ctnn::parameters<Net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<Net, T>(rngs[i]);
  auto together = ctnn::side_by_side(each);
  for (std::size_t e = 0; e < epochs; ++e)
    ctnn::sgd_epoch(together, xor_patterns<T>, T(0.05), rngs);
  bool same = true;
  for (std::size_t i = 0; i < N; ++i)
    same = same &&
           ctnn::lane(together, i) ==
               ctnn::train<Net>(xor_patterns<T>,
                                {.learning_rate = 0.05, .epochs = epochs, .random_seed = seeds[i]});
  return same;
}

static_assert(side_by_side_is_alone<xor_net, double, 4>(1));
static_assert(side_by_side_is_alone<xor_net, float, 3>(30));
static_assert(side_by_side_is_alone<relu_net, double, 2>(5));
static_assert(side_by_side_is_alone<relu_net, float, 3>(8));

// Relu in lanes is `net > 0 ? net : 0` in each lane: +0 for -0 and NaN, and its slope 0 there.
constexpr auto relu_of = [](double a, double b, double c, double d) {
  ctnn::lanes<double, 4> net;
  net[0] = a, net[1] = b, net[2] = c, net[3] = d;
  return std::array{ctnn::relu::value(net), ctnn::relu::slope(ctnn::relu::value(net))};
};
constexpr auto relu_edges = relu_of(-0.0, std::numeric_limits<double>::quiet_NaN(), 1.5, -2.0);
static_assert(std::bit_cast<std::uint64_t>(relu_edges[0][0]) == 0);  // +0, not -0
static_assert(std::bit_cast<std::uint64_t>(relu_edges[0][1]) == 0);  // +0, not NaN
static_assert(relu_edges[0][2] == 1.5 && std::bit_cast<std::uint64_t>(relu_edges[0][3]) == 0);
static_assert(relu_edges[1][0] == 0.0 && relu_edges[1][1] == 0.0);
static_assert(relu_edges[1][2] == 1.0 && relu_edges[1][3] == 0.0);
static_assert(ctnn::ActivationFor<ctnn::relu, ctnn::lanes<float, 8>>);

// Every built-in activation computes in lanes; one that compares its argument with 0 does not
// (side_by_side and sgd_epoch refuse it: static_tests/fail/lanes_*_unsupported_activation.cpp).
struct leaky_relu {
  template <std::totally_ordered T>
  static constexpr T value(T net) {
    return net > T(0) ? net : T(0.01) * net;
  }
  template <std::totally_ordered T>
  static constexpr T slope(T output) {
    return output > T(0) ? T(1) : T(0.01);
  }
};
using built_ins = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic>,
                                ctnn::dense<2, ctnn::hyperbolic_tangent>,
                                ctnn::dense<2, ctnn::relu>, ctnn::dense<1, ctnn::linear>>;
using leaky_net =
    ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::relu>, ctnn::dense<1, leaky_relu>>;
static_assert(ctnn::ActivationsFor<built_ins, ctnn::lanes<double, 4>>);
static_assert(ctnn::ActivationsFor<built_ins, ctnn::lanes<float, 3>>);
static_assert(ctnn::Activation<leaky_relu> && ctnn::ActivationsFor<leaky_net, double>);
static_assert(!ctnn::ActivationsFor<leaky_net, ctnn::lanes<double, 4>>);
static_assert(ctnn::detail::scalar_mistake_of<leaky_net, ctnn::lanes<double, 4>>.layer == 2);
static_assert(ctnn::detail::scalar_mistake_of<leaky_net, ctnn::lanes<double, 4>>.rule ==
              ctnn::detail::topology_rule::value);

// At compile time sigmoid over lanes is, by its definition (ctnn/lanes/math.hpp), ctnn::sigmoid
// lane by lane: its vector path runs only at run time, where tests/lanes.test.cpp checks its bits
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
