// Defines `ctnn::detail::loop_passes`: one pattern's forward pass, loss and backward pass as loops
// over layers, units and inputs, the backend for networks too large for the folds.
// SPDX-License-Identifier: BSL-1.0
// The plain statement of these passes, which they must match bit for bit: <ctnn/reference.hpp>.
// Which backend runs where, and why: <ctnn/backend.hpp>.
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/detail/step_use.hpp>
#include <ctnn/loss.hpp>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE::detail {

/// Every layer's width, the input first, indexed at run time.
template <class Net>
inline constexpr auto layer_widths = []<std::size_t... L>(std::index_sequence<L...>) {
  return std::array<std::size_t, sizeof...(L)>{Net::template width<L>...};
}
(std::make_index_sequence<Net::layer_count>{});

/// For each layer that layer L reads, the position of its first unit among L's inputs.
template <class Net, std::size_t L>
inline constexpr auto source_firsts = [] {
  constexpr auto sources = Net::template sources<L>;
  std::array<std::size_t, sources.size()> firsts{};
  std::size_t first = 0;
  for (std::size_t g = 0; g < sources.size(); ++g) {
    firsts[g] = first;
    first += layer_widths<Net>[sources[g]];
  }
  return firsts;
}();

/// The inputs of layer L's units in groups, one per layer it reads: visit(source, first) for
/// each source layer in the order `from` names them, `first` the group's first input among the
/// unit's inputs. Within a group the inputs are one layer's consecutive units, so the loops over
/// them read consecutive weights and consecutive outputs.
template <class Net, std::size_t L, class Visit>
constexpr void for_each_source(Visit&& visit) {
  [&]<std::size_t... G>(std::index_sequence<G...>) {
    (visit(
         std::integral_constant<std::size_t, Net::template sources<L>[G]> {},
         std::integral_constant<std::size_t, source_firsts<Net, L>[G]> {}),
     ...);
  }
  (std::make_index_sequence<Net::template sources<L>.size()>{});
}

/// The last layer that reads layer S: backpropagation, which visits layers last to first, gets
/// the first of dE/dy_s's terms there, from its unit 0.
template <class Net, std::size_t S>
inline constexpr std::size_t last_reader = [] {
  std::size_t reader = 0;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((reader =
          [] {
            for (const std::size_t source : Net::template sources<I>) {
              if (source == S) return true;
            }
            return false;
          }()
              ? I
              : reader),
     ...);
  }
  (std::make_index_sequence<Net::layer_count>{});
  return reader;
}();

/// One pattern's step, as backprop's folds take it (same arguments, same uses, same bits), in
/// loops: the forward pass layer by layer, each unit's net input summed input by input, left to
/// right, the bias last; backpropagation layers last to first, unit by unit, input by input,
/// each weight read for the error it passes back before descent changes it. The equations and
/// the order are <ctnn/reference.hpp>'s; the comments of fold_passes (fold/passes.hpp) say what
/// each use returns and writes.
template <class Net>
struct loop_passes {
  // flatten: Clang (14) otherwise leaves the per-unit and per-source lambdas of the backward pass
  // as calls (too costly to inline, by its count) and cannot unroll the loops around them: the
  // 815-parameter step took 1.18 (float) to 1.20 (double) of the hand loop's time, and takes 1.11
  // to 1.13 with it; GCC's 0.84 (bench/size, 2026-12-07). It changes no result, and nothing in a
  // constant evaluation.
  template <use Use = use::descent, class Loss = sum_of_squares, class Params, class X, class Y,
            class Out, class T = std::remove_cvref_t<decltype(std::declval<Params&>()[0])>>
  [[gnu::flatten]] static constexpr auto step(Params& params, const X& x, const Y& target,
                                              Out out) {
    using output_activation = typename Net::template activation<Net::layer_count - 1>;
    // A loss that reads the output units' net inputs gets them in error[], free until the deltas;
    // a softmax output layer is normalised from them.
    constexpr bool keeps_net = Loss::reads_net_input || normalises_layer<output_activation>;
    T units[Net::unit_count];
    T error[Net::unit_count];
    forward_layers<keeps_net>(params, x, units, error,
                              std::make_index_sequence<Net::dense_layer_count>{});
    constexpr std::size_t first_output = Net::template unit_offset<Net::layer_count - 1>;
    if constexpr (Use == use::forward) {
      for (std::size_t u = Net::input_width; u < Net::unit_count; ++u) out[u] = units[u];
    } else {
      // What the loss reads of output o: its net input, or its output; and of them together.
      const T* read = Loss::reads_net_input ? error + first_output : units + first_output;
      [[maybe_unused]] T summary{};
      if constexpr (reads_whole_output<Loss>) {
        T outputs[Net::output_width];
        for (std::size_t o = 0; o < Net::output_width; ++o) outputs[o] = read[o];
        summary = Loss::summary(outputs);
      }
      [[maybe_unused]] T loss{};
      if constexpr (Use == use::descent || Use == use::loss || Use == use::loss_and_gradient) {
        loss = loss_term<Loss, output_activation>(read[0], target[0], summary);
        for (std::size_t o = 1; o < Net::output_width; ++o) {
          loss = loss + loss_term<Loss, output_activation>(read[o], target[o], summary);
        }
        loss = Loss::template total<Net::output_width>(loss);
      }
      if constexpr (Use != use::loss) {
        // Each delta replaces what it was computed from: read[o] is error[first_output + o] or
        // units[first_output + o], and nothing reads it again.
        for (std::size_t o = 0; o < Net::output_width; ++o) {
          error[first_output + o] =
              loss_delta<Loss, output_activation, Net::output_width>(read[o], target[o], summary);
        }
        backward_layers<Use>(params, x, units, error, out,
                             std::make_index_sequence<Net::dense_layer_count>{});
      }
      if constexpr (Use == use::descent || Use == use::loss || Use == use::loss_and_gradient)
        return loss;
    }
  }

