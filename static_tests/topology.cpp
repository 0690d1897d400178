// Static tests of ctnn::network: which topologies are accepted, and their shapes.
// SPDX-License-Identifier: BSL-1.0
#include <boost/hana/equal.hpp>
#include <concepts>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/presets/homework.hpp>
#include <span>
#include <type_traits>

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::hyperbolic_tangent;
using ctnn::input;
using ctnn::linear;
using ctnn::logistic;
using ctnn::relu;
namespace hana = boost::hana;

// A network of a topology that is not ValidTopology stops the compile with its first mistake
// named (static_tests/fail), so rejection is tested on the concept, and the mistake found below.
template <class Input, class... Layers>
concept makes_network = ctnn::ValidTopology<Input, Layers...>;

// The homework's networks.
using ctnn::homework::or_neuron;
using ctnn::homework::xor_net;

static_assert(or_neuron::parameter_count == 3);  // w_0, w_1, b
static_assert(or_neuron::input_width == 2 && or_neuron::output_width == 1);
static_assert(or_neuron::fan_in<1> == 2);

static_assert(xor_net::layer_count == 3 && xor_net::unit_count == 4);
static_assert(xor_net::parameter_count == 7);  // w_3, w_4, b_0, w_0, w_1, w_2, b_1
static_assert(xor_net::fan_in<1> == 2 && xor_net::fan_in<2> == 3);
static_assert(xor_net::weight_offset<1> == 0 && xor_net::bias_offset<1> == 2);
static_assert(xor_net::weight_offset<2> == 3 && xor_net::bias_offset<2> == 6);
// The output unit reads [x_0, x_1, h]: units 0, 1 (the input), then 2 (the hidden unit).
static_assert(xor_net::source_unit<2, 0> == 0 && xor_net::source_unit<2, 1> == 1);
static_assert(xor_net::source_unit<2, 2> == 2);
static_assert(hana::equal(xor_net::widths,
                          hana::make_tuple(hana::size_c<2>, hana::size_c<1>, hana::size_c<1>)));
static_assert(hana::equal(xor_net::fan_ins,
                          hana::make_tuple(hana::size_c<0>, hana::size_c<2>, hana::size_c<3>)));
static_assert(std::is_same_v<xor_net::activation<2>, logistic>);

// Layer views over the values, in the order above: values[i] = i, so each view's entries are their
// offsets. The const views read the same places; the mutable ones write them.
constexpr ctnn::parameters<xor_net, int> counted = {{0, 1, 2, 3, 4, 5, 6}};
static_assert(counted.weights<1>().size() == 2 && counted.weights<1>()[1] == 1);
static_assert(counted.biases<1>().size() == 1 && counted.biases<1>()[0] == 2);
static_assert(counted.weights<2>().size() == 3 && counted.weights<2>()[0] == 3 &&
              counted.weights<2>()[2] == 5);
static_assert(counted.biases<2>()[0] == 6);
static_assert(std::is_same_v<decltype(counted.weights<2>()), std::span<const int, 3>>);
static_assert([] {
  ctnn::parameters<xor_net, int> p = counted;
  p.weights<2>()[2] = 50;  // w_2
  p.biases<1>()[0] = 20;   // b_0
  return p.values[5] == 50 && p.values[2] == 20 && p.weight<2>(0, 2) == 50;
}());

// Sources are concatenated in the order `from` names them.
using reversed = ctnn::network<input<2>, dense<3, relu>, dense<1, linear, from<1, 0>>>;
static_assert(reversed::fan_in<2> == 5);
static_assert(reversed::source_unit<2, 0> == 2 && reversed::source_unit<2, 2> == 4);
static_assert(reversed::source_unit<2, 3> == 0 && reversed::source_unit<2, 4> == 1);

// Deeper nets, any widths.
using deep = ctnn::network<input<2>, dense<4, hyperbolic_tangent>, dense<4, hyperbolic_tangent>,
                           dense<1, logistic>>;
static_assert(deep::parameter_count == 4 * 3 + 4 * 5 + 1 * 5);
using wide = ctnn::network<input<4>, dense<8, relu>, dense<3, linear>>;
static_assert(wide::parameter_count == 8 * 5 + 3 * 9 && wide::output_width == 3);
using skips = ctnn::network<input<3>, dense<5, hyperbolic_tangent>, dense<3, linear, from<1, 0>>,
                            dense<2, logistic, from<2, 0, 1>>>;
