// Defines `ctnn::model_shape`, a network type and scalar type as data: what a model file records
// about a model besides its values, and the names it gives units.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/network.hpp>
#include <ctnn/topology_name.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace CTNN_NAMESPACE {

/// One layer of a `model_shape`. An input layer has no sources, fan-in 0 and no activation.
struct model_layer {
  std::size_t width = 0;
  std::size_t fan_in = 0;
  std::vector<std::size_t> sources;
  /// As model files spell it: `activation_name` without ctnn's own namespace ("logistic",
  /// "hyperbolic_tangent", "mylib::swish").
  std::string activation;
  /// Where the layer's weights, then its biases, start among the parameters.
  std::size_t weight_offset = 0;

  friend bool operator==(const model_layer&, const model_layer&) = default;
};

/// `ctnn::parameters<Net, T>` described at run time: Net's `topology_name`, T's name, and every
/// layer, the input groups (layers 0 .. input_group_count - 1) first.
struct model_shape {
  std::string topology;
  std::string scalar;  // "float" or "double"
  std::size_t input_group_count = 1;
  std::vector<model_layer> layers;
  std::size_t parameter_count = 0;

  /// The number of dense layers, the output's included.
  std::size_t dense_layer_count() const { return layers.size() - input_group_count; }

  /// A unit's name in model files and exported headers: `x_k` for the k-th unit of the input
  /// (its groups' units counted on from one group to the next), `y_k` for outputs (`y` alone for
  /// a single output), `h_k` for hidden units when there is one hidden layer (`h` alone for a
  /// single unit), else `h<L>_k`.
  std::string unit_name(std::size_t layer, std::size_t unit) const {
    const bool alone = layers[layer].width == 1;
    if (layer < input_group_count) {
      for (std::size_t group = 0; group < layer; ++group) unit += layers[group].width;
      return "x_" + std::to_string(unit);
    }
    if (layer == layers.size() - 1) return alone ? "y" : "y_" + std::to_string(unit);
    if (dense_layer_count() == 2) return alone ? "h" : "h_" + std::to_string(unit);
    return 'h' + std::to_string(layer) + '_' + std::to_string(unit);
  }

  /// The unit feeding the k-th input of every unit of dense layer `layer`, as (layer, unit).
  std::pair<std::size_t, std::size_t> source_of(std::size_t layer, std::size_t k) const {
    for (const std::size_t source : layers[layer].sources) {
      if (k < layers[source].width) return {source, k};
      k -= layers[source].width;
    }
    return {layers.size(), 0};
  }

  friend bool operator==(const model_shape&, const model_shape&) = default;
};

/// Activation A as model files name it: `activation_name<A>` without a leading "ctnn::".
template <class A>
std::string model_activation_name() {
  std::string_view name = activation_name<A>;
  if (name.starts_with("ctnn::")) name.remove_prefix(std::string_view("ctnn::").size());
  return std::string(name);
}

/// The shape of `ctnn::parameters<Net, T>`, T float or double.
template <class Net, class T>
model_shape model_shape_of() {
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, double>,
                "ctnn model files hold float or double parameters");
  constexpr std::size_t groups = Net::input_group_count;
  model_shape shape{topology_name<Net>(),
                    std::is_same_v<T, float> ? "float" : "double",
                    groups,
                    {},
                    Net::parameter_count};
  [&]<std::size_t... G>(std::index_sequence<G...>) {
    (shape.layers.push_back({Net::template width<G>, 0, {}, {}, 0}), ...);
  }
  (std::make_index_sequence<groups>{});
  [&]<std::size_t... D>(std::index_sequence<D...>) {
    (shape.layers.push_back(
         {Net::template width<groups + D>,
          Net::template fan_in<groups + D>,
          {Net::template sources<groups + D>.begin(), Net::template sources<groups + D>.end()},
          model_activation_name<typename Net::template activation<groups + D>>(),
          Net::template weight_offset<groups + D>}),
     ...);
  }
  (std::make_index_sequence<Net::layer_count - groups>{});
  return shape;
}

}  // namespace CTNN_NAMESPACE
