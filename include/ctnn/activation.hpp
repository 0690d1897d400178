// Defines ctnn's activation functions and the concepts they model: `ActivationFor<A, T>` in one
// scalar type, `Activation<A>` in every scalar type ctnn's core computes in.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/dual.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log_sum_exp.hpp>
#include <ctnn/math/sigmoid.hpp>
#include <ctnn/math/tanh.hpp>
#include <type_traits>

namespace CTNN_NAMESPACE {

namespace detail {

/// A::value(net) takes a T and returns a T.
template <class A, class T>
concept ValueFor = requires(T net) {
  { A::value(net) } -> std::same_as<T>;
};

/// A::slope(output) takes a T and returns a T.
template <class A, class T>
concept SlopeFor = requires(T output) {
  { A::slope(output) } -> std::same_as<T>;
};

}  // namespace detail

/// An activation g in scalar type T: its value g(net) and its slope g'(net) written through the
/// output y = g(net), each taking and returning a T. Backprop then needs only the activations
/// that the forward pass keeps anyway. (Its name, where a topology is spelled, is
/// ctnn::activation_name's, in <ctnn/topology_name.hpp>.)
template <class A, class T>
concept ActivationFor = detail::ValueFor<A, T> && detail::SlopeFor<A, T>;

/// An activation in every scalar type ctnn's core computes in: float and double, which it trains
/// in, and dual numbers of each, in which dual_gradient checks backprop. A network's layers need
/// it (ValidTopology); ctnn::lanes' entry points check ActivationFor<A, lanes<T, N>> as well.
template <class A>
concept Activation = ActivationFor<A, float> && ActivationFor<A, double> &&
    ActivationFor<A, dual<float>> && ActivationFor<A, dual<double>>;

/// Logistic unit: g(net) = 1 / (1 + e^-net), g' = y (1 - y).
struct logistic {
  template <class T>
  static constexpr T value(T net) {
    return sigmoid(net);
  }
  template <class T>
  static constexpr T slope(T output) {
    return output * (T(1) - output);
  }
};

/// Hyperbolic tangent unit: g(net) = tanh(net), g' = 1 - y^2.
struct hyperbolic_tangent {
  template <class T>
  static constexpr T value(T net) {
    return tanh(net);
  }
  template <class T>
  static constexpr T slope(T output) {
    return T(1) - output * output;
  }
};

/// Linear unit: g(net) = net, g' = 1.
struct linear {
  template <class T>
  static constexpr T value(T net) {
    return net;
  }
  template <class T>
  static constexpr T slope(T) {
    return T(1);
  }
};

namespace detail {

/// x > 0 is one bool, as for float, double and dual numbers.
template <class T>
concept ComparesToZero = requires(T x) {
  { x > T(0) } -> std::convertible_to<bool>;
};

/// where_positive(x, a, b) is `x > 0 ? a : b` lane by lane, as for ctnn::lanes (found by
/// argument-dependent lookup: <ctnn/lanes.hpp>).
template <class T>
concept ChoosesLaneByLane = requires(T x) {
  { where_positive(x, x, x) } -> std::same_as<T>;
};

}  // namespace detail

/// Rectified linear unit: g(net) = net where net > 0, else +0 (for -0 and NaN too), g' = 1 where
/// y > 0, else 0 (also at net = 0). In lanes, where_positive makes the same choice in each lane.
struct relu {
  template <detail::ComparesToZero T>
  static constexpr T value(T net) {
    return net > T(0) ? net : T(0);
  }
  template <detail::ChoosesLaneByLane T>
  static constexpr T value(T net) {
    return where_positive(net, net, T(0));
  }
  template <detail::ComparesToZero T>
  static constexpr T slope(T output) {
    return output > T(0) ? T(1) : T(0);
  }
  template <detail::ChoosesLaneByLane T>
  static constexpr T slope(T output) {
    return where_positive(output, T(1), T(0));
  }
};

/// Softmax output layer: y_o = e^(net_o) / sum_p e^(net_p), the output units one probability
/// distribution. Not a function of one unit's net input: each unit keeps its net input (value is
/// the identity), and the forward pass then normalises the layer together, y_o = e^(net_o - L)
/// with L = log_sum_exp(net) (detail::normalise_layer), so no e^(net) overflows. It has no slope:
/// it is the output layer's activation only, of two units or more, and trains with
/// categorical_cross_entropy, whose delta y_o - t_o needs none (<ctnn/loss.hpp>).
struct softmax {
  template <class T>
  static constexpr T value(T net) {
    return net;
  }
};

namespace detail {

/// Whether activation A normalises its layer together (softmax) rather than unit by unit.
template <class A>
inline constexpr bool normalises_layer = std::is_same_v<A, softmax>;

/// A softmax layer's outputs from its N net inputs, in place: y_o = e^(net_o - L), L =
/// log_sum_exp(net). Each e^(net_o - L) is at most 1; a +inf net input gives NaN, as 0/0 would.
template <class T, std::size_t N>
constexpr void normalise_layer(T (&units)[N]) {
  const T total = log_sum_exp(units);
  for (std::size_t o = 0; o < N; ++o) units[o] = exp(units[o] - total);
}

}  // namespace detail

}  // namespace CTNN_NAMESPACE
