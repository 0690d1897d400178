// Run-time tests of ctnn::forward and ctnn::predict.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <cmath>
#include <ctnn/forward.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/io.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/topology_name.hpp>
#include <sstream>
#include <string_view>

#include "catch.hpp"

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::input;

using ctnn::homework::xor_net;

}  // namespace

// A user's own activations, in a namespace of their own: only their names are tested here, and
// they compute linear's value and slope.
namespace mylib {

struct swish {
  template <class T>
  static constexpr T value(T net) {
    return net;
  }
  template <class T>
  static constexpr T slope(T) {
    return T(1);
  }
};

template <int Percent>
struct leaky : swish {};

/// Spelled by hand, below.
struct renamed : swish {};

}  // namespace mylib

template <>
inline constexpr std::string_view ctnn::activation_name<mylib::renamed> = "mylib::swish_v2";

TEST_CASE("forward of a 1-1 identity net returns its input", "[forward]") {
  using identity = ctnn::network<input<1>, dense<1, ctnn::linear>>;
  const ctnn::parameters<identity, double> params{{1.0, 0.0}};
  const double x = GENERATE(-3.5, 0.0, 1e-300, 2.0, 1e300);
  CHECK(ctnn::predict(params, {x})[0] == x);
}

TEST_CASE("forward of the XOR net computes the homework's h and yhat", "[forward]") {
  // [w_3, w_4, b_0, w_0, w_1, w_2, b_1]
  const ctnn::parameters<xor_net, double> params{{0.5, -1.5, 0.25, 2.0, -0.75, 1.25, -0.5}};
  const double x0 = GENERATE(0.0, 1.0);
  const double x1 = GENERATE(0.0, 1.0);
  const double h = 1 / (1 + std::exp(-(x0 * 0.5 + x1 * -1.5 + 0.25)));
  const double yhat = 1 / (1 + std::exp(-(x0 * 2.0 + x1 * -0.75 + h * 1.25 - 0.5)));
  const auto units = ctnn::forward(params, {x0, x1});
  CHECK(units.layer<0>()[0] == x0);
  CHECK(units.layer<0>()[1] == x1);
  CHECK_THAT(units.layer<1>()[0], WithinRel(h, 1e-15));
  CHECK_THAT(units.output()[0], WithinRel(yhat, 1e-15));
  CHECK(ctnn::predict(params, std::array{x0, x1})[0] == units.output()[0]);
}

TEST_CASE("forward through ReLU, linear and tanh layers with skips matches a hand computation",
          "[forward]") {
  using net = ctnn::network<input<2>, dense<2, ctnn::relu>, dense<1, ctnn::hyperbolic_tangent>,
                            dense<1, ctnn::linear, from<2, 1>>>;
  // Layer 1: units (1, -1) and (-2, 0.5), biases 0.5, -0.25; layer 2: (0.3, -0.7), bias 0.1;
  // layer 3 reads [layer 2, layer 1]: (2, -1, 0.5), bias -0.2.
  const ctnn::parameters<net, double> params{
      {1.0, -1.0, -2.0, 0.5, 0.5, -0.25, 0.3, -0.7, 0.1, 2.0, -1.0, 0.5, -0.2}};
  const double x[2] = {0.75, -0.5};
  const double r0 = std::fmax(0.0, 1.0 * x[0] - 1.0 * x[1] + 0.5);
  const double r1 = std::fmax(0.0, -2.0 * x[0] + 0.5 * x[1] - 0.25);
  const double t = std::tanh(0.3 * r0 - 0.7 * r1 + 0.1);
  const double y = 2.0 * t - 1.0 * r0 + 0.5 * r1 - 0.2;
  const auto units = ctnn::forward(params, {x[0], x[1]});
  CHECK(units.layer<1>()[0] == r0);
  CHECK(units.layer<1>()[1] == 0.0);
  CHECK_THAT(units.layer<2>()[0], WithinRel(t, 1e-15));
  CHECK_THAT(units.output()[0], WithinRel(y, 1e-15));
}

TEST_CASE("parameters and activations print layer by layer", "[forward][io]") {
  const ctnn::parameters<xor_net, double> params{{0.5, -1.5, 0.25, 2.0, -0.75, 1.25, -0.5}};
  std::ostringstream printed;
  printed << params;
  CHECK(printed.str() ==
        "layer 1: w=[0.5, -1.5] b=0.25\n"
        "layer 2: w=[2, -0.75, 1.25] b=-0.5\n");
  std::ostringstream units;
  units << ctnn::forward(params, {0.0, 0.0});
  CHECK(units.str().rfind("[0, 0, ", 0) == 0);
}

TEST_CASE("parameters compare equal exactly when every value does", "[forward]") {
  auto a = ctnn::initialize<xor_net, double>(1);
  auto b = a;
  CHECK(a == b);
  b.bias<2>(0) += 1e-12;
  CHECK(a != b);
  CHECK(a.weight<2>(0, 2) == a.values[5]);  // w_2: the output unit's weight from h
  CHECK(a.bias<1>(0) == a.values[2]);       // b_0
}

TEST_CASE("topology_name spells a network as the C++ that declares it", "[topology_name]") {
  CHECK(ctnn::topology_name<xor_net>() ==
        "ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>, ctnn::dense<1, "
        "ctnn::logistic, ctnn::from<0, 1>>>");
  CHECK(ctnn::topology_name<
            ctnn::network<input<3>, dense<4, ctnn::relu>, dense<2, ctnn::linear>>>() ==
        "ctnn::network<ctnn::input<3>, ctnn::dense<4, ctnn::relu>, ctnn::dense<2, ctnn::linear>>");
}

TEST_CASE("topology_name spells a user's activation with its own namespace", "[topology_name]") {
  CHECK(ctnn::activation_name<mylib::swish> == "mylib::swish");
  CHECK(ctnn::activation_name<mylib::leaky<3>> == "mylib::leaky<3>");
  CHECK(ctnn::activation_name<ctnn::hyperbolic_tangent> == "ctnn::hyperbolic_tangent");
  CHECK(ctnn::topology_name<ctnn::network<input<2>, dense<3, mylib::swish>,
                                          dense<1, mylib::leaky<3>, from<0, 1>>>>() ==
        "ctnn::network<ctnn::input<2>, ctnn::dense<3, mylib::swish>, ctnn::dense<1, "
        "mylib::leaky<3>, ctnn::from<0, 1>>>");
  STATIC_REQUIRE(ctnn::activation_name<mylib::swish> == "mylib::swish");
}

TEST_CASE("topology_name spells an activation as a specialization of activation_name says",
          "[topology_name]") {
  CHECK(ctnn::topology_name<ctnn::network<input<1>, dense<1, mylib::renamed>>>() ==
        "ctnn::network<ctnn::input<1>, ctnn::dense<1, mylib::swish_v2>>");
}
