// Defines the reference gradient: dE/dparams of one pattern by backpropagation, for a loss of
// <ctnn/loss.hpp>, as loops over layers (last to first), units and inputs.
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
#include <ctnn/reference/forward.hpp>

// The derivation, for unit j of a layer with activation g, inputs x_k (the outputs of the units
// s_k that layer reads), weights w_jk and bias b_j:
//   net_j = sum_k w_jk x_k + b_j,   y_j = g(net_j),   E the loss (<ctnn/loss.hpp>).
// Output units:   delta_o = dE/dnet_o, which the loss writes in closed form (for the homework's
//                 E = sum_o (y_o - t_o)^2, 2 (y_o - t_o) g'(net_o): no factor 1/2 in E)
// Hidden units:   dE/dy_j  = sum over the units r reading j of delta_r w_rj
//                 delta_j  = dE/dnet_j = dE/dy_j g'(net_j)         (g' written through y_j, as
//                                                                   the activation's slope(y_j))
// Every unit:     dE/db_j  = delta_j                               (dnet_j/db_j = 1)
//                 dE/dw_jk = delta_j x_k                           (dnet_j/dw_jk = x_k)
// since y_j reaches E only through the net inputs of its readers. Readers sit in later layers, so
// visiting the layers last to first completes each dE/dy_j before j's own layer needs it.

namespace CTNN_NAMESPACE::reference {

/// dE/dy of every unit, as backprop collects it: for a hidden unit s, the terms delta_j w_js of
/// its readers j, in the order backprop visits them (layers last to first, units in order).
template <class Net, class T>
struct error_signals {
  std::array<T, Net::unit_count> dE_dy{};
  std::array<bool, Net::unit_count> has_term{};

  /// Adds a term to dE/dy_s. The first is stored rather than added to 0: a zero delta (a dead
  /// relu, a saturated logistic) times a negative weight is -0, and 0 + (-0) would be +0.
  constexpr void add(std::size_t s, T term) {
    if (has_term[s]) {
      dE_dy[s] = dE_dy[s] + term;
    } else {
      dE_dy[s] = term;
      has_term[s] = true;
    }
  }
};

/// Each output's delta_o = dE/dnet_o, as the loss writes it in closed form for the output
/// activation (for the homework's loss, 2 (y_o - t_o) g'(net_o)).
template <class Net, class Loss, class T, class Y>
constexpr std::array<T, Net::output_width> output_deltas(const parameters<Net, T>& params,
                                                         const unit_outputs<Net, T>& y,
                                                         const Y& t) {
  constexpr std::size_t last = Net::layer_count - 1;
  using activation = typename Net::template activation<last>;
  const auto [out, summary] = loss_arguments<Net, Loss>(params, y);
  std::array<T, Net::output_width> deltas{};
  for (std::size_t o = 0; o < Net::output_width; ++o) {
    deltas[o] = detail::loss_delta<Loss, activation, Net::output_width>(out[o], T(t[o]), summary);
  }
  return deltas;
}

/// Layer L's part of backprop: for each unit j, delta_j from dE/dy_j (complete, as only later
/// layers read j; an output unit's delta comes from the loss), then dE/db_j, dE/dw_jk for each
/// input k, and the term delta_j w_jk that j passes back to a hidden source s_k (inputs have no
/// parameters behind them, so no dE/dy).
template <class Net, std::size_t L, class T>
constexpr void backprop_layer(const parameters<Net, T>& params, const unit_outputs<Net, T>& y,
                              const std::array<T, Net::output_width>& output_deltas,
                              error_signals<Net, T>& errors, parameters<Net, T>& grad) {
  using activation = typename Net::template activation<L>;
  constexpr auto inputs = input_units<Net, L>();
  for (std::size_t j = 0; j < Net::template width<L>; ++j) {
    const std::size_t unit = Net::template unit_offset<L> + j;
    T delta;
    if constexpr (L + 1 == Net::layer_count) {
      delta = output_deltas[j];
    } else {
      delta = errors.dE_dy[unit] * activation::slope(y[unit]);
    }
    grad.template bias<L>(j) = delta;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      const std::size_t source = inputs[k];
      grad.template weight<L>(j, k) = delta * y[source];
      if (source >= Net::input_width) {
        errors.add(source, delta * params.template weight<L>(j, k));
      }
    }
  }
}

/// dE/dparams of one pattern (input x, target t) for a loss of <ctnn/loss.hpp> (the homework's
/// by default), laid out as the parameters: a forward pass, then backprop through the layers
/// last to first.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> gradient(const parameters<Net, T>& params, const X& x, const Y& t,
                                      Loss = {}) {
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::reference::gradient(params, x, t) requires one value in t per output unit");
  const unit_outputs<Net, T> y = reference::forward(params, x);
  const std::array<T, Net::output_width> deltas = output_deltas<Net, Loss>(params, y, t);
  error_signals<Net, T> errors;
  parameters<Net, T> grad;
  for_each_layer<Net, true>([&](auto layer) {
    backprop_layer<Net, decltype(layer)::value>(params, y, deltas, errors, grad);
  });
  return grad;
}

}  // namespace CTNN_NAMESPACE::reference
