// Defines `ctnn::network`, a neural network topology written as a type, and `ValidTopology`.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <boost/hana/at.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>
#include <cstddef>
#include <ctnn/activation.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <utility>

namespace ctnn {

namespace hana = boost::hana;

/// The network's input: Width values, addressed as layer 0 by the layers that read it.
template <std::size_t Width>
struct input {
  static constexpr std::size_t width = Width;
};

/// A layer's sources: the layers whose outputs it reads, concatenated in this order
/// (0 is the input, k the k-th dense layer).
template <std::size_t... Layers>
struct from {};

/// The default source: the layer just before.
struct previous {};

/// A layer of Width units with activation Act, each unit fed by every output of Sources
/// (`previous` or `from<...>`) through its own weight, plus a bias.
template <std::size_t Width, class Act, class Sources = previous>
struct dense {
  static constexpr std::size_t width = Width;
  using activation = Act;
  using sources = Sources;
};

namespace detail {

template <class T>
inline constexpr bool is_input = false;
template <std::size_t Width>
inline constexpr bool is_input<input<Width>> = true;

template <class T>
inline constexpr bool is_dense = false;
template <std::size_t Width, class Act, class Sources>
inline constexpr bool is_dense<dense<Width, Act, Sources>> = true;

/// The layer indices that layer Index (1-based) reads, with `previous` resolved.
template <std::size_t Index, class Sources>
inline constexpr std::array<std::size_t, 0> source_layers = {};
template <std::size_t Index>
inline constexpr std::array<std::size_t, 1> source_layers<Index, previous> = {Index - 1};
template <std::size_t Index, std::size_t... Layers>
inline constexpr std::array<std::size_t, sizeof...(Layers)> source_layers<Index, from<Layers...>> =
    {Layers...};

template <class Sources>
inline constexpr bool is_sources = false;
template <>
inline constexpr bool is_sources<previous> = true;
template <std::size_t... Layers>
inline constexpr bool is_sources<from<Layers...>> = sizeof...(Layers) > 0;

template <std::size_t Index, class Layer>
constexpr bool sources_precede_layer() {
  for (std::size_t source : source_layers<Index, typename Layer::sources>) {
    if (source >= Index) return false;
  }
  return true;
}

template <class Layer>
constexpr bool sources_distinct() {
  constexpr auto sources = source_layers<1, typename Layer::sources>;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    for (std::size_t j = i + 1; j < sources.size(); ++j) {
      if (sources[i] == sources[j]) return false;
    }
  }
  return true;
}

template <class... Layers>
constexpr bool sources_precede() {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return (sources_precede_layer<I + 1, Layers>() && ...);
  }
  (std::index_sequence_for<Layers...>{});
}

/// True when each of layers 1 .. n-1 is read by some later layer: a layer that feeds nothing
/// cannot influence the output, so its parameters could never learn.
template <class... Layers>
constexpr bool hidden_layers_read() {
  constexpr std::size_t count = sizeof...(Layers);
  std::array<bool, count + 1> read{};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (([&] {
       for (std::size_t source : source_layers<I + 1, typename Layers::sources>) {
         read[source] = true;
       }
     }()),
     ...);
  }
  (std::index_sequence_for<Layers...>{});
  for (std::size_t layer = 1; layer < count; ++layer) {
    if (!read[layer]) return false;
  }
  return true;
}

}  // namespace detail

namespace detail {

/// Widths, fan-ins and offsets of a topology, computed once from its layer list.
template <std::size_t LayerCount>
struct layout {
  std::array<std::size_t, LayerCount> width{};
  std::array<std::size_t, LayerCount> fan_in{};
  std::array<std::size_t, LayerCount + 1> unit_offset{};
  std::array<std::size_t, LayerCount + 1> weight_offset{};
};

template <class Input, class... Layers>
constexpr auto make_layout() {
  constexpr std::size_t count = sizeof...(Layers) + 1;
  layout<count> result{{Input::width, Layers::width...}};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (([&] {
       for (std::size_t source : source_layers<I + 1, typename Layers::sources>) {
         result.fan_in[I + 1] += result.width[source];
       }
     }()),
     ...);
  }
  (std::index_sequence_for<Layers...>{});
  for (std::size_t layer = 0; layer < count; ++layer) {
    result.unit_offset[layer + 1] = result.unit_offset[layer] + result.width[layer];
    // The input has no parameters: its fan-in is 0 and it adds no biases.
    result.weight_offset[layer + 1] =
        result.weight_offset[layer] +
        (layer == 0 ? 0 : result.width[layer] * (result.fan_in[layer] + 1));
  }
  return result;
}

}  // namespace detail

/// A layer list names an input layer first: `input<Width>`.
template <class Input>
concept InputLayer = detail::is_input<Input>;