 private:
  /// Input i of a group from layer S: the network's input x_i of input group S, or unit i of
  /// hidden layer S.
  template <std::size_t S, class X, class T>
  static constexpr decltype(auto) read(const X& x, const T* units, std::size_t i) {
    if constexpr (S < Net::input_group_count) {
      return x[Net::template unit_offset<S> + i];
    } else {
      return units[Net::template unit_offset<S> + i];
    }
  }

  template <bool KeepsNet, class Params, class X, class T, std::size_t... I>
  static constexpr void forward_layers(const Params& params, const X& x, T* units, T* nets,
                                       std::index_sequence<I...>) {
    (forward_layer<KeepsNet, Net::input_group_count + I>(params, x, units, nets), ...);
  }

  /// Layer L's outputs y_j = g(net_j), net_j = ((w_j0 x_0 + w_j1 x_1) + ...) + b_j; the output
  /// units' net inputs also in nets[] if KeepsNet. A softmax layer's outputs are normalised
  /// together after its units (detail::normalise_layer).
  template <bool KeepsNet, std::size_t L, class Params, class X, class T>
  static constexpr void forward_layer(const Params& params, const X& x, T* units, T* nets) {
    using activation = typename Net::template activation<L>;
    for (std::size_t j = 0; j < Net::template width<L>; ++j) {
      const std::size_t row = Net::template weight_offset<L> + j * Net::template fan_in<L>;
      T net;
      for_each_source<Net, L>([&](auto source, auto first) {
        constexpr std::size_t S = source;
        std::size_t i = 0;
        if constexpr (first == 0) {
          net = params[row] * read<S>(x, units, 0);
          i = 1;
        }
        for (; i < Net::template width<S>; ++i) {
          net = net + params[row + first + i] * read<S>(x, units, i);
        }
      });
      const std::size_t unit = Net::template unit_offset<L> + j;
      if constexpr (KeepsNet && L + 1 == Net::layer_count) {
        nets[unit] = net + params[Net::template bias_offset<L> + j];
        units[unit] = activation::value(nets[unit]);
      } else {
        units[unit] = activation::value(net + params[Net::template bias_offset<L> + j]);
      }
    }
    if constexpr (normalises_layer<activation>) {
      constexpr std::size_t first = Net::template unit_offset<L>, width = Net::template width<L>;
      T outputs[width];
      for (std::size_t j = 0; j < width; ++j) outputs[j] = units[first + j];
      normalise_layer(outputs);
      for (std::size_t j = 0; j < width; ++j) units[first + j] = outputs[j];
    }
  }

  template <use Use, class Params, class X, class T, class Out, std::size_t... I>
  static constexpr void backward_layers(Params& params, const X& x, const T* units, T* error,
                                        Out& out, std::index_sequence<I...>) {
    (backward_layer<Use, Net::layer_count - 1 - I>(params, x, units, error, out), ...);
  }

  /// Layer L's part of backpropagation: each unit's delta_j = dE/dy_j g'(net_j) (an output unit's
  /// came with its dE/dy), then for each input k, dE/dw_jk = delta_j x_k, and dE/dy_s +=
  /// delta_j w_jk for a hidden source s (stored, not added, at s's first term); the bias's
  /// gradient is delta_j. use::gradient writes them to out; descent subtracts rate (out) times
  /// them from the parameters.
  template <use Use, std::size_t L, class Params, class X, class T, class Out>
  static constexpr void backward_layer(Params& params, const X& x, const T* units, T* error,
                                       Out& out) {
    using activation = typename Net::template activation<L>;
    // Unit 0 apart: it may give its sources their first terms, and a loop without that choice
    // inside is one the compiler can vectorise.
    const auto unit_step = [&]<bool FirstUnit>(std::size_t j, std::bool_constant<FirstUnit>) {
      const std::size_t unit = Net::template unit_offset<L> + j;
      if constexpr (L + 1 != Net::layer_count) {
        error[unit] = error[unit] * activation::slope(units[unit]);
      }
      const T delta = error[unit];
      if constexpr (Use == use::gradient || Use == use::loss_and_gradient) {
        out[Net::template bias_offset<L> + j] = delta;
      } else {
        params[Net::template bias_offset<L> + j] -= out * delta;
      }
      const std::size_t row = Net::template weight_offset<L> + j * Net::template fan_in<L>;
      for_each_source<Net, L>([&](auto source, auto first) {
        constexpr std::size_t S = source;
        constexpr std::size_t hidden = Net::template unit_offset<S>;
        constexpr bool first_terms = FirstUnit && last_reader<Net, S> == L;
        constexpr bool hidden_source = S >= Net::input_group_count;
        for (std::size_t i = 0; i < Net::template width<S>; ++i) {
          const std::size_t w = row + first + i;
          if constexpr (Use == use::gradient || Use == use::loss_and_gradient)
            out[w] = delta * read<S>(x, units, i);
          if constexpr (hidden_source && first_terms) error[hidden + i] = delta * params[w];
          if constexpr (hidden_source && !first_terms) error[hidden + i] += delta * params[w];
          if constexpr (Use == use::descent || Use == use::descent_without_loss)
            params[w] -= out * (delta * read<S>(x, units, i));
        }
      });
    };
    unit_step(0, std::true_type{});
    for (std::size_t j = 1; j < Net::template width<L>; ++j) unit_step(j, std::false_type{});
  }
};

}  // namespace CTNN_NAMESPACE::detail
