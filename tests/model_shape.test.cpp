// Tests <ctnn/model_shape.hpp>: a network type and scalar type as data, and the names of units.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/model_shape.hpp>
#include <ctnn/presets/homework.hpp>
#include <string>
#include <vector>

#include "catch.hpp"

namespace mylib {

/// A user's own activation, in a namespace of its own (linear's value and slope): only its name
/// is tested.
struct swish : ctnn::linear {};

}  // namespace mylib

TEST_CASE("a model shape records the topology, scalar type, layers and offsets", "[model_shape]") {
  using xor_net = ctnn::homework::xor_net;
  const ctnn::model_shape shape = ctnn::model_shape_of<xor_net, float>();
  CHECK(shape.topology == ctnn::topology_name<xor_net>());
  CHECK(shape.scalar == "float");
  CHECK(ctnn::model_shape_of<xor_net, double>().scalar == "double");
  CHECK(shape.input_group_count == xor_net::input_group_count);
  CHECK(shape.parameter_count == 7);
  REQUIRE(shape.layers.size() == 3);
  CHECK(shape.layers[0] == ctnn::model_layer{2, 0, {}, "", 0});
  CHECK(shape.layers[1] == ctnn::model_layer{1, 2, {0}, "logistic", 0});
  CHECK(shape.layers[2] == ctnn::model_layer{1, 3, {0, 1}, "logistic", 3});
  CHECK(shape.dense_layer_count() == 2);
  CHECK(shape.source_of(2, 1) == std::pair<std::size_t, std::size_t>{0, 1});
  CHECK(shape.source_of(2, 2) == std::pair<std::size_t, std::size_t>{1, 0});
}

TEST_CASE("a model shape names ctnn's activations without the namespace, others with theirs",
          "[model_shape]") {
  using net = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::relu>,
                            ctnn::dense<2, mylib::swish>, ctnn::dense<1, ctnn::hyperbolic_tangent>>;
  const ctnn::model_shape shape = ctnn::model_shape_of<net, double>();
  REQUIRE(shape.layers.size() == 4);
  CHECK(shape.layers[1].activation == "relu");
  CHECK(shape.layers[2].activation == "mylib::swish");
  CHECK(shape.layers[3].activation == "hyperbolic_tangent");
  CHECK(shape.topology ==
        "ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::relu>, ctnn::dense<2, mylib::swish>, "
        "ctnn::dense<1, ctnn::hyperbolic_tangent>>");
}

TEST_CASE("units are named x_k, h or h_k, h<L>_k, and y or y_k", "[model_shape]") {
  const ctnn::model_shape xor_shape = ctnn::model_shape_of<ctnn::homework::xor_net, double>();
  CHECK(xor_shape.unit_name(0, 1) == "x_1");
  CHECK(xor_shape.unit_name(1, 0) == "h");
  CHECK(xor_shape.unit_name(2, 0) == "y");
  using deep = ctnn::network<ctnn::input<3>, ctnn::dense<4, ctnn::hyperbolic_tangent>,
                             ctnn::dense<2, ctnn::linear>, ctnn::dense<2, ctnn::logistic>>;
  const ctnn::model_shape deep_shape = ctnn::model_shape_of<deep, double>();
  CHECK(deep_shape.unit_name(1, 3) == "h1_3");
  CHECK(deep_shape.unit_name(2, 0) == "h2_0");
  CHECK(deep_shape.unit_name(3, 1) == "y_1");
  using wide_hidden =
      ctnn::network<ctnn::input<1>, ctnn::dense<2, ctnn::relu>, ctnn::dense<1, ctnn::linear>>;
  CHECK(ctnn::model_shape_of<wide_hidden, float>().unit_name(1, 1) == "h_1");
}

TEST_CASE("with several input groups, inputs are numbered on across the groups", "[model_shape]") {
  // Layers 0 and 1 are inputs (widths 2 and 3), layer 2 reads both, layer 3 is the output.
  ctnn::model_shape shape{
      "t",
      "double",
      2,
      {{2, 0, {}, "", 0}, {3, 0, {}, "", 0}, {2, 5, {0, 1}, "relu", 0}, {1, 2, {2}, "linear", 12}},
      15};
  CHECK(shape.dense_layer_count() == 2);
  CHECK(shape.unit_name(0, 1) == "x_1");
  CHECK(shape.unit_name(1, 0) == "x_2");
  CHECK(shape.unit_name(1, 2) == "x_4");
  CHECK(shape.unit_name(2, 1) == "h_1");
  CHECK(shape.unit_name(3, 0) == "y");
  CHECK(shape.source_of(2, 3) == std::pair<std::size_t, std::size_t>{1, 1});
}
