// Defines ctnn's loss functions: the homework's sum of squares (the default), half of it (the 1986
// paper's), PyTorch's mean squared error and binary cross-entropy; each a type whose value and
// whose gradient at the output units are written out by hand.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstddef>
#include <ctnn/activation.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/dual.hpp>
#include <ctnn/math/softplus.hpp>
#include <type_traits>

// A loss E of one pattern is a sum over the output units o of a term e(out_o, t_o), summed left to
// right from the first, then finished (E = total(sum), e.g. a mean). What backprop needs of it is
// each output's delta_o = dE/dnet_o, which a loss writes out in closed form for the output
// activation g it accepts, fused where that is simpler and stabler than dE/dy_o g'(net_o)
// (logistic units and cross-entropy give y_o - t_o). out_o is the output y_o = g(net_o), or the
// net input net_o for a loss that reads_net_input (and applies g itself where it needs y_o).
// The functions are [[gnu::const]]: docs/evaluator-costs.md says why.

namespace ctnn {

/// The homework's E = sum_o (y_o - t_o)^2, with no factor 1/2: delta_o = 2 (y_o - t_o) g'(net_o).
/// Any output activation. ctnn's default.
struct sum_of_squares {
  static constexpr bool reads_net_input = false;
  template <class Activation>
  static constexpr bool accepts = true;
  template <class Activation, class T>
  [[gnu::const]] static constexpr T term(T y, T t) {
    return (y - t) * (y - t);
  }
  template <std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T total(T sum) {
    return sum;
  }
  template <class Activation, std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T delta(T y, T t) {
    return T(2) * (y - t) * Activation::slope(y);
  }
};

/// Half the sum of squares, E = 1/2 sum_o (y_o - t_o)^2 (Rumelhart, Hinton and Williams 1986):
/// delta_o = (y_o - t_o) g'(net_o). Any output activation.
struct half_sum_of_squares {
  static constexpr bool reads_net_input = false;
  template <class Activation>
  static constexpr bool accepts = true;
  template <class Activation, class T>
  [[gnu::const]] static constexpr T term(T y, T t) {
    return (y - t) * (y - t);
  }
  template <std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T total(T sum) {
    return T(0.5) * sum;
  }
  template <class Activation, std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T delta(T y, T t) {
    return (y - t) * Activation::slope(y);
  }
};

/// Mean squared error as PyTorch's MSELoss computes it for one pattern: the mean over the n output
/// units, E = (1/n) sum_o (y_o - t_o)^2, and delta_o = (2/n) (y_o - t_o) g'(net_o) (its backward
/// pass scales y_o - t_o by 2/n too). Any output activation.
struct mean_squared_error {
  static constexpr bool reads_net_input = false;
  template <class Activation>
  static constexpr bool accepts = true;
  template <class Activation, class T>
  [[gnu::const]] static constexpr T term(T y, T t) {
    return (y - t) * (y - t);
  }
  template <std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T total(T sum) {
    return sum / T(Outputs);
  }
  template <class Activation, std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T delta(T y, T t) {
    return T(2) / T(Outputs) * (y - t) * Activation::slope(y);
  }
};

/// Binary cross-entropy of logistic outputs, summed over them: E = -sum_o t_o ln y_o + (1 - t_o)
/// ln(1 - y_o), for targets in [0, 1]. Taken from the net input, as ln y = -softplus(-net) and
/// ln(1 - y) = -softplus(net): finite for every finite net input, where y itself may round to 0
/// or 1. delta_o = y_o - t_o (dE/dy_o = (y_o - t_o) / (y_o (1 - y_o)), and g' = y_o (1 - y_o)
/// cancels it). Logistic outputs only.
struct binary_cross_entropy {
  static constexpr bool reads_net_input = true;
  template <class Activation>
  static constexpr bool accepts = std::is_same_v<Activation, logistic>;
  template <class Activation, class T>
  [[gnu::const]] static constexpr T term(T net, T t) {
    // Each softplus is accurate where its factor is large: t = 1 reads softplus(-net) alone. A NaN
    // net input is passed on as it came, not negated: a sum of two NaNs of opposite signs would
    // take its sign from the operand the compiler happens to put first.
    const T negated = net != net ? net : -net;
    return t * softplus(negated) + (T(1) - t) * softplus(net);
  }
  template <std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T total(T sum) {
    return sum;
  }
  template <class Activation, std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T delta(T net, T t) {
    return Activation::value(net) - t;
  }
};

/// A loss as ctnn's passes use it: whether it reads net inputs, which output activations it
/// accepts, its term, total and delta (see above).
template <class L>
concept LossFunction = std::is_empty_v<L> && std::default_initializable<L> && requires {
  { L::reads_net_input } -> std::convertible_to<bool>;
  { L::template accepts<linear> } -> std::convertible_to<bool>;
  { L::template term<logistic>(double(), double()) } -> std::same_as<double>;
  { L::template total<1>(double()) } -> std::same_as<double>;
  { L::template delta<logistic, 1>(double(), double()) } -> std::same_as<double>;
};

/// The message of an entry point given a loss that does not accept the network's output activation.
/// A macro, as a static_assert's message must be a literal, and each entry point states it in its
/// own static_assert, so that GCC's first lines name the call (docs/diagnostics.md).
#define CTNN_DETAIL_LOSS_REFUSED                                      \
  "ctnn: this loss does not accept the network's output activation: " \
  "binary_cross_entropy takes logistic outputs only (<ctnn/loss.hpp>)"

namespace detail {

/// Whether Loss accepts the activation of Net's output layer.
template <class Net, class Loss>
inline constexpr bool loss_fits =
    Loss::template accepts<typename Net::template activation<Net::layer_count - 1>>;

}  // namespace detail

}  // namespace ctnn