/// Every layer after the input is a `dense<Width, Activation, Sources>`.
template <class... Layers>
concept DenseLayers = (detail::is_dense<Layers> && ...);

/// The network computes something: at least one dense layer follows the input.
template <class... Layers>
concept HasLayers = sizeof...(Layers) > 0;

/// No layer, the input included, has zero units.
template <class Input, class... Layers>
concept NonEmptyLayers = Input::width >
0 && ((Layers::width > 0) && ...);

/// Every dense layer's activation models `ctnn::Activation`.
template <class... Layers>
concept KnownActivations = (Activation<typename Layers::activation> && ...);

/// Every layer's sources are `previous` or a non-empty `from<...>`.
template <class... Layers>
concept WellFormedSources = (detail::is_sources<typename Layers::sources> && ...);

/// Every layer reads only layers before it: the graph is acyclic and evaluates in order.
template <class... Layers>
concept SourcesPrecede = detail::sources_precede<Layers...>();

/// No layer names the same source twice.
template <class... Layers>
concept DistinctSources = (detail::sources_distinct<Layers>() && ...);

/// Every hidden layer feeds some later layer.
template <class... Layers>
concept HiddenLayersRead = detail::hidden_layers_read<Layers...>();

/// True for an input layer followed by well-formed dense layers that form a feed-forward net.
template <class Input, class... Layers>
concept ValidTopology = InputLayer<Input> && DenseLayers<Layers...> && HasLayers<Layers...> &&
    NonEmptyLayers<Input, Layers...> && KnownActivations<Layers...> &&
    WellFormedSources<Layers...> && SourcesPrecede<Layers...> && DistinctSources<Layers...> &&
    HiddenLayersRead<Layers...>;

/// A feed-forward network whose topology is its type. Layer 0 is the input, layers 1 .. n the
/// dense layers in order; the last one is the output.
template <class Input, class... Layers>
requires ValidTopology<Input, Layers...>
struct network {
 private:
  static constexpr auto shape = detail::make_layout<Input, Layers...>();

 public:
  /// Every layer's type, the input first.
  static constexpr auto layers = hana::tuple_t<Input, Layers...>;
  /// Number of layers, the input included.
  static constexpr std::size_t layer_count = sizeof...(Layers) + 1;
  /// The type of layer L.
  template <std::size_t L>
  using layer = typename decltype(+hana::at_c<L>(layers))::type;
  /// The activation of dense layer L.
  template <std::size_t L>
  using activation = typename layer<L>::activation;

  /// Width of layer L, and every layer's width as `hana::size_c`, the input first.
  template <std::size_t L>
  static constexpr std::size_t width = shape.width[L];
  static constexpr auto widths = []<std::size_t... L>(std::index_sequence<L...>) {
    return hana::make_tuple(hana::size_c<shape.width[L]>...);
  }
  (std::make_index_sequence<layer_count>{});

  /// The layers that layer L (1 .. n) reads, in order.
  template <std::size_t L>
  static constexpr auto sources = detail::source_layers<L, typename layer<L>::sources>;

  /// Inputs per unit of layer L: the summed widths of its sources (0 for the input), and every
  /// layer's fan-in as `hana::size_c`.
  template <std::size_t L>
  static constexpr std::size_t fan_in = shape.fan_in[L];
  static constexpr auto fan_ins = []<std::size_t... L>(std::index_sequence<L...>) {
    return hana::make_tuple(hana::size_c<shape.fan_in[L]>...);
  }
  (std::make_index_sequence<layer_count>{});

  /// Width of the input, and of the last layer, which is the output.
  static constexpr std::size_t input_width = Input::width;
  static constexpr std::size_t output_width = width<layer_count - 1>;

  /// Units are numbered layer by layer, the input's first; layer L's first unit is unit_offset<L>.
  template <std::size_t L>
  static constexpr std::size_t unit_offset = shape.unit_offset[L];
  static constexpr std::size_t unit_count = shape.unit_offset[layer_count];

  /// Parameters are stored layer by layer: layer L's weights unit by unit (width x fan_in,
  /// row-major, sources in the order `from` names them), then its biases (width).
  template <std::size_t L>
  static constexpr std::size_t weight_offset = shape.weight_offset[L];
  template <std::size_t L>
  static constexpr std::size_t bias_offset = weight_offset<L> + width<L>* fan_in<L>;
  static constexpr std::size_t parameter_count = shape.weight_offset[layer_count];

  /// The unit that feeds the K-th input of every unit in layer L.
  template <std::size_t L, std::size_t K>
  static constexpr std::size_t source_unit = [] {
    std::size_t k = K;
    for (std::size_t source : sources<L>) {
      if (k < shape.width[source]) return shape.unit_offset[source] + k;
      k -= shape.width[source];
    }
    return unit_count;
  }();
};

}  // namespace ctnn