static_assert(skips::fan_in<3> == 3 + 3 + 5);
static_assert(skips::unit_count == 3 + 5 + 3 + 2);

// Input groups: an 8-unit item read by the first hidden layer only, a 4-unit relation read, with
// that layer, by the next (the course's network). Layers 0 and 1 are the groups; the input is
// their 12 values, the item's first.
using course = ctnn::network<input<8>, input<4>, dense<8, relu, from<0>>,
                             dense<15, relu, from<2, 1>>, dense<36, logistic>>;
static_assert(course::input_group_count == 2 && course::dense_layer_count == 3);
static_assert(course::input_width == 12 && course::output_width == 36);
static_assert(course::fan_in<0> == 0 && course::fan_in<1> == 0);
static_assert(course::fan_in<2> == 8 && course::fan_in<3> == 8 + 4 && course::fan_in<4> == 15);
static_assert(course::parameter_count == 8 * 9 + 15 * 13 + 36 * 16);
static_assert(course::weight_offset<2> == 0 && course::unit_offset<1> == 8);
static_assert(course::unit_offset<2> == 12 && course::unit_count == 12 + 8 + 15 + 36);
// The second hidden layer reads the first's units (12 ..), then the relation's (8 .. 11).
static_assert(course::source_unit<3, 0> == 12 && course::source_unit<3, 8> == 8);
static_assert(course::source_unit<3, 11> == 11);
static_assert(course::sources<1>.size() == 0);
using single = ctnn::network<input<12>, dense<8, relu>, dense<15, relu>, dense<36, logistic>>;
static_assert(single::input_group_count == 1 && single::dense_layer_count == 3);
static_assert(single::input_width == 12);
// Three groups, each read by one dense layer.
using three = ctnn::network<input<1>, input<2>, input<3>, dense<2, linear, from<2, 0>>,
                            dense<1, logistic, from<3, 1>>>;
static_assert(three::input_group_count == 3 && three::input_width == 6);
static_assert(three::fan_in<3> == 4 && three::fan_in<4> == 4);
static_assert(three::parameter_count == 2 * 5 + 1 * 5);

static_assert(makes_network<input<2>, dense<1, logistic>>);
static_assert(makes_network<input<2>, input<1>, dense<1, logistic, from<0, 1>>>);
static_assert(makes_network<input<1>, dense<1, linear>, dense<1, relu, from<1>>>);

// Rejected: each names the concept that fails (see static_tests/fail for the diagnostics).
static_assert(!makes_network<dense<1, logistic>>);                      // no input
static_assert(!makes_network<input<2>>);                                // no layer
static_assert(!makes_network<input<0>, dense<1, logistic>>);            // empty input
static_assert(!makes_network<input<2>, dense<0, logistic>>);            // empty layer
static_assert(!makes_network<input<2>, input<2>>);                      // no layer
static_assert(!makes_network<input<2>, dense<1, logistic>, input<2>>);  // input after dense
static_assert(!makes_network<input<2>, dense<1, logistic>, float>);     // not dense
static_assert(!makes_network<input<2>, input<1>, dense<1, logistic>>);  // group 0 unread
static_assert(!makes_network<input<2>, input<0>, dense<1, logistic, from<0, 1>>>);  // empty
static_assert(!makes_network<input<2>, dense<1, int>>);                             // no activation
static_assert(!makes_network<input<2>, dense<1, logistic, from<>>>);                // no sources
static_assert(!makes_network<input<2>, dense<1, logistic, int>>);                   // not sources
static_assert(!makes_network<input<2>, dense<1, logistic, from<1>>>);               // reads itself
static_assert(!makes_network<input<2>, dense<1, logistic>, dense<1, logistic, from<3>>>);
static_assert(!makes_network<input<2>, dense<1, logistic, from<0, 0>>>);                   // twice
static_assert(!makes_network<input<2>, dense<2, logistic>, dense<1, logistic, from<0>>>);  // dead

