// Defines the reference forward pass and loss: every unit's output y_j = g(net_j), and a loss of
// <ctnn/loss.hpp> (the homework's E = sum_o (y_o - t_o)^2 by default), as loops over layers,
// units and inputs.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <utility>

// The reference is ctnn's specification: what ctnn::forward, loss, gradient, sgd_step, sgd_epoch
// and train compute, written to be read against the equations, with no regard for cost. The fast
// paths must compute its bits (tests/reference.test.cpp, static_tests/reference.cpp), so where
// floating-point order matters, the reference fixes it and says so.

namespace CTNN_NAMESPACE::reference {

/// Every unit's output, numbered as Net numbers units: the inputs first, then layer by layer.
template <class Net, class T>
using unit_outputs = std::array<T, Net::unit_count>;

/// Layer L's first unit, and its width, for a layer index known only at run time.
template <class Net>
constexpr std::size_t first_unit(std::size_t layer) {
  return [&]<std::size_t... L>(std::index_sequence<L...>) {
    constexpr std::size_t offsets[] = {Net::template unit_offset<L>...};
    return offsets[layer];
  }
  (std::make_index_sequence<Net::layer_count>{});
}
template <class Net>
constexpr std::size_t layer_width(std::size_t layer) {
  return [&]<std::size_t... L>(std::index_sequence<L...>) {
    constexpr std::size_t widths[] = {Net::template width<L>...};
    return widths[layer];
  }
  (std::make_index_sequence<Net::layer_count>{});
}

/// The unit that feeds input k of every unit of dense layer L: the outputs of L's sources,
/// concatenated in the order `from<...>` names them. Weight k of a unit multiplies this unit.
template <class Net, std::size_t L>
constexpr std::array<std::size_t, Net::template fan_in<L>> input_units() {
  std::array<std::size_t, Net::template fan_in<L>> units{};
  std::size_t k = 0;
  for (const std::size_t source : Net::template sources<L>) {
    for (std::size_t i = 0; i < layer_width<Net>(source); ++i)
      units[k++] = first_unit<Net>(source) + i;
  }
  return units;
}

/// Calls visit(std::integral_constant<std::size_t, L>{}) for the dense layers L = G .. n in
/// order (G the number of input groups, n the last layer), or n .. G if Backward: layers are
/// types, so their indices must be constants.
template <class Net, bool Backward = false, class Visit>
constexpr void for_each_layer(Visit&& visit) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    constexpr std::size_t first = Net::input_group_count, last = Net::layer_count - 1;
    (visit(std::integral_constant<std::size_t, (Backward ? last - I : first + I)>{}), ...);
  }
  (std::make_index_sequence<Net::dense_layer_count>{});
}

/// Unit j's net input net_j = sum_k w_jk x_k + b_j (the homework's dot(x, w) + b), summed left to
/// right, ((w_j0 x_0 + w_j1 x_1) + ... + w_jK x_K) + b_j. The sum starts from the first product,
/// not from 0: 0 + (-0) is +0, and the fast paths start so.
template <class Net, std::size_t L, class T>
constexpr T net_input(const parameters<Net, T>& params, const unit_outputs<Net, T>& y,
                      std::size_t j) {
  constexpr auto inputs = input_units<Net, L>();
  T net = params.template weight<L>(j, 0) * y[inputs[0]];
  for (std::size_t k = 1; k < inputs.size(); ++k) {
    net = net + params.template weight<L>(j, k) * y[inputs[k]];
  }
  return net + params.template bias<L>(j);
}

/// Layer L's outputs y_j = g(net_j), g its activation; its sources' outputs are in y already.
/// A softmax layer's outputs are its net inputs normalised together, y_j = e^(net_j - L) with L
/// = log_sum_exp(net) (detail::normalise_layer).
template <class Net, std::size_t L, class T>
constexpr void forward_layer(const parameters<Net, T>& params, unit_outputs<Net, T>& y) {
  using activation = typename Net::template activation<L>;
  constexpr std::size_t width = Net::template width<L>, first = Net::template unit_offset<L>;
  if constexpr (detail::normalises_layer<activation>) {
    T nets[width];
    for (std::size_t j = 0; j < width; ++j) nets[j] = net_input<Net, L>(params, y, j);
    detail::normalise_layer(nets);
    for (std::size_t j = 0; j < width; ++j) y[first + j] = nets[j];
  } else {
    for (std::size_t j = 0; j < width; ++j) {
      y[first + j] = activation::value(net_input<Net, L>(params, y, j));
    }
  }
}

/// The forward pass: every unit's output for input x, the inputs' included, layers first to
/// last (a layer reads only earlier ones).
template <class Net, class T, detail::FixedVector<T> X>
constexpr unit_outputs<Net, T> forward(const parameters<Net, T>& params, const X& x) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::reference::forward(params, x) requires one value in x per input unit");
  unit_outputs<Net, T> y{};
  for (std::size_t i = 0; i < Net::input_width; ++i) y[i] = x[i];
  for_each_layer<Net>([&](auto layer) { forward_layer<Net, decltype(layer)::value>(params, y); });
  return y;
}

/// The network's outputs y_o: the last layer's.
template <class Net, class T, detail::FixedVector<T> X>
constexpr std::array<T, Net::output_width> predict(const parameters<Net, T>& params, const X& x) {
  const unit_outputs<Net, T> y = reference::forward(params, x);
  std::array<T, Net::output_width> outputs{};
  for (std::size_t o = 0; o < Net::output_width; ++o) {
    outputs[o] = y[Net::template unit_offset<Net::layer_count - 1> + o];
  }
  return outputs;
}

/// What the loss reads of each output unit: its net input where Loss reads_net_input, else its
/// output; and where it reads_whole_output, what it reads of them together (else T()).
template <class Net, class T>
struct loss_arguments_of {
  T out[Net::output_width];
  T summary;
};
template <class Net, class Loss, class T>
constexpr loss_arguments_of<Net, T> loss_arguments(const parameters<Net, T>& params,
                                                   const unit_outputs<Net, T>& y) {
  constexpr std::size_t last = Net::layer_count - 1;
  loss_arguments_of<Net, T> arguments{};
  for (std::size_t o = 0; o < Net::output_width; ++o) {
    arguments.out[o] = Loss::reads_net_input ? net_input<Net, last>(params, y, o)
                                             : y[Net::template unit_offset<last> + o];
  }
  arguments.summary = detail::loss_summary<Loss>(arguments.out);
  return arguments;
}

/// The loss of one pattern (<ctnn/loss.hpp>), by default the homework's E = sum_o (y_o - t_o)^2
/// with no factor 1/2: the loss's terms summed left to right from the first, then its total.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr T loss(const parameters<Net, T>& params, const X& x, const Y& t, Loss = {}) {
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::reference::loss(params, x, t) requires one value in t per output unit");
  using activation = typename Net::template activation<Net::layer_count - 1>;
  const auto [out, summary] = loss_arguments<Net, Loss>(params, reference::forward(params, x));
  T sum = detail::loss_term<Loss, activation>(out[0], T(t[0]), summary);
  for (std::size_t o = 1; o < Net::output_width; ++o) {
    sum = sum + detail::loss_term<Loss, activation>(out[o], T(t[o]), summary);
  }
  return Loss::template total<Net::output_width>(sum);
}

}  // namespace CTNN_NAMESPACE::reference
