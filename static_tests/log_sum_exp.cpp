// Static tests of ctnn::log_sum_exp: exact where the answer is, close to the plain formula where
// that formula is exact enough, and finite where the plain formula overflows.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/dual.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log.hpp>
#include <ctnn/math/log_sum_exp.hpp>
#include <limits>

#include "support.hpp"

namespace {

constexpr double ln2 = 0.69314718055994530942;
constexpr double huge = std::numeric_limits<double>::max() / 2;
constexpr double inf = std::numeric_limits<double>::infinity();

// One value: itself.
static_assert(ctnn::log_sum_exp({3.25}) == 3.25);
static_assert(ctnn::log_sum_exp({-huge}) == -huge);
// Two equal values: the value plus ln 2.
static_assert(ctnn_test::near(ctnn::log_sum_exp({0.0, 0.0}), ln2, 1e-16));
static_assert(ctnn_test::near(ctnn::log_sum_exp({-1000.0, -1000.0}), -1000.0 + ln2, 1e-13));
// Where e^v neither overflows nor underflows, the plain formula, to a few ulp.
constexpr double plain(double a, double b, double c) {
  return ctnn::log(ctnn::exp(a) + ctnn::exp(b) + ctnn::exp(c));
}
static_assert(ctnn_test::near(ctnn::log_sum_exp({0.5, -1.25, 2.0}), plain(0.5, -1.25, 2.0), 1e-15));
static_assert(ctnn_test::near(ctnn::log_sum_exp({-30.0, 1e-3, 7.5}), plain(-30.0, 1e-3, 7.5),
                              1e-14));
// A small sum of the others: ln(1 + s) ~ s, which 1 + s alone would lose.
static_assert(ctnn_test::near(ctnn::log_sum_exp({0.0, -40.0}) / ctnn::exp(-40.0), 1.0, 1e-15));
// Finite however large, where e^v overflows: the largest value plus ln of a count.
static_assert(ctnn::log_sum_exp({huge, 0.0}) == huge);
static_assert(ctnn::log_sum_exp({800.0, 0.0, -800.0}) == 800.0);
static_assert(ctnn_test::near(ctnn::log_sum_exp({800.0, 800.0}), 800.0 + ln2, 1e-15));
static_assert(ctnn::log_sum_exp({-huge, huge}) == huge);
// float goes through double and rounds once.
static_assert(ctnn::log_sum_exp({88.0f, 88.0f}) == float(88.0 + ln2));
// Infinities and NaN.
static_assert(ctnn::log_sum_exp({inf, 0.0}) == inf);
static_assert(ctnn::log_sum_exp({-inf, -inf}) == -inf);
static_assert(ctnn::log_sum_exp({-inf, 1.5}) == 1.5);
static_assert(ctnn::log_sum_exp({1.0, std::numeric_limits<double>::quiet_NaN()}) !=
              ctnn::log_sum_exp({1.0, std::numeric_limits<double>::quiet_NaN()}));

}  // namespace

namespace {

// The dual-number rule: the derivative along a direction is the softmax-weighted sum of the
// direction's components, against a central difference of log_sum_exp itself.
constexpr double along(double a, double b, double c, double da, double db, double dc) {
  const ctnn::dual<double> x[] = {{a, da}, {b, db}, {c, dc}};
  return ctnn::log_sum_exp(x).derivative;
}
constexpr double central(double a, double b, double c, double da, double db, double dc) {
  const double h = 1e-6;
  return (ctnn::log_sum_exp({a + h * da, b + h * db, c + h * dc}) -
          ctnn::log_sum_exp({a - h * da, b - h * db, c - h * dc})) /
         (2 * h);
}
static_assert(ctnn_test::near(along(0.5, -1.25, 2.0, 1, 0, 0), central(0.5, -1.25, 2.0, 1, 0, 0),
                              1e-9));
static_assert(ctnn_test::near(along(0.5, -1.25, 2.0, 0.3, -2, 1),
                              central(0.5, -1.25, 2.0, 0.3, -2, 1), 1e-9));
// Every component along the same direction moves the sum's log by that much: the softmax weights
// sum to 1, to the rounding of L and of the exponentials. Each e^(a_i - L) is off by L's rounding,
// |L| eps / 2 relative, and by its own, under an ulp; over three weights that sum to 1, at most
// (|L| / 2 + 3) eps: 4 eps near 1, 403 eps near 800 (where nothing overflows all the same).
constexpr double eps = std::numeric_limits<double>::epsilon();
static_assert(ctnn_test::near(along(0.8, -3.0, 0.79, 1, 1, 1), 1.0, (1.0 + 3) * eps));
static_assert(ctnn_test::near(along(800.0, -3.0, 799.0, 1, 1, 1), 1.0, (400.5 + 3) * eps));
// One value: itself, and its derivative.
constexpr ctnn::dual<double> single[] = {{2.0, 0.75}};
static_assert(ctnn::log_sum_exp(single).value == 2.0 &&
              ctnn::log_sum_exp(single).derivative == 0.75);

}  // namespace
