// Static tests of ctnn's activations: values, and slopes against central differences.
// SPDX-License-Identifier: BSL-1.0
#include <concepts>
#include <ctnn/activation.hpp>
#include <ctnn/dual.hpp>
#include <initializer_list>

#include "support.hpp"

namespace {

using ctnn_test::near;

static_assert(ctnn::Activation<ctnn::logistic> && ctnn::Activation<ctnn::hyperbolic_tangent>);
static_assert(ctnn::Activation<ctnn::linear> && ctnn::Activation<ctnn::relu>);
static_assert(!ctnn::Activation<int>);

// An activation is checked in each scalar type: value and slope each take and return one.
struct double_only {
  static constexpr double value(double net) { return net; }
  static constexpr double slope(double) { return 1; }
};
struct floating_point_only {
  template <std::floating_point T>
  static constexpr T value(T net) {
    return net;
  }
  template <std::floating_point T>
  static constexpr T slope(T) {
    return T(1);
  }
};
static_assert(ctnn::ActivationFor<double_only, double>);
static_assert(!ctnn::ActivationFor<double_only, float>);  // value(float) would return a double
static_assert(!ctnn::Activation<double_only>);
static_assert(ctnn::ActivationFor<floating_point_only, float> &&
              ctnn::ActivationFor<floating_point_only, double>);
static_assert(!ctnn::ActivationFor<floating_point_only, ctnn::dual<double>>);
static_assert(!ctnn::Activation<floating_point_only>);
static_assert(ctnn::ActivationFor<ctnn::relu, ctnn::dual<float>>);

/// g'(net), written through y = g(net), against (g(net + h) - g(net - h)) / 2h.
template <class A>
constexpr bool slope_matches_difference(double net) {
  constexpr double h = 1e-5;
  const double difference = (A::value(net + h) - A::value(net - h)) / (2 * h);
  return near(A::slope(A::value(net)), difference, 1e-9);
}

template <class A>
constexpr bool slopes_match() {
  for (double net : {-6.0, -2.5, -0.75, -0.1, 0.3, 1.0, 2.0, 5.5}) {
    if (!slope_matches_difference<A>(net)) return false;
  }
  return true;
}

static_assert(slopes_match<ctnn::logistic>());
static_assert(slopes_match<ctnn::hyperbolic_tangent>());
static_assert(slopes_match<ctnn::linear>());
static_assert(slopes_match<ctnn::relu>());

static_assert(ctnn::logistic::value(0.0) == 0.5);
static_assert(ctnn::hyperbolic_tangent::value(0.0) == 0.0);
static_assert(ctnn::relu::value(-2.0) == 0.0 && ctnn::relu::value(2.0) == 2.0);
static_assert(ctnn::relu::slope(0.0) == 0.0);  // the subgradient ctnn takes at the kink
static_assert(ctnn::linear::value(-1.5) == -1.5 && ctnn::linear::slope(7.0) == 1.0);
static_assert(ctnn::logistic::value(-1e308) == 0.0 && ctnn::logistic::value(1e308) == 1.0);
static_assert(ctnn::hyperbolic_tangent::value(-1e308) == -1.0);
static_assert(ctnn::logistic::value(1.0f) > 0.73f && ctnn::logistic::value(1.0f) < 0.74f);

}  // namespace
