// Defines `ctnn::network`, a neural network topology written as a type, `ValidTopology`, and
// `ActivationsFor`.
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
#include <ctnn/detail/namespace.hpp>
#include <ctnn/dual.hpp>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {

namespace hana = boost::hana;

/// An input group: Width of the network's input values, a layer without parameters. A network
/// starts with one input group or more (layers 0 .. G - 1): its input is their values
/// concatenated in order, and each dense layer reads the groups it names in `from<...>`.
template <std::size_t Width>
struct input {
  static constexpr std::size_t width = Width;
};

/// A layer's sources: the layers whose outputs it reads, concatenated in this order (layers are
/// numbered from 0, the input groups first, then the dense layers).
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

/// The layers that layer Index reads: its sources if it is dense, none if it is an input group.
template <std::size_t Index, class Layer>
inline constexpr std::array<std::size_t, 0> layer_sources = {};
template <std::size_t Index, std::size_t Width, class Act, class Sources>
inline constexpr auto layer_sources<Index, dense<Width, Act, Sources>> =
    source_layers<Index, Sources>;

/// How many of Layers... lead with input groups: the input groups after the first.
template <class... Layers>
constexpr std::size_t leading_inputs() {
  constexpr bool input[] = {is_input<Layers>..., false};
  std::size_t count = 0;
  while (input[count]) ++count;
  return count;
}

/// True when every layer of Layers... after the leading input groups is dense.
template <class... Layers>
constexpr bool dense_after_inputs() {
  constexpr bool dense[] = {is_dense<Layers>..., true};
  for (std::size_t layer = leading_inputs<Layers...>(); layer < sizeof...(Layers); ++layer)
    if (!dense[layer]) return false;
  return true;
}

/// A layer's activation, or void for a layer without one (an input group).
template <class Layer>
struct activation_of {
  using type = void;
};
template <std::size_t Width, class Act, class Sources>
struct activation_of<dense<Width, Act, Sources>> {
  using type = Act;
};

template <class Sources>
inline constexpr bool is_sources = false;
template <>
inline constexpr bool is_sources<previous> = true;
template <std::size_t... Layers>
inline constexpr bool is_sources<from<Layers...>> = sizeof...(Layers) > 0;

/// True for an input group, and for a dense layer whose sources are `previous` or `from<...>`.
template <class Layer>
inline constexpr bool sources_well_formed = true;
template <std::size_t Width, class Act, class Sources>
inline constexpr bool sources_well_formed<dense<Width, Act, Sources>> = is_sources<Sources>;

template <std::size_t Index, class Layer>
constexpr bool sources_precede_layer() {
  for (std::size_t source : layer_sources<Index, Layer>) {
    if (source >= Index) return false;
  }
  return true;
}

template <class Layer>
constexpr bool sources_distinct() {
  constexpr auto sources = layer_sources<1, Layer>;
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

/// True when each layer but the last (the input groups included) is read by some later layer: a
/// layer that feeds nothing cannot influence the output, so its parameters could never learn.
template <class... Layers>
constexpr bool hidden_layers_read() {
  constexpr std::size_t count = sizeof...(Layers);
  std::array<bool, count + 1> read{};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (([&] {
       for (std::size_t source : layer_sources<I + 1, Layers>) {
         read[source] = true;
       }
     }()),
     ...);
  }
  (std::index_sequence_for<Layers...>{});
  for (std::size_t layer = 0; layer < count; ++layer) {
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
  constexpr std::size_t input_groups = leading_inputs<Layers...>() + 1;
  layout<count> result{{Input::width, Layers::width...}};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (([&] {
       for (std::size_t source : layer_sources<I + 1, Layers>) {
         result.fan_in[I + 1] += result.width[source];
       }
     }()),
     ...);
  }
  (std::index_sequence_for<Layers...>{});
  for (std::size_t layer = 0; layer < count; ++layer) {
    result.unit_offset[layer + 1] = result.unit_offset[layer] + result.width[layer];
    // An input group has no parameters: its fan-in is 0 and it adds no biases.
    result.weight_offset[layer + 1] =
        result.weight_offset[layer] +
        (layer < input_groups ? 0 : result.width[layer] * (result.fan_in[layer] + 1));
  }
  return result;
}

}  // namespace detail

/// A layer list names an input group first: `input<Width>`.
template <class Input>
concept InputLayer = detail::is_input<Input>;

/// After the input groups, every layer is a `dense<Width, Activation, Sources>`.
template <class... Layers>
concept DenseLayers = detail::dense_after_inputs<Layers...>();

