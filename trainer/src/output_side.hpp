// Defines `ctnn_train::net_input_network` and `ctnn_train::above_half`: which side of 0.5 a
// network's output is on, read from the output unit's net input, for the sweep's check after
// every epoch of every run.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/activation.hpp>
#include <ctnn/network.hpp>
#include <limits>
#include <type_traits>
#include <utility>

namespace ctnn_train {

namespace detail {

template <class Layer>
struct linear_layer;
template <std::size_t Width, class Activation, class Sources>
struct linear_layer<ctnn::dense<Width, Activation, Sources>> {
  using type = ctnn::dense<Width, ctnn::linear, Sources>;
};

template <class Net, class Layers = std::make_index_sequence<Net::layer_count - 1>>
struct make_net_input_network;
template <class Input, class... Layers, std::size_t... L>
struct make_net_input_network<ctnn::network<Input, Layers...>, std::index_sequence<L...>> {
  using type =
      ctnn::network<Input, std::conditional_t<L + 1 == sizeof...(Layers),
                                              typename linear_layer<Layers>::type, Layers>...>;
};

}  // namespace detail

/// Net with its output layer's activation replaced by ctnn::linear: the same parameters in the
/// same places, and a forward pass whose outputs are Net's output units' net inputs.
template <class Net>
using net_input_network = typename detail::make_net_input_network<Net>::type;

/// Where Activation::value crosses 1/2: outside (below, above) its value is on one side of 1/2 by
/// far more than its rounding error in float or double, inside it must be computed. Without a
/// specialisation, always.
template <class Activation>
struct half_crossing {
  static constexpr double below = -std::numeric_limits<double>::infinity(),
                          above = std::numeric_limits<double>::infinity();
};

/// The logistic function is 1/2 at 0, and 1/2 + 2.5e-5 at 1e-4 (float's ulp there is 6e-8).
template <>
struct half_crossing<ctnn::logistic> {
  static constexpr double below = -1e-4, above = 1e-4;
};

/// tanh is 1/2 at atanh(1/2) = 0.549306..., 1/2 - 2.3e-4 at 0.549 and 1/2 + 2.2e-4 at 0.5496.
template <>
struct half_crossing<ctnn::hyperbolic_tangent> {
  static constexpr double below = 0.549, above = 0.5496;
};

/// Whether Activation::value(net) > 1/2, bit for bit as computing it would say, but computing it
/// only near the crossing. NaN is compared with neither bound, so it takes the computation too.
template <class Activation, class T>
constexpr bool above_half(T net) {
  using crossing = half_crossing<Activation>;
  return net >= T(crossing::above)   ? true
         : net <= T(crossing::below) ? false
                                     : Activation::value(net) > T(0.5);
}

}  // namespace ctnn_train
