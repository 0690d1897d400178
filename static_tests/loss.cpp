// Static tests of ctnn's losses (<ctnn/loss.hpp>): each loss with each output activation it
// accepts, on networks with skip links and with two input groups, backprop's closed form against
// dual numbers and central differences; each loss's value by hand; binary cross-entropy finite for
// every finite net input.
// SPDX-License-Identifier: BSL-1.0
#include <cstddef>
#include <ctnn/dataset.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/reference_gradient.hpp>
#include <limits>
#include <utility>

#include "support.hpp"

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::hyperbolic_tangent;
using ctnn::input;
using ctnn::linear;
using ctnn::logistic;
using ctnn::relu;

// Two input groups (2 and 1 of the 3 inputs, layers 0 and 1): the first read by the hidden layer
// (2), the second, with the hidden layer and the first again (a skip link), by the output layer of
// activation Output. It takes every path a single input group's network takes (a skip link from
// the input, a hidden layer) and the groups' own, and each network here costs every compile of
// this file a constant evaluation per parameter set, loss and activation (GCC 6 s, Clang 17 s for
// one network), so one network takes them all.
template <class Output>
using groups = ctnn::network<input<2>, input<1>, dense<2, hyperbolic_tangent, from<0>>,
                             dense<2, Output, from<2, 1, 0>>>;

// Targets in [0, 1], as binary cross-entropy takes them, fractions among them.
constexpr ctnn::dataset<double, 3, 2, 3> patterns{
    {{0.5, -1.0, 2.0}, {1.0, 0.0, -0.5}, {-2.0, 1.5, 0.25}},
    {{0.0, 1.0}, {1.0, 0.25}, {0.75, 0.0}}};

constexpr std::size_t parameter_sets = 20;

/// Whether the closed-form gradient of Loss is within 1e-12 of the dual-number gradient and
/// within 1e-6 of the central difference, for every parameter and pattern, for parameters drawn
/// from N(0, 1) with seed `set`.
template <class Net, class Loss>
constexpr bool agrees_at(std::size_t set) {
  const auto params = ctnn::initialize<Net, double>(2000 + set);
  for (std::size_t n = 0; n < patterns.size; ++n) {
    const auto& x = patterns.inputs[n];
    const auto& t = patterns.targets[n];
    const auto closed = ctnn::gradient(params, x, t, Loss{});
    const auto automatic = ctnn::dual_gradient(params, x, t, Loss{});
    const auto numeric = ctnn::central_difference_gradient(params, x, t, 1e-6, Loss{});
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
      if (!ctnn_test::near(closed.values[i], automatic.values[i], 1e-12)) return false;
      if (!ctnn_test::near(closed.values[i], numeric.values[i], 1e-6)) return false;
    }
  }
  return true;
}

// One variable per parameter set: each is its own constant evaluation with its own step budget.
template <class Net, class Loss, std::size_t Set>
constexpr bool agrees = agrees_at<Net, Loss>(Set);

template <class Net, class Loss, std::size_t... Set>
constexpr bool agrees_everywhere(std::index_sequence<Set...>) {
  return (agrees<Net, Loss, Set> && ...);
}

template <class Output, class Loss>
constexpr bool gradients_agree =
    agrees_everywhere<groups<Output>, Loss>(std::make_index_sequence<parameter_sets>{});

// The squared losses take every output activation.
static_assert(gradients_agree<logistic, ctnn::sum_of_squares>);
static_assert(gradients_agree<hyperbolic_tangent, ctnn::sum_of_squares>);
static_assert(gradients_agree<linear, ctnn::sum_of_squares>);
static_assert(gradients_agree<relu, ctnn::sum_of_squares>);
static_assert(gradients_agree<logistic, ctnn::half_sum_of_squares>);
static_assert(gradients_agree<hyperbolic_tangent, ctnn::half_sum_of_squares>);
static_assert(gradients_agree<linear, ctnn::half_sum_of_squares>);
static_assert(gradients_agree<relu, ctnn::half_sum_of_squares>);
static_assert(gradients_agree<logistic, ctnn::mean_squared_error>);
static_assert(gradients_agree<hyperbolic_tangent, ctnn::mean_squared_error>);
static_assert(gradients_agree<linear, ctnn::mean_squared_error>);
static_assert(gradients_agree<relu, ctnn::mean_squared_error>);
// Binary cross-entropy takes logistic outputs only (fail/loss_rejects_activation.cpp).
static_assert(gradients_agree<logistic, ctnn::binary_cross_entropy>);
static_assert(ctnn::binary_cross_entropy::accepts<logistic>);
static_assert(!ctnn::binary_cross_entropy::accepts<hyperbolic_tangent>);
static_assert(!ctnn::binary_cross_entropy::accepts<linear>);
static_assert(!ctnn::binary_cross_entropy::accepts<relu>);