/// The network computes something: at least one dense layer follows the input groups.
template <class... Layers>
concept HasLayers = sizeof...(Layers) > detail::leading_inputs<Layers...>();

/// No layer, the input included, has zero units.
template <class Input, class... Layers>
concept NonEmptyLayers = Input::width >
0 && ((Layers::width > 0) && ...);

/// Every dense layer's activation models `ctnn::Activation`, or is `ctnn::softmax`.
template <class... Layers>
concept KnownActivations =
    ((detail::is_input<Layers> || Activation<typename detail::activation_of<Layers>::type> ||
      detail::normalises_layer<typename detail::activation_of<Layers>::type>)&&...);

namespace detail {

/// Whether layer Layer, the last of the list if Last, uses softmax where it can: only the output
/// layer normalises its units together (its outputs are the network's, and nothing backpropagates
/// through it but its loss's delta), and over two units or more (over one it is always 1).
template <class Layer, bool Last>
constexpr bool softmax_fits() {
  if constexpr (is_input<Layer>) {
    return true;
  } else {
    return !normalises_layer<typename activation_of<Layer>::type> || (Last && Layer::width > 1);
  }
}

template <class... Layers>
constexpr bool softmax_only_at_output() {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return (softmax_fits<Layers, I + 1 == sizeof...(Layers)>() && ...);
  }
  (std::index_sequence_for<Layers...>{});
}

}  // namespace detail

/// A softmax layer is the output layer, of two units or more.
template <class... Layers>
concept SoftmaxAtOutput = detail::softmax_only_at_output<Layers...>();

/// Every dense layer's sources are `previous` or a non-empty `from<...>`.
template <class... Layers>
concept WellFormedSources = (detail::sources_well_formed<Layers> && ...);

/// Every layer reads only layers before it: the graph is acyclic and evaluates in order.
template <class... Layers>
concept SourcesPrecede = detail::sources_precede<Layers...>();

/// No layer names the same source twice.
template <class... Layers>
concept DistinctSources = (detail::sources_distinct<Layers>() && ...);

/// Every input group and hidden layer feeds some later layer.
template <class... Layers>
concept HiddenLayersRead = detail::hidden_layers_read<Layers...>();

/// True for an input layer followed by well-formed dense layers that form a feed-forward net.
template <class Input, class... Layers>
concept ValidTopology = InputLayer<Input> && DenseLayers<Layers...> && HasLayers<Layers...> &&
    NonEmptyLayers<Input, Layers...> && KnownActivations<Layers...> && SoftmaxAtOutput<Layers...> &&
    WellFormedSources<Layers...> && SourcesPrecede<Layers...> && DistinctSources<Layers...> &&
    HiddenLayersRead<Layers...>;

namespace detail {

/// A valid topology's shape: network's members, which it inherits.
template <class Input, class... Layers>
struct network_members {
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

  /// The layers that layer L reads, in order (none for an input group).
  template <std::size_t L>
  static constexpr auto sources = detail::layer_sources<L, layer<L>>;

  /// Inputs per unit of layer L: the summed widths of its sources (0 for an input group), and every
  /// layer's fan-in as `hana::size_c`.
  template <std::size_t L>
  static constexpr std::size_t fan_in = shape.fan_in[L];
  static constexpr auto fan_ins = []<std::size_t... L>(std::index_sequence<L...>) {
    return hana::make_tuple(hana::size_c<shape.fan_in[L]>...);
  }
  (std::make_index_sequence<layer_count>{});

  /// Layers 0 .. input_group_count - 1 are the input groups (`input<Width>`); the dense layers
  /// follow, dense_layer_count of them. The network's input is the groups' values concatenated
  /// in order: units 0 .. input_width - 1.
  static constexpr std::size_t input_group_count = detail::leading_inputs<Layers...>() + 1;
  static constexpr std::size_t dense_layer_count = layer_count - input_group_count;