// The mistake that network names for each: its rule, its layer and the source it concerns.
using rule = ctnn::detail::topology_rule;
template <class Input, class... Layers>
constexpr bool names(rule expected, std::size_t layer, std::size_t source = 0) {
  constexpr auto mistake = ctnn::detail::mistake_of<Input, Layers...>;
  return mistake.rule == expected && mistake.layer == layer && mistake.source == source;
}
struct double_only {
  static constexpr double value(double net) { return net; }
  static constexpr double slope(double) { return 1; }
};
struct valueless {};
struct slopeless {
  template <class T>
  static constexpr T value(T net) {
    return net;
  }
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
struct slope_in_double {
  template <class T>
  static constexpr T value(T net) {
    return net;
  }
  static constexpr double slope(double) { return 1; }
};
// An activation's mistake: its rule, its layer, and the scalar type as the source, its index in
// Activation's order (float, double, dual<float>, dual<double>).
static_assert(names<input<2>, dense<1, logistic>>(rule::none, 0));
static_assert(names<dense<1, logistic>>(rule::input, 0));
static_assert(names<input<2>>(rule::layers, 0));
static_assert(names<input<0>, dense<0, logistic>>(rule::width, 0));
static_assert(names<input<2>, dense<1, logistic>, dense<0, logistic>>(rule::width, 2));
static_assert(names<input<2>, dense<1, logistic>, float>(rule::dense, 2));
static_assert(names<input<2>, dense<1, logistic>, input<2>>(rule::input_late, 2));
static_assert(names<input<2>, input<2>>(rule::layers, 1));
static_assert(names<input<2>, input<0>, dense<1, logistic, from<0, 1>>>(rule::width, 1));
// previous, the first dense layer's default, reads only the last group.
static_assert(names<input<2>, input<1>, dense<1, logistic>>(rule::input_unread, 0));
static_assert(
    names<input<2>, input<1>, input<1>, dense<1, logistic, from<0, 2>>>(rule::input_unread, 1));
static_assert(names<input<2>, input<1>, dense<1, logistic, from<0, 2>>>(rule::precede, 2, 2));
static_assert(names<input<2>, dense<1, int>>(rule::value, 1, 0));
static_assert(names<input<2>, dense<1, valueless>>(rule::value, 1, 0));
static_assert(names<input<2>, dense<1, double_only>>(rule::value, 1, 0));  // none for float
static_assert(names<input<2>, dense<1, logistic>, dense<1, slopeless>>(rule::slope, 2, 0));
static_assert(names<input<2>, dense<1, floating_point_only>>(rule::value, 1, 2));  // dual<float>
static_assert(names<input<2>, dense<1, slope_in_double>>(rule::slope, 1, 0));
// softmax: the output layer only, over two units or more, and needing no slope.
static_assert(makes_network<input<2>, dense<3, relu>, dense<2, ctnn::softmax>>);
static_assert(makes_network<input<2>, input<1>, dense<3, ctnn::softmax, from<0, 1>>>);
static_assert(names<input<2>, dense<3, ctnn::softmax>, dense<2, logistic>>(rule::softmax_hidden,
                                                                           1));
static_assert(
    names<input<2>, dense<3, ctnn::softmax>, dense<2, ctnn::softmax>>(rule::softmax_hidden, 1));
static_assert(names<input<2>, dense<2, relu>, dense<1, ctnn::softmax>>(rule::softmax_single, 2));
// Checked with the activations, layer by layer: a hidden softmax before a later unknown
// activation, and after an earlier one.
static_assert(names<input<2>, dense<2, ctnn::softmax>, dense<1, int>>(rule::softmax_hidden, 1));
static_assert(
    names<input<2>, dense<2, int>, dense<2, ctnn::softmax>, dense<1, logistic>>(rule::value, 1, 0));
static_assert(names<input<2>, dense<1, logistic, from<>>>(rule::no_source, 1));
static_assert(names<input<2>, dense<1, logistic, int>>(rule::sources, 1));
static_assert(names<input<2>, dense<1, logistic, from<1>>>(rule::precede, 1, 1));
static_assert(names<input<2>, dense<1, logistic>, dense<1, logistic, from<0, 3>>>(rule::precede, 2,
                                                                                  3));
static_assert(names<input<2>, dense<1, logistic, from<0, 0>>>(rule::distinct, 1, 0));
static_assert(names<input<2>, dense<2, logistic>, dense<1, logistic, from<0>>>(rule::read, 1));
// Rules in ValidTopology's order: the width before the sources.
static_assert(names<input<2>, dense<0, logistic, from<2>>, dense<1, logistic>>(rule::width, 1));

}  // namespace
