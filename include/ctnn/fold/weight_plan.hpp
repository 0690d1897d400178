// Defines `ctnn::detail::weight_plan`: the order in which the forward pass and backpropagation
// visit a network's weights, as packs of template arguments for the passes' folds.
// SPDX-License-Identifier: BSL-1.0
// The plain statement of these passes, which they must match bit for bit: <ctnn/reference.hpp>.
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/detail/namespace.hpp>
#include <utility>

namespace CTNN_NAMESPACE::detail {

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

/// What a pass does at a weight besides multiplying by it: the bits of weight_step::flags.
struct step_flag {
  /// The first weight of its unit: the forward pass starts the unit's sum, backpropagation
  /// turns the unit's dE/dy into its delta and updates its bias.
  static constexpr unsigned opens = 1;
  /// The last weight of its unit: the forward pass adds the bias and applies the activation.
  static constexpr unsigned closes = 2;
  /// The weight reads one of the network's inputs, which have no error to carry back.
  static constexpr unsigned reads_input = 4;
  /// Backpropagation: the first weight that carries error back to its (hidden) source, which
  /// stores its error rather than adding it to a zero, so that error[] needs no zeros.
  static constexpr unsigned first_read = 8;
  /// The weight feeds an output unit, whose delta comes with its dE/dy.
  static constexpr unsigned feeds_output = 16;
};

/// One weight of a network as a pass visits it. The passes run over every weight of the network
/// in one fold: constant evaluation, which charges every call and every operation, then spends
/// its budget on arithmetic rather than on calls per layer and per unit, and at run time the fold
/// is straight-line code.
struct weight_step {
  std::size_t layer = 0;   // the dense layer, G .. n
  std::size_t unit = 0;    // the unit the weight feeds, among all units
  std::size_t weight = 0;  // the weight's position among the parameters
  std::size_t bias = 0;    // the position of that unit's bias
  std::size_t source = 0;  // the unit the weight reads
  unsigned flags = 0;      // step_flag bits
};

/// Weights of Net: every parameter but the biases, one per unit.
template <class Net>
inline constexpr std::size_t weight_count = Net::parameter_count -
                                            (Net::unit_count - Net::input_width);

/// Appends layer L's weights, its units in order, each unit's inputs K in order.
template <class Net, std::size_t L, std::size_t... K>
constexpr void append_weight_steps(weight_step* steps, std::size_t& count,
                                   std::index_sequence<K...>) {
  constexpr unsigned output = L + 1 == Net::layer_count ? step_flag::feeds_output : 0;
  for (std::size_t j = 0; j < Net::template width<L>; ++j) {
    ((steps[count++] = {L, Net::template unit_offset<L> + j,
                        Net::template weight_offset<L> + j * sizeof...(K) + K,
                        Net::template bias_offset<L> + j, Net::template source_unit<L, K>,
                        output | (K == 0 ? step_flag::opens : 0) |
                            (K + 1 == sizeof...(K) ? step_flag::closes : 0) |
                            (Net::template source_unit<L, K> < Net::input_width
                                 ? step_flag::reads_input
                                 : 0)}),
     ...);
  }
}

/// Net's weights in the order of the forward pass (layers first to last) or, if Backward, of
/// backpropagation (layers last to first); within a layer, unit by unit, input by input. The
/// pass's I-th layer is G + I forward and n - I backward, of dense layers G .. n.
template <class Net, bool Backward, std::size_t... I>
constexpr std::array<weight_step, weight_count<Net>> weight_steps(std::index_sequence<I...>) {
  constexpr std::size_t first = Net::input_group_count, last = Net::layer_count - 1;
  std::array<weight_step, weight_count<Net>> steps{};
  std::size_t count = 0;
  (append_weight_steps<Net, (Backward ? last - I : first + I)>(
       steps.data(), count,
       std::make_index_sequence<Net::template fan_in<(Backward ? last - I : first + I)>>{}),
   ...);
  for (std::size_t i = 0; i < count; ++i) {
    bool first = !(steps[i].flags & step_flag::reads_input);
    for (std::size_t e = 0; e < i; ++e) first = first && steps[e].source != steps[i].source;
    if (first) steps[i].flags |= step_flag::first_read;
  }
  return steps;
}

/// A pass's weight steps as packs of template arguments, one element per step: folds over them
/// read constants, where reading a static data member would cost GCC's constant evaluator
/// operations that count against -fconstexpr-ops-limit.
template <class Layers, class Units, class Weights, class Biases, class Sources, class Flags>
struct weight_plan {};

template <class Net, bool Backward, class Steps = std::make_index_sequence<weight_count<Net>>>
struct make_weight_plan;

template <class Net, bool Backward, std::size_t... I>
struct make_weight_plan<Net, Backward, std::index_sequence<I...>> {
  static constexpr auto steps =
      weight_steps<Net, Backward>(std::make_index_sequence<Net::dense_layer_count>{});
  using type =
      weight_plan<std::index_sequence<steps[I].layer...>, std::index_sequence<steps[I].unit...>,
                  std::index_sequence<steps[I].weight...>, std::index_sequence<steps[I].bias...>,
                  std::index_sequence<steps[I].source...>,
                  std::integer_sequence<unsigned, steps[I].flags...>>;
};

/// The weights of Net in the forward pass's order, and in backpropagation's.
template <class Net>
using forward_plan = typename make_weight_plan<Net, false>::type;
template <class Net>
using backward_plan = typename make_weight_plan<Net, true>::type;

}  // namespace CTNN_NAMESPACE::detail
