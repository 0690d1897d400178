// Static tests of softmax output layers and categorical cross-entropy: the outputs are the plain
// formula's distribution, the loss is -ln of the target class's output and stays finite where
// e^net overflows, the closed-form gradient agrees with dual numbers and central differences on
// a network with skip links and two input groups, the public API (which runs softmax networks as
// loops) computes the reference's bits, and a softmax classifier trains at compile time. The
// loss's refusals and softmax's topology mistakes are static_tests/fail/softmax_*.cpp and
// categorical_rejects_logistic.cpp.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <cstddef>
#include <ctnn/dataset.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log.hpp>
#include <ctnn/reference.hpp>
#include <ctnn/reference_gradient.hpp>
#include <ctnn/train.hpp>
#include <limits>
#include <utility>

#include "support.hpp"

namespace {

using ctnn::categorical_cross_entropy;
using ctnn::dense;
using ctnn::from;
using ctnn::input;
using ctnn::softmax;
constexpr double eps = std::numeric_limits<double>::epsilon();

// The loss accepts softmax outputs only, and the others refuse them.
static_assert(categorical_cross_entropy::accepts<softmax>);
static_assert(!categorical_cross_entropy::accepts<ctnn::logistic>);
static_assert(!categorical_cross_entropy::accepts<ctnn::linear>);
static_assert(!ctnn::sum_of_squares::accepts<softmax>);
static_assert(!ctnn::half_sum_of_squares::accepts<softmax>);
static_assert(!ctnn::mean_squared_error::accepts<softmax>);
static_assert(!ctnn::binary_cross_entropy::accepts<softmax>);

// One softmax layer over three classes, its net inputs set by hand: net = W x + b.
using classifier = ctnn::network<input<2>, dense<3, softmax>>;
constexpr ctnn::parameters<classifier, double> set_by_hand(std::array<double, 3> biases) {
  ctnn::parameters<classifier, double> params{};
  const double weights[] = {1.0, 0.0, 0.0, 1.0, 1.0, 1.0};
  for (std::size_t i = 0; i < 6; ++i) params.values[i] = weights[i];
  for (std::size_t i = 0; i < 3; ++i) params.values[6 + i] = biases[i];
  return params;
}
constexpr std::array<double, 2> x{0.5, -1.0};  // net = (0.5, -1, -0.5) + biases

/// The plain formula, e^net_o / sum_p e^net_p, where no e^net overflows.
constexpr double plain_softmax(const double (&net)[3], std::size_t o) {
  return ctnn::exp(net[o]) / (ctnn::exp(net[0]) + ctnn::exp(net[1]) + ctnn::exp(net[2]));
}

/// Outputs the plain formula's: y_o = e^(net_o - L) rounds net_o - L (half an ulp of it), L
/// (log_sum_exp, within (|L| / 2 + 3) eps: static_tests/log_sum_exp.cpp) and e^ (0.55 ulp), and
/// the plain formula rounds three e^, their sum and the quotient; so each y_o is within
/// (|net_o - L| / 2 + |L| / 2 + 3 + 0.55 + 4 * 0.55) eps of it, relatively. Here |L| < 2 and
/// |net_o - L| < 3.
constexpr bool outputs_are_the_plain_formula() {
  const auto params = set_by_hand({0.0, 0.25, -2.0});
  const double net[] = {0.5, -0.75, -2.5};
  const auto y = ctnn::predict(params, x);
  double sum = 0;
  for (std::size_t o = 0; o < 3; ++o) {
    if (!ctnn_test::near_relative(y[o], plain_softmax(net, o), (1.5 + 1 + 3 + 0.55 + 2.2) * eps))
      return false;
    sum += y[o];
  }
  // A distribution: the sum's own two roundings besides.
  return ctnn_test::near(sum, 1.0, (1.5 + 1 + 3 + 0.55 + 2.2 + 2) * eps);
}
static_assert(outputs_are_the_plain_formula());

// The loss of class c is -ln y_c = L - net_c: with net = (0.5, -0.75, -2.5), L = ln(e^0.5 +
// e^-0.75 + e^-2.5) = 0.5 + ln(1 + e^-1.25 + e^-3) (Python's math.log1p and math.exp). ctnn's L
// is within 2 eps (an ulp of ln(1 + s), half an ulp of L), and each difference, product and sum
// after it rounds once more.
constexpr double L = 0.5 + 0.2898985132521532;
constexpr auto hand_set = set_by_hand({0.0, 0.25, -2.0});
static_assert(ctnn_test::near(ctnn::loss(hand_set, x, std::array{1.0, 0.0, 0.0},
                                         categorical_cross_entropy{}),
                              L - 0.5, 3 * eps));
static_assert(ctnn_test::near(ctnn::loss(hand_set, x, std::array{0.0, 0.0, 1.0},
                                         categorical_cross_entropy{}),
                              L + 2.5, 5 * eps));
// A soft target: the classes' losses weighed by it, 0.5 (L - 0.5) + 0.5 (L + 0.75).
static_assert(ctnn_test::near(ctnn::loss(hand_set, x, std::array{0.5, 0.5, 0.0},
                                         categorical_cross_entropy{}),
                              L + 0.125, 6 * eps));

// Net inputs near 1000, where e^net overflows: the loss and the distribution of the same net
// inputs less 1000. L is 1000 + 0.79 now, so its half ulp, 5.7e-14, is the loss's error, and the
// error of each net_o - L, which is each y_o's relative error (e^(a + d) = e^a (1 + d)).
constexpr auto shifted = set_by_hand({1000.0, 1000.25, 998.0});
static_assert(ctnn_test::near(ctnn::loss(shifted, x, std::array{1.0, 0.0, 0.0},
                                         categorical_cross_entropy{}),
                              L - 0.5, 5.7e-14 + 3 * eps));
static_assert(ctnn_test::near_relative(ctnn::predict(shifted, x)[2], ctnn::predict(hand_set, x)[2],
                                       5.7e-14 + 4 * eps));

// Skip links and two input groups (2 and 1 of the 3 inputs), a softmax of 3 classes at the end.
using groups = ctnn::network<input<2>, input<1>, dense<2, ctnn::hyperbolic_tangent, from<0>>,
                             dense<3, softmax, from<2, 1, 0>>>;

// Targets are distributions: one-hot, and soft.
constexpr ctnn::dataset<double, 3, 3, 3> patterns{
    {{0.5, -1.0, 2.0}, {1.0, 0.0, -0.5}, {-2.0, 1.5, 0.25}},
    {{0.0, 1.0, 0.0}, {1.0, 0.0, 0.0}, {0.25, 0.0, 0.75}}};

/// As static_tests/loss.cpp: the closed-form gradient within 1e-12 of the dual-number gradient
/// and within 1e-6 of the central difference, and the public API's bits the reference's, for every
/// parameter and pattern, parameters drawn from N(0, 1) with seed `set`.
constexpr bool agrees_at(std::size_t set) {
  const auto params = ctnn::initialize<groups, double>(3000 + set);
  for (std::size_t n = 0; n < patterns.size; ++n) {
    const auto& x = patterns.inputs[n];
    const auto& t = patterns.targets[n];
    const auto closed = ctnn::gradient(params, x, t, categorical_cross_entropy{});
    const auto specified = ctnn::reference::gradient(params, x, t, categorical_cross_entropy{});
    const auto automatic = ctnn::dual_gradient(params, x, t, categorical_cross_entropy{});
    const auto numeric =
        ctnn::central_difference_gradient(params, x, t, 1e-6, categorical_cross_entropy{});
    for (std::size_t i = 0; i < groups::parameter_count; ++i) {
      if (closed.values[i] != specified.values[i]) return false;
      if (!ctnn_test::near(closed.values[i], automatic.values[i], 1e-12)) return false;
      if (!ctnn_test::near(closed.values[i], numeric.values[i], 1e-6)) return false;
    }
    const auto y = ctnn::predict(params, x);
    const auto reference_y = ctnn::reference::predict(params, x);
    for (std::size_t o = 0; o < 3; ++o)
      if (y[o] != reference_y[o]) return false;
  }
  return true;
}
template <std::size_t Set>
constexpr bool agrees = agrees_at(Set);  // each set its own constant evaluation
// 20 parameter sets, as static_tests/loss.cpp takes (GCC 7.5 s and Clang 14.6 s for this file).
static_assert([]<std::size_t... Set>(std::index_sequence<Set...>) {
  return (agrees<Set> && ...);
}(std::make_index_sequence<20>{}));

// Trained at compile time: three classes of two points each, the classifier from N(0, 1) with
// seed 1, 300 epochs of online SGD at rate 0.5. Learned: each point's own class the likeliest,
// at above 0.9.
constexpr ctnn::dataset<double, 2, 3, 6> classes{
    {{1.0, 0.0}, {0.8, 0.2}, {0.0, 1.0}, {0.2, 0.8}, {-1.0, -1.0}, {-0.8, -1.2}},
    {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}}};
constexpr auto trained = ctnn::train<classifier>(classes, {.learning_rate = 0.5, .epochs = 300},
                                                 categorical_cross_entropy{});
constexpr bool learned() {
  for (std::size_t n = 0; n < classes.size; ++n) {
    const auto y = ctnn::predict(trained, classes.inputs[n]);
    for (std::size_t o = 0; o < 3; ++o)
      if (classes.targets[n][o] == 1 && !(y[o] > 0.9)) return false;
  }
  return true;
}
static_assert(learned());

}  // namespace
