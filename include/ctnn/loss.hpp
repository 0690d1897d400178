// Defines ctnn's loss functions: the homework's sum of squares (the default), half of it (the 1986
// paper's), PyTorch's mean squared error, binary cross-entropy and categorical cross-entropy; each
// a type whose value and whose gradient at the output units are written out by hand.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstddef>
#include <ctnn/activation.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/dual.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log_sum_exp.hpp>
#include <ctnn/math/softplus.hpp>
#include <type_traits>

// A loss E of one pattern is a sum over the output units o of a term e(out_o, t_o), summed left to
// right from the first, then finished (E = total(sum), e.g. a mean). What backprop needs of it is
// each output's delta_o = dE/dnet_o, which a loss writes out in closed form for the output
// activation g it accepts, fused where that is simpler and stabler than dE/dy_o g'(net_o)
// (logistic units and cross-entropy give y_o - t_o). out_o is the output y_o = g(net_o), or the
// net input net_o for a loss that reads_net_input (and applies g itself where it needs y_o).
// A loss that reads_whole_output also needs one quantity of all the outputs together (its
// summary, e.g. log_sum_exp of the net inputs), computed once and passed to each term and delta.
// The functions are [[gnu::const]]: docs/evaluator-costs.md says why.

namespace CTNN_NAMESPACE {

/// The homework's E = sum_o (y_o - t_o)^2, with no factor 1/2: delta_o = 2 (y_o - t_o) g'(net_o).
/// Any output activation but softmax. ctnn's default.
struct sum_of_squares {
  static constexpr bool reads_net_input = false;
  template <class Activation>
  static constexpr bool accepts = !detail::normalises_layer<Activation>;
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
/// delta_o = (y_o - t_o) g'(net_o). Any output activation but softmax.
struct half_sum_of_squares {
  static constexpr bool reads_net_input = false;
  template <class Activation>
  static constexpr bool accepts = !detail::normalises_layer<Activation>;
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
/// pass scales y_o - t_o by 2/n too). Any output activation but softmax.
struct mean_squared_error {
  static constexpr bool reads_net_input = false;
  template <class Activation>
  static constexpr bool accepts = !detail::normalises_layer<Activation>;
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

/// Categorical cross-entropy of a softmax output layer: E = -sum_o t_o ln y_o, for targets that
/// are a distribution over the classes (t_o >= 0, summing to 1; one-hot for one class per
/// pattern), as PyTorch's CrossEntropyLoss of one pattern computes it. Taken from the net inputs:
/// ln y_o = net_o - L with L = log_sum_exp(net) (the summary), so each term is t_o (L - net_o),
/// finite for finite net inputs, and 0 where t_o = 0 (a class the pattern is not, even where its
/// y_o rounds to 0). delta_o = y_o - t_o = e^(net_o - L) - t_o (dE/dnet_o = y_o sum_p t_p - t_o,
/// and the targets sum to 1). Softmax outputs only.
struct categorical_cross_entropy {
  static constexpr bool reads_net_input = true;
  static constexpr bool reads_whole_output = true;
  template <class Activation>
  static constexpr bool accepts = detail::normalises_layer<Activation>;
  template <class T, std::size_t N>
  [[gnu::const]] static constexpr T summary(const T (&net)[N]) {
    return log_sum_exp(net);
  }
  template <class Activation, class T>
  [[gnu::const]] static constexpr T term(T net, T t, T log_sum) {
    return t == T(0) ? T(0) : t * (log_sum - net);
  }
  template <std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T total(T sum) {
    return sum;
  }
  template <class Activation, std::size_t Outputs, class T>
  [[gnu::const]] static constexpr T delta(T net, T t, T log_sum) {
    return exp(net - log_sum) - t;
  }
};

namespace detail {

/// Whether loss L reads a summary of all its outputs (reads_whole_output, false if not declared).
template <class L>
inline constexpr bool reads_whole_output = requires {
  requires L::reads_whole_output;
};

}  // namespace detail

/// A loss as ctnn's passes use it: whether it reads net inputs, which output activations it
/// accepts, its term, total and delta (see above).
template <class L>
concept LossFunction = std::is_empty_v<L> && std::default_initializable<L> && requires {
  { L::reads_net_input } -> std::convertible_to<bool>;
  { L::template accepts<linear> } -> std::convertible_to<bool>;
  { L::template total<1>(double()) } -> std::same_as<double>;
} && (detail::reads_whole_output<L> ? requires(const double (&out)[2]) {
  { L::summary(out) } -> std::same_as<double>;
  { L::template term<softmax>(double(), double(), double()) } -> std::same_as<double>;
  { L::template delta<softmax, 1>(double(), double(), double()) } -> std::same_as<double>;
} : requires {
  { L::template term<logistic>(double(), double()) } -> std::same_as<double>;
  { L::template delta<logistic, 1>(double(), double()) } -> std::same_as<double>;
});

/// The message of an entry point given a loss that does not accept the network's output activation.
/// A macro, as a static_assert's message must be a literal, and each entry point states it in its
/// own static_assert, so that GCC's first lines name the call (docs/diagnostics.md).
#define CTNN_DETAIL_LOSS_REFUSED                                                               \
  "ctnn: this loss does not accept the network's output activation: "                          \
  "binary_cross_entropy takes logistic outputs only; categorical_cross_entropy takes softmax " \
  "outputs, which no other loss takes (<ctnn/loss.hpp>)"

namespace detail {

/// Whether Loss accepts the activation of Net's output layer.
template <class Net, class Loss>
inline constexpr bool loss_fits =
    Loss::template accepts<typename Net::template activation<Net::layer_count - 1>>;

/// What Loss reads of all N outputs out[] together: its summary, or nothing (T()) if it reads
/// none.
template <class Loss, class T, std::size_t N>
constexpr T loss_summary(const T (&out)[N]) {
  if constexpr (reads_whole_output<Loss>)
    return Loss::summary(out);
  else
    return T();
}

/// Loss's term of one output (out, target t), given the outputs' summary where it reads one. Not
/// instantiated for an activation the loss does not accept (which every entry point refuses with
/// CTNN_DETAIL_LOSS_REFUSED), so that the refusal is the only error.
template <class Loss, class Activation, class T>
[[gnu::always_inline]] constexpr T loss_term(T out, T t, [[maybe_unused]] T summary) {
  if constexpr (!Loss::template accepts<Activation>)
    return T();
  else if constexpr (reads_whole_output<Loss>)
    return Loss::template term<Activation>(out, t, summary);
  else
    return Loss::template term<Activation>(out, t);
}

/// Loss's delta of one output, as loss_term.
template <class Loss, class Activation, std::size_t Outputs, class T>
[[gnu::always_inline]] constexpr T loss_delta(T out, T t, [[maybe_unused]] T summary) {
  if constexpr (!Loss::template accepts<Activation>)
    return T();
  else if constexpr (reads_whole_output<Loss>)
    return Loss::template delta<Activation, Outputs>(out, t, summary);
  else
    return Loss::template delta<Activation, Outputs>(out, t);
}

}  // namespace detail

}  // namespace CTNN_NAMESPACE