// Each loss's value by hand, for a linear two-output layer whose outputs are its biases, so that
// y = (0.5, -1.5) exactly, against t = (1, 0.5): squares 0.25 and 4.
using two_linear = ctnn::network<input<1>, dense<2, linear>>;
constexpr ctnn::parameters<two_linear, double> biases{{0.0, 0.0, 0.5, -1.5}};
static_assert(ctnn::loss(biases, {1.0}, {1.0, 0.5}) == 4.25);
static_assert(ctnn::loss(biases, {1.0}, {1.0, 0.5}, ctnn::sum_of_squares{}) == 4.25);
static_assert(ctnn::loss(biases, {1.0}, {1.0, 0.5}, ctnn::half_sum_of_squares{}) == 2.125);
static_assert(ctnn::loss(biases, {1.0}, {1.0, 0.5}, ctnn::mean_squared_error{}) == 2.125);
// ... and their gradients there: dE/db_o = 2 (y_o - t_o), half that, and 2/n of it with n = 2.
static_assert(ctnn::gradient(biases, {1.0}, {1.0, 0.5}).values[2] == -1.0);
static_assert(ctnn::gradient(biases, {1.0}, {1.0, 0.5}, ctnn::half_sum_of_squares{}).values[3] ==
              -2.0);
static_assert(ctnn::gradient(biases, {1.0}, {1.0, 0.5}, ctnn::mean_squared_error{}).values[3] ==
              -2.0);

// Binary cross-entropy by hand: a logistic neuron with net input w x = ln 3, so y = 3/4, and
// target 1/4: E = -(1/4 ln(3/4) + 3/4 ln(1/4)), dE/dw = (y - t) x.
using neuron = ctnn::network<input<1>, dense<1, logistic>>;
constexpr double ln3 = 0x1.193ea7aad030bp+0;  // ln 3, rounded to nearest
constexpr ctnn::parameters<neuron, double> at_ln3{{ln3, 0.0}};
constexpr double bce_by_hand = -(0.25 * ctnn::log(0.75) + 0.75 * ctnn::log(0.25));
static_assert(ctnn_test::near(ctnn::loss(at_ln3, {1.0}, {0.25}, ctnn::binary_cross_entropy{}),
                              bce_by_hand, 4 * std::numeric_limits<double>::epsilon()));
static_assert(
    ctnn_test::near(ctnn::gradient(at_ln3, {1.0}, {0.25}, ctnn::binary_cross_entropy{}).values[0],
                    0.5, 2 * std::numeric_limits<double>::epsilon()));

// Binary cross-entropy is finite for every finite net input, where y rounds to 0 or 1 (past 37
// in double) and ln y or ln(1 - y) would be -inf: E = |net| for a target on the wrong side, 0
// on the right one (e^-|net| is below the smallest double past 745), and the gradient y - t.
template <class T>
constexpr T bce_at(T net, T target) {
  const ctnn::parameters<neuron, T> params{{net, T(0)}};
  return ctnn::loss(params, {T(1)}, {target}, ctnn::binary_cross_entropy{});
}
template <class T>
constexpr T bce_slope_at(T net, T target) {
  const ctnn::parameters<neuron, T> params{{net, T(0)}};
  return ctnn::gradient(params, {T(1)}, {target}, ctnn::binary_cross_entropy{}).values[0];
}
constexpr double huge = std::numeric_limits<double>::max() / 2;
static_assert(bce_at(huge, 0.0) == huge);
static_assert(bce_at(-huge, 1.0) == huge);
static_assert(bce_at(huge, 1.0) == 0.0);
static_assert(bce_at(-huge, 0.0) == 0.0);
static_assert(bce_at(800.0, 0.0) == 800.0);
static_assert(bce_at(-800.0, 1.0) == 800.0);
static_assert(bce_at(huge, 0.5) == huge / 2);
static_assert(bce_slope_at(huge, 0.0) == 1.0);
static_assert(bce_slope_at(-huge, 1.0) == -1.0);
static_assert(bce_slope_at(huge, 1.0) == 0.0);
constexpr float huge_float = std::numeric_limits<float>::max() / 2;
static_assert(bce_at(huge_float, 0.0f) == huge_float);
static_assert(bce_at(-huge_float, 1.0f) == huge_float);
static_assert(bce_at(huge_float, 1.0f) == 0.0f);
static_assert(bce_at(100.0f, 0.0f) == 100.0f);
static_assert(bce_slope_at(-huge_float, 1.0f) == -1.0f);
// Where y itself rounds to 1 (net = 40, y = 1 - 4e-18), E for target 1 keeps its value, e^-40.
static_assert(ctnn_test::near_relative(bce_at(40.0, 1.0), ctnn::exp(-40.0),
                                       4 * std::numeric_limits<double>::epsilon()));

}  // namespace
