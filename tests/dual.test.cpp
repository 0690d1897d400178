// Run-time tests of ctnn::dual, the forward-mode dual number.
// SPDX-License-Identifier: BSL-1.0
#include <cmath>
#include <ctnn/dual.hpp>

#include "catch.hpp"

TEST_CASE("dual arithmetic carries derivatives by the product and quotient rules", "[dual]") {
  const ctnn::dual<double> x{3.0, 1.0};  // d/dx at x = 3
  const auto f = x * x * x - ctnn::dual<double>(2.0) * x / (x + ctnn::dual<double>(1.0));
  // f = x^3 - 2x / (x + 1), f' = 3x^2 - 2 / (x + 1)^2
  CHECK_THAT(f.value, WithinRel(27.0 - 6.0 / 4.0, 1e-15));
  CHECK_THAT(f.derivative, WithinRel(27.0 - 2.0 / 16.0, 1e-15));
}

TEST_CASE("dual elementary functions differentiate by their definitions", "[dual]") {
  const double a = GENERATE(-3.0, -0.5, 0.25, 1.5, 4.0);
  const ctnn::dual<double> x{a, 1.0};
  CHECK_THAT(ctnn::exp(x).derivative, WithinRel(std::exp(a), 1e-14));
  CHECK_THAT(ctnn::tanh(x).derivative, WithinRel(1 / (std::cosh(a) * std::cosh(a)), 1e-14));
  const double s = 1 / (1 + std::exp(-a));
  CHECK_THAT(ctnn::sigmoid(x).derivative, WithinRel(s * (1 - s), 1e-14));
  if (a > 0) {
    CHECK_THAT(ctnn::log(x).derivative, WithinRel(1 / a, 1e-15));
    CHECK_THAT(ctnn::sqrt(x).derivative, WithinRel(0.5 / std::sqrt(a), 1e-15));
  }
}

TEST_CASE("duals compare by value, as the primal computation branches", "[dual]") {
  CHECK(ctnn::dual<double>(1.0, 5.0) == ctnn::dual<double>(1.0, -2.0));
  CHECK(ctnn::dual<double>(0.5, 9.0) < ctnn::dual<double>(1.0, 0.0));
}
