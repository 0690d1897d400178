// Static tests of ctnn::gradient: backprop's closed form against dual numbers and central
// differences, for the homework's three networks and two deeper ones with skip connections.
// SPDX-License-Identifier: BSL-1.0
#include <cstddef>
#include <ctnn/dataset.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/reference_gradient.hpp>
#include <utility>

#include "support.hpp"

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::hyperbolic_tangent;
using ctnn::input;
using ctnn::linear;
using ctnn::logistic;

using ctnn::homework::or_neuron;
using ctnn::homework::or_patterns;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
// Deeper: two tanh hidden layers, the second reading the input too, and a logistic output
// reading both hidden layers.
using deep_skips = ctnn::network<input<2>, dense<4, hyperbolic_tangent>,
                                 dense<4, logistic, from<1, 0>>, dense<1, logistic, from<2, 1>>>;
// Three inputs, two outputs, linear and tanh units, the output reading every earlier layer.
using wide_skips = ctnn::network<input<3>, dense<5, hyperbolic_tangent>, dense<3, linear, from<1>>,
                                 dense<2, logistic, from<2, 0, 1>>>;

constexpr ctnn::dataset<double, 3, 2, 4> three_to_two{
    {{0.5, -1.0, 2.0}, {1.0, 0.0, -0.5}, {-2.0, 1.5, 0.25}, {0.0, 0.0, 0.0}},
    {{0.0, 1.0}, {1.0, 1.0}, {0.5, 0.0}, {1.0, 0.0}}};

constexpr std::size_t parameter_sets = 20;

/// Whether the closed-form gradient is within 1e-12 of the dual-number gradient and within 1e-6
/// of the central difference, for every parameter and pattern, for parameters drawn from N(0, 1)
/// with seed `set`.
template <class Net, class Data>
constexpr bool agrees_at(std::size_t set, const Data& data) {
  const auto params = ctnn::initialize<Net, double>(1000 + set);
  for (std::size_t n = 0; n < Data::size; ++n) {
    const auto closed = ctnn::gradient(params, data.inputs[n], data.targets[n]);
    const auto automatic = ctnn::dual_gradient(params, data.inputs[n], data.targets[n]);
    const auto numeric =
        ctnn::central_difference_gradient(params, data.inputs[n], data.targets[n], 1e-6);
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
      if (!ctnn_test::near(closed.values[i], automatic.values[i], 1e-12)) return false;
      if (!ctnn_test::near(closed.values[i], numeric.values[i], 1e-6)) return false;
    }
  }
  return true;
}

// One variable per parameter set: each is its own constant evaluation with its own step budget.
template <class Net, const auto& Data, std::size_t Set>
constexpr bool agrees = agrees_at<Net>(Set, Data);

template <class Net, const auto& Data, std::size_t... Set>
constexpr bool agrees_everywhere(std::index_sequence<Set...>) {
  return (agrees<Net, Data, Set> && ...);
}

template <class Net, const auto& Data>
constexpr bool gradients_agree =
    agrees_everywhere<Net, Data>(std::make_index_sequence<parameter_sets>{});

static_assert(gradients_agree<or_neuron, or_patterns<double>>);
static_assert(gradients_agree<or_tanh_neuron, or_patterns<double>>);
static_assert(gradients_agree<xor_net, xor_patterns<double>>);
static_assert(gradients_agree<deep_skips, xor_patterns<double>>);
static_assert(gradients_agree<wide_skips, three_to_two>);

// The closed form itself, by hand, for the OR neuron at w = (0.5, -0.25), b = 0.1 and x = (1, 0),
// t = 1: y = s(0.6), dE/dnet = 2 (y - 1) y (1 - y), dE/dw = dE/dnet x, dE/db = dE/dnet.
constexpr ctnn::parameters<or_neuron, double> hand{{0.5, -0.25, 0.1}};
constexpr double hand_x[2] = {1.0, 0.0};
constexpr double hand_t[1] = {1.0};
constexpr double hand_y = ctnn::sigmoid(0.6);
constexpr double hand_delta = 2 * (hand_y - 1) * hand_y * (1 - hand_y);
constexpr auto hand_gradient = ctnn::gradient(hand, hand_x, hand_t);
static_assert(ctnn_test::near(hand_gradient.values[0], hand_delta, 1e-16));
static_assert(hand_gradient.values[1] == 0.0);
static_assert(ctnn_test::near(hand_gradient.values[2], hand_delta, 1e-16));
static_assert(ctnn::loss(hand, hand_x, hand_t) == (hand_y - 1) * (hand_y - 1));

// gradient and loss take braced lists, as predict does, with the same results (sgd_step:
// train.cpp).
static_assert(ctnn::gradient(hand, {1.0, 0.0}, {1.0}) == hand_gradient);
static_assert(ctnn::loss(hand, {1.0, 0.0}, {1.0}) == ctnn::loss(hand, hand_x, hand_t));

}  // namespace
