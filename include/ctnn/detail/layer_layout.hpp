// Defines `ctnn::detail::layer_layout`: where one dense layer's units and parameters sit, as
// template arguments.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <utility>

namespace ctnn::detail {

/// Dense layer L of Net, its numbers all template arguments: an expression made of these alone is
/// a constant when the passes are instantiated, whereas each read of a static data member costs
/// GCC's constant evaluator operations that count against -fconstexpr-ops-limit.
/// - Activation: the layer's activation; InputWidth: the network's input width.
/// - FirstUnit: the position of the layer's first unit among all units.
/// - Weights, Biases: the positions of its first weight and first bias among all parameters.
/// - Units J: 0 .. width - 1; Inputs K: 0 .. fan_in - 1; Sources S: the unit feeding input K.
/// - LastReads F: 1 where no later layer reads source S, so that backpropagation, which visits the
///   layers last to first, writes S's error here first.
template <class Activation, std::size_t InputWidth, std::size_t FirstUnit, std::size_t Weights,
          std::size_t Biases, class Units, class Inputs, class Sources, class LastReads>
struct layer_constants {};

/// Offset, Offset + 1, ..., Offset + Count - 1.
template <std::size_t Offset, class Indices>
struct make_offset_sequence;
template <std::size_t Offset, std::size_t... Index>
struct make_offset_sequence<Offset, std::index_sequence<Index...>> {
  using type = std::index_sequence<(Offset + Index)...>;
};
template <std::size_t Offset, std::size_t Count>
using offset_sequence =
    typename make_offset_sequence<Offset, std::make_index_sequence<Count>>::type;

/// Whether layer M reads Unit through one of its inputs K.
template <class Net, std::size_t Unit, std::size_t M, std::size_t... K>
constexpr bool layer_reads(std::index_sequence<K...>) {
  return (... || (Net::template source_unit<M, K> == Unit));
}

/// Whether one of the layers L + 1 + M after L reads Unit.
template <class Net, std::size_t Unit, std::size_t L, std::size_t... M>
constexpr bool read_after(std::index_sequence<M...>) {
  return (... || layer_reads<Net, Unit, L + 1 + M>(
                     std::make_index_sequence<Net::template fan_in<L + 1 + M>>{}));
}

template <class Net, std::size_t L,
          class Inputs = std::make_index_sequence<Net::template fan_in<L>>>
struct make_layer_layout;

template <class Net, std::size_t L, std::size_t... K>
struct make_layer_layout<Net, L, std::index_sequence<K...>> {
  using type =
      layer_constants<typename Net::template activation<L>, Net::input_width,
                      Net::template unit_offset<L>, Net::template weight_offset<L>,
                      Net::template bias_offset<L>,
                      std::make_index_sequence<Net::template width<L>>, std::index_sequence<K...>,
                      std::index_sequence<Net::template source_unit<L, K>...>,
                      std::index_sequence<!read_after<Net, Net::template source_unit<L, K>, L>(
                          std::make_index_sequence<Net::layer_count - 1 - L>{})...>>;
};

template <class Net, std::size_t L>
using layer_layout = typename make_layer_layout<Net, L>::type;

}  // namespace ctnn::detail
