// Run-time tests of ctnn::gradient against dual numbers and central differences.
// SPDX-License-Identifier: BSL-1.0
#include <cmath>
#include <cstddef>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/reference_gradient.hpp>

#include "catch.hpp"

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::hyperbolic_tangent;
using ctnn::input;
using ctnn::logistic;

using ctnn::homework::or_neuron;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
using deep_skips =
    ctnn::network<input<2>, dense<4, hyperbolic_tangent>, dense<4, hyperbolic_tangent, from<1, 0>>,
                  dense<1, logistic, from<2, 1, 0>>>;

/// Largest |a_i - b_i| over the parameters.
template <class Net, class T>
T max_difference(const ctnn::parameters<Net, T>& a, const ctnn::parameters<Net, T>& b) {
  T largest = 0;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    largest = std::fmax(largest, std::fabs(a.values[i] - b.values[i]));
  }
  return largest;
}

/// The same parameters in double.
template <class Net>
ctnn::parameters<Net, double> widen(const ctnn::parameters<Net, float>& params) {
  ctnn::parameters<Net, double> result;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) result.values[i] = params.values[i];
  return result;
}

template <class Net>
void check_double_gradients() {
  const auto& data = xor_patterns<double>;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const auto params = ctnn::initialize<Net, double>(seed);
    for (std::size_t n = 0; n < data.size; ++n) {
      const auto closed = ctnn::gradient(params, data.inputs[n], data.targets[n]);
      INFO("seed " << seed << ", pattern " << n);
      CHECK(max_difference(closed, ctnn::dual_gradient(params, data.inputs[n], data.targets[n])) <=
            1e-12);
      CHECK(max_difference(closed, ctnn::central_difference_gradient(
                                       params, data.inputs[n], data.targets[n], 1e-6)) <= 1e-6);
    }
  }
}

template <class Net>
void check_float_gradients() {
  const auto& data = xor_patterns<float>;
  const auto& wide_data = xor_patterns<double>;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const auto params = ctnn::initialize<Net, float>(seed);
    for (std::size_t n = 0; n < data.size; ++n) {
      const auto closed = ctnn::gradient(params, data.inputs[n], data.targets[n]);
      INFO("seed " << seed << ", pattern " << n);
      // Both in float: they differ by float rounding only.
      CHECK(max_difference(closed, ctnn::dual_gradient(params, data.inputs[n], data.targets[n])) <=
            1e-5f);
      // Float backprop against the exact gradient of the same parameters, taken in double.
      const auto exact =
          ctnn::dual_gradient(widen(params), wide_data.inputs[n], wide_data.targets[n]);
      CHECK(max_difference(widen(closed), exact) <= 1e-5);
    }
  }
}

}  // namespace

TEMPLATE_TEST_CASE(
    "closed-form gradients equal dual-number and central-difference gradients in "
    "double",
    "[gradient]", or_neuron, or_tanh_neuron, xor_net, deep_skips) {
  check_double_gradients<TestType>();
}

TEMPLATE_TEST_CASE("closed-form gradients in float stay within float rounding of the exact ones",
                   "[gradient]", or_neuron, or_tanh_neuron, xor_net, deep_skips) {
  check_float_gradients<TestType>();
}

TEST_CASE("the XOR net's gradient matches the homework's formulas for w_012 and w_34",
          "[gradient]") {
  // The homework's Problem 4 formulas, with the homework's mistake fixed: the hidden unit's error
  // goes through w_2 and the hidden unit's own slope h (1 - h).
  const auto params = ctnn::initialize<xor_net, double>(42);
  const double w_3 = params.values[0], w_4 = params.values[1], b_0 = params.values[2];
  const double w_0 = params.values[3], w_1 = params.values[4], w_2 = params.values[5];
  const double b_1 = params.values[6];
  const double x[2] = {1.0, 1.0};
  const double y[1] = {0.0};
  const double h = 1 / (1 + std::exp(-(x[0] * w_3 + x[1] * w_4 + b_0)));
  const double yhat = 1 / (1 + std::exp(-(x[0] * w_0 + x[1] * w_1 + h * w_2 + b_1)));
  const double delta_y = 2 * (yhat - y[0]) * yhat * (1 - yhat);
  const double delta_h = delta_y * w_2 * h * (1 - h);
  const double expected[7] = {delta_h * x[0], delta_h * x[1], delta_h, delta_y * x[0],
                              delta_y * x[1], delta_y * h,    delta_y};
  const auto closed = ctnn::gradient(params, x, y);
  for (std::size_t i = 0; i < 7; ++i) {
    INFO("parameter " << i);
    CHECK_THAT(closed.values[i], WithinAbs(expected[i], 1e-14));
  }
}