  /// Width of the input (every group's), and of the last layer, which is the output.
  static constexpr std::size_t input_width = shape.unit_offset[input_group_count];
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

}  // namespace detail

/// The mistakes a topology can make, each an incomplete type that network names in its first
/// error line (layer 0 is the input, k the k-th dense layer; Source a layer it reads; Act the
/// layer's activation, T the scalar type it does not compute in).
namespace bad_topology {

template <std::size_t Layer>
struct layer {
  struct is_not_an_input;
  struct is_followed_by_no_dense_layer;
  struct is_not_a_dense_layer;
  struct has_width_0;
  struct has_softmax_but_is_not_the_output_layer;
  struct has_softmax_over_one_unit;
  template <class Act>
  struct activation {
    template <class T>
    struct value_is_not_defined_for;
    template <class T>
    struct slope_is_not_defined_for;
  };
  struct has_sources_not_previous_or_from;
  struct reads_no_layer;
  template <std::size_t Source>
  struct reads_itself_or_a_later_layer;
  template <std::size_t Source>
  struct reads_a_layer_twice;
  struct feeds_no_later_layer;
  struct is_an_input_group_after_a_dense_layer;
  struct is_an_input_group_no_layer_reads;
};

}  // namespace bad_topology

namespace detail {

/// The scalar types that Activation checks, by index in the order it checks them.
template <std::size_t S>
using core_scalar = std::conditional_t<
    S == 0, float,
    std::conditional_t<S == 1, double, std::conditional_t<S == 2, dual<float>, dual<double>>>>;
inline constexpr std::size_t core_scalar_count = 4;

/// The activation of layer L of Input, Layers..., or void (an input group, a layer not dense).
template <std::size_t L, class Input, class... Layers>
using activation_of_layer = typename activation_of<typename decltype(+hana::at_c<L>(
    hana::tuple_t<Input, Layers...>))::type>::type;

template <class Sources>
inline constexpr bool is_from = false;
template <std::size_t... Layers>
inline constexpr bool is_from<from<Layers...>> = true;

/// The first mistake of a topology: what rule it breaks, where.
enum class topology_rule {
  none,
  input,
  layers,
  dense,
  width,
  value,
  slope,
  softmax_hidden,
  softmax_single,
  sources,
  no_source,
  precede,
  distinct,
  read,
  input_late,
  input_unread
};
struct topology_mistake {
  topology_rule rule = topology_rule::none;
  std::size_t layer = 0;
  std::size_t source = 0;  // for value and slope, the scalar type: core_scalar<source>
};

/// Activation Act's first mistake in scalar type T: no value, or no slope (softmax needs none).
template <class Act, class T>
constexpr topology_rule activation_rule() {
  if constexpr (!ValueFor<Act, T>)
    return topology_rule::value;
  else if constexpr (!normalises_layer<Act> && !SlopeFor<Act, T>)
    return topology_rule::slope;
  else
    return topology_rule::none;
}

/// Activation Act's first mistake in the scalar types Activation checks, in its order.
template <std::size_t L, class Act>
constexpr topology_mistake activation_mistake() {
  constexpr auto rules = []<std::size_t... S>(std::index_sequence<S...>) {
    return std::array{activation_rule<Act, core_scalar<S>>()...};
  }
  (std::make_index_sequence<core_scalar_count>{});
  for (std::size_t s = 0; s < rules.size(); ++s)
    if (rules[s] != topology_rule::none) return {rules[s], L, s};
  return {};
}

/// Dense layer L's first mistake in stage Stage, in the order of ValidTopology's rules (an input
/// group's width is checked with the input's); Last if it is the output layer.
template <std::size_t L, class Layer, bool Last>
constexpr topology_mistake layer_mistake(int stage) {
  if constexpr (is_input<Layer>) {
    return {};
  } else {
    using Act = typename Layer::activation;
    using Sources = typename Layer::sources;
    constexpr auto sources = source_layers<L, Sources>;
    if (stage == 0 && Layer::width == 0) return {topology_rule::width, L};
    if (stage == 1 && !Activation<Act> && !normalises_layer<Act>)
      return activation_mistake<L, Act>();
    if (stage == 1 && !softmax_fits<Layer, Last>())
      return {Last ? topology_rule::softmax_single : topology_rule::softmax_hidden, L};
    if (stage == 2 && !is_sources<Sources>)
      return {is_from<Sources> ? topology_rule::no_source : topology_rule::sources, L};
    if (stage == 3) {
      for (std::size_t source : sources)
        if (source >= L) return {topology_rule::precede, L, source};
    }
    if (stage == 4) {
      for (std::size_t i = 0; i < sources.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
          if (sources[i] == sources[j]) return {topology_rule::distinct, L, sources[i]};
    }
    return {};
  }
}

template <class Input, class... Layers>
constexpr topology_mistake first_mistake() {
  constexpr std::size_t groups = leading_inputs<Layers...>() + 1;
  if constexpr (!is_input<Input>) {
    return {topology_rule::input, 0};
  } else if constexpr (sizeof...(Layers) + 1 == groups) {
    return {topology_rule::layers, groups - 1};
  } else if constexpr (!dense_after_inputs<Layers...>()) {
    constexpr bool dense[] = {is_dense<Layers>...};
    constexpr bool input[] = {is_input<Layers>...};
    std::size_t layer = groups - 1;
    while (dense[layer]) ++layer;
    return {input[layer] ? topology_rule::input_late : topology_rule::dense, layer + 1};
  } else {
    constexpr bool input_width_0[] = {Input::width == 0,
                                      (is_input<Layers> && Layers::width == 0)...};
    for (std::size_t layer = 0; layer < groups; ++layer)
      if (input_width_0[layer]) return {topology_rule::width, layer};
    for (int stage = 0; stage < 5; ++stage) {
      const auto mistakes = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array{layer_mistake<I + 1, Layers, I + 1 == sizeof...(Layers)>(stage)...};
      }
      (std::index_sequence_for<Layers...>{});
      for (const topology_mistake& mistake : mistakes)
        if (mistake.rule != topology_rule::none) return mistake;
    }
    std::array<bool, sizeof...(Layers) + 1> read{};
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (([&] {
         for (std::size_t source : layer_sources<I + 1, Layers>) read[source] = true;
       }()),
       ...);
    }
    (std::index_sequence_for<Layers...>{});
    for (std::size_t layer = 0; layer < sizeof...(Layers); ++layer)
      if (!read[layer])
        return {layer < groups ? topology_rule::input_unread : topology_rule::read, layer};
    return {};
  }
}

/// Names a mistake by taking the size of its incomplete type, spelled out with the numbers in
/// place, so that the compilers print that spelling rather than an alias's; both quote the line,
/// so each ends with the fix.
template <topology_rule Rule, std::size_t L, std::size_t S, class Act = void, class T = void>
struct mistake_type {};
// clang-format off
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::input, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::is_not_an_input));  // the first layer is ctnn::input<Width>
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::layers, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::is_followed_by_no_dense_layer));  // add a layer: network<input<Width>, dense<Width, Activation>>
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::dense, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::is_not_a_dense_layer));  // layers after the input groups are ctnn::dense<Width, Activation, Sources>
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::width, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::has_width_0));  // every layer, the input included, needs at least one unit
};
template <std::size_t L, std::size_t S, class Act, class T>
struct mistake_type<topology_rule::value, L, S, Act, T> {
  static_assert(sizeof(typename bad_topology::layer<L>::template activation<Act>::template value_is_not_defined_for<T>));  // an activation computes in float, double, ctnn::dual<float or double>, and ctnn::lanes<T, N> to train side by side: template <class T> static constexpr T value(T net) { ... }
};
template <std::size_t L, std::size_t S, class Act, class T>
struct mistake_type<topology_rule::slope, L, S, Act, T> {
  static_assert(sizeof(typename bad_topology::layer<L>::template activation<Act>::template slope_is_not_defined_for<T>));  // an activation computes in float, double, ctnn::dual<float or double>, and ctnn::lanes<T, N> to train side by side: template <class T> static constexpr T slope(T output) { ... }, g'(net) written through y = g(net)
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::softmax_hidden, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::has_softmax_but_is_not_the_output_layer));  // softmax normalises the output layer only: give a hidden layer logistic, hyperbolic_tangent, relu or linear
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::softmax_single, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::has_softmax_over_one_unit));  // a softmax of one unit is always 1: give it a unit per class, or for one yes/no output use logistic with binary_cross_entropy
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::sources, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::has_sources_not_previous_or_from));  // dense's third argument is ctnn::previous (the default) or ctnn::from<Layers...>
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::no_source, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::reads_no_layer));  // from<> names no layer: name at least one earlier layer, from<0> for the input
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::precede, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::template reads_itself_or_a_later_layer<S>));  // a layer reads only layers before it: from<0 .. Layer - 1> (0 is the input)
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::distinct, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::template reads_a_layer_twice<S>));  // name each source once in from<...>
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::read, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::feeds_no_later_layer));  // a hidden layer must feed a later layer: name it in a later from<...>, or remove it
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::input_late, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::is_an_input_group_after_a_dense_layer));  // input groups come first: network<input<Width>, input<Width>, ..., dense<...>, ...>
};
template <std::size_t L, std::size_t S>
struct mistake_type<topology_rule::input_unread, L, S> {
  static_assert(sizeof(typename bad_topology::layer<L>::is_an_input_group_no_layer_reads));  // name it in a dense layer's from<...> (previous reads only the layer just before, the last group)
};
// clang-format on

