// Defines `operator<<` for ctnn's parameters and activations: printing at run time.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/parameters.hpp>
#include <ostream>
#include <utility>

namespace CTNN_NAMESPACE {

namespace detail {

template <class Net, class T, std::size_t... L>
void print_layers(std::ostream& out, const parameters<Net, T>& params, std::index_sequence<L...>) {
  const auto print_layer = [&]<std::size_t Layer>(std::integral_constant<std::size_t, Layer>) {
    out << "layer " << Layer << ":";
    for (std::size_t unit = 0; unit < Net::template width<Layer>; ++unit) {
      out << (unit == 0 ? " " : "; ") << "w=[";
      for (std::size_t k = 0; k < Net::template fan_in<Layer>; ++k) {
        out << (k == 0 ? "" : ", ") << params.template weight<Layer>(unit, k);
      }
      out << "] b=" << params.template bias<Layer>(unit);
    }
    out << '\n';
  };
  (print_layer(std::integral_constant<std::size_t, Net::input_group_count + L>{}), ...);
}

}  // namespace detail

/// One line per dense layer: each unit's weights, in its sources' order, and its bias.
template <class Net, class T>
std::ostream& operator<<(std::ostream& out, const parameters<Net, T>& params) {
  detail::print_layers(out, params, std::make_index_sequence<Net::dense_layer_count>{});
  return out;
}

/// Every unit's output, layer by layer, the input's first, in brackets.
template <class Net, class T>
std::ostream& operator<<(std::ostream& out, const activations<Net, T>& units) {
  out << '[';
  for (std::size_t u = 0; u < Net::unit_count; ++u) out << (u == 0 ? "" : ", ") << units.values[u];
  return out << ']';
}

}  // namespace CTNN_NAMESPACE
