// Tests of output_side.hpp: the net-input network and above_half, which must say what computing
// the activation would.
// SPDX-License-Identifier: BSL-1.0
#include "output_side.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/activation.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/initialize.hpp>
#include <limits>
#include <type_traits>
#include <vector>

#include "catch.hpp"
#include "tasks.hpp"

namespace {

using ctnn_train::xor_net;
using xor_net_input = ctnn_train::net_input_network<xor_net>;

static_assert(std::is_same_v<xor_net_input::activation<2>, ctnn::linear>);
static_assert(std::is_same_v<xor_net_input::activation<1>, ctnn::logistic>);
static_assert(xor_net_input::parameter_count == xor_net::parameter_count);
static_assert(xor_net_input::unit_count == xor_net::unit_count);

// Where each activation is 1/2, from its formula rather than from half_crossing: logistic at 0,
// tanh at atanh(1/2) = ln(3)/2, linear at 1/2.
template <class Activation>
constexpr double where_half = 0;
template <>
constexpr double where_half<ctnn::hyperbolic_tangent> = 0.5493061443340548;
template <>
constexpr double where_half<ctnn::linear> = 0.5;

// Values to judge: the point where the activation is 1/2 and the thousand floats of T on either
// side of it, half_crossing's bounds where they are finite and the thousand floats on either side
// of each, a grid across the band between them, values from 1e-30 to 1e4 on both sides of 0 and
// of the point where it is 1/2, and the special values.
template <class Activation, class T>
std::vector<T> values_to_judge() {
  using crossing = ctnn_train::half_crossing<Activation>;
  std::vector<T> values;
  for (const double point : {where_half<Activation>, crossing::below, crossing::above}) {
    if (!std::isfinite(point)) continue;
    T up = T(point), down = T(point);
    values.push_back(up);
    for (int i = 0; i < 1000; ++i) {
      values.push_back(up = std::nextafter(up, std::numeric_limits<T>::infinity()));
      values.push_back(down = std::nextafter(down, -std::numeric_limits<T>::infinity()));
    }
  }
  const double low = std::isfinite(crossing::below) ? crossing::below : where_half<Activation> - 1;
  const double high = std::isfinite(crossing::above) ? crossing::above : where_half<Activation> + 1;
  for (int i = 0; i <= 1000; ++i) values.push_back(T(low + (high - low) * i / 1000));
  for (double magnitude = 1e-30; magnitude < 1e4; magnitude *= 1.01) {
    values.push_back(T(magnitude));
    values.push_back(T(-magnitude));
    values.push_back(T(where_half<Activation> + magnitude));
    values.push_back(T(where_half<Activation> - magnitude));
  }
  for (const T special : {T(0), T(-0.0), std::numeric_limits<T>::infinity(),
                          -std::numeric_limits<T>::infinity(), std::numeric_limits<T>::max(),
                          std::numeric_limits<T>::lowest(), std::numeric_limits<T>::quiet_NaN()})
    values.push_back(special);
  return values;
}

// How many values above_half misjudges: it must say what computing the activation says.
template <class Activation, class T>
std::size_t misjudged() {
  std::size_t wrong = 0;
  for (const T net : values_to_judge<Activation, T>())
    wrong += ctnn_train::above_half<Activation>(net) != (Activation::value(net) > T(0.5));
  return wrong;
}

}  // namespace

TEMPLATE_TEST_CASE("above_half says what computing the activation would", "[sweep]", float,
                   double) {
  CHECK(misjudged<ctnn::logistic, TestType>() == 0);
  CHECK(misjudged<ctnn::hyperbolic_tangent, TestType>() == 0);
  // linear has no shortcut today, so above_half computes it everywhere; the values around 1/2
  // would catch a shortcut that misplaced it.
  CHECK(misjudged<ctnn::linear, TestType>() == 0);
}

TEST_CASE("the net-input network's outputs are the output unit's net inputs", "[sweep]") {
  const auto params = ctnn::initialize<xor_net, double>(std::uint64_t{5});
  ctnn::parameters<xor_net_input, double> same;
  for (std::size_t p = 0; p < xor_net::parameter_count; ++p) same.values[p] = params.values[p];
  for (const auto& x : {std::array{0.0, 0.0}, std::array{0.0, 1.0}, std::array{1.0, 1.0}}) {
    const double net = ctnn::predict(same, x)[0];
    CHECK(ctnn::sigmoid(net) == ctnn::predict(params, x)[0]);
  }
}