template <class Input, class... Layers>
inline constexpr topology_mistake mistake_of = first_mistake<Input, Layers...>();
/// An activation's mistake names the activation and the scalar type; other mistakes leave them
/// void.
template <class Input, class... Layers>
inline constexpr bool activation_mistaken =
    mistake_of<Input, Layers...>.rule == topology_rule::value ||
    mistake_of<Input, Layers...>.rule == topology_rule::slope;
template <class Input, class... Layers>
using topology_mistake_type = mistake_type<
    mistake_of<Input, Layers...>.rule, mistake_of<Input, Layers...>.layer,
    mistake_of<Input, Layers...>.source,
    std::conditional_t<activation_mistaken<Input, Layers...>,
                       activation_of_layer<mistake_of<Input, Layers...>.layer, Input, Layers...>,
                       void>,
    std::conditional_t<activation_mistaken<Input, Layers...>,
                       core_scalar<mistake_of<Input, Layers...>.source>, void>>;

/// A topology with a mistake stands in for itself with one that has none and keeps what it can
/// (the input's and every layer's width, at least 1; a softmax at the output, over two units at
/// least): network's members stay well-formed, so the named mistake is the only error and what
/// uses the network compiles on without more of them.
template <class Layer, bool Last>
struct stand_in_layer {
  using type = dense<1, linear>;
};
template <std::size_t Width, class Act, class Sources, bool Last>
struct stand_in_layer<dense<Width, Act, Sources>, Last> {
  static constexpr bool output_softmax = Last && normalises_layer<Act>;
  using type = dense<(Width > 1        ? Width
                      : output_softmax ? 2
                                       : 1),
                     std::conditional_t<Activation<Act> || output_softmax, Act, linear>>;
};
template <class Input>
struct stand_in_input {
  using type = input<1>;
};
template <std::size_t Width>
struct stand_in_input<input<Width>> {
  using type = input<(Width > 0 ? Width : 1)>;
};
template <class Input, class... Layers, std::size_t... I>
auto stand_in_members(std::index_sequence<I...>)
    -> network_members<typename stand_in_input<Input>::type,
                       typename stand_in_layer<Layers, I + 1 == sizeof...(Layers)>::type...>;
template <bool Valid, class Input, class... Layers>
struct members_for {
  using type = network_members<Input, Layers...>;
};
template <class Input, class... Layers>
struct members_for<false, Input, Layers...> {
  using type = decltype(stand_in_members<Input, Layers...>(std::index_sequence_for<Layers...>{}));
};
template <class Input>
struct members_for<false, Input> {
  using type = network_members<typename stand_in_input<Input>::type, dense<1, linear>>;
};

}  // namespace detail

/// A feed-forward network whose topology is its type. Layer 0 is the input, layers 1 .. n the
/// dense layers in order; the last one is the output. A topology that is not ValidTopology stops
/// the compile where the network is first used, with its first mistake named in the first error
/// line, e.g. `bad_topology::layer<1>::reads_itself_or_a_later_layer<2>`.
template <class Input, class... Layers>
struct network : detail::members_for<ValidTopology<Input, Layers...>, Input, Layers...>::type {
  static_assert(sizeof(detail::topology_mistake_type<Input, Layers...>) > 0);
};

namespace detail {

/// Net's first layer whose activation does not compute in scalar type T, and what it lacks.
template <class Net, class T>
constexpr topology_mistake scalar_mistake() {
  constexpr auto rules = []<std::size_t... L>(std::index_sequence<L...>) {
    return std::array{
        activation_rule<typename Net::template activation<L + Net::input_group_count>, T>()...};
  }
  (std::make_index_sequence<Net::dense_layer_count>{});
  for (std::size_t l = 0; l < rules.size(); ++l)
    if (rules[l] != topology_rule::none) return {rules[l], l + Net::input_group_count};
  return {};
}
template <class Net, class T>
inline constexpr topology_mistake scalar_mistake_of = scalar_mistake<Net, T>();

/// Names Net's first activation that does not compute in T, with its layer and T, as network
/// names a topology's mistake: `sizeof` of it stops the compile at the entry point of a scalar
/// type that ValidTopology does not check (ctnn::lanes), once however many entry points ask.
template <class Net, class T>
using scalar_mistake_type = mistake_type<
    scalar_mistake_of<Net, T>.rule, scalar_mistake_of<Net, T>.layer, 0,
    typename activation_of<typename Net::template layer<scalar_mistake_of<Net, T>.layer>>::type, T>;

}  // namespace detail

/// Every activation of Net computes in scalar type T (ActivationFor): what computing Net in T
/// needs beyond ValidTopology, which checks ctnn's core scalar types. ctnn::lanes' entry points
/// check it for theirs.
template <class Net, class T>
concept ActivationsFor = (detail::scalar_mistake_of<Net, T>.rule == detail::topology_rule::none);

}  // namespace CTNN_NAMESPACE
