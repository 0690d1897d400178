// Defines `ctnn::forward` and `ctnn::predict`: a network's forward pass.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/backend.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <span>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {

/// Every unit's output after a forward pass, layer by layer, the input's first.
template <class Net, class T>
struct activations {
  T values[Net::unit_count]{};

  /// Layer L's outputs (layer 0 is the input).
  template <std::size_t L>
  constexpr std::span<const T, Net::template width<L>> layer() const {
    return std::span<const T, Net::template width<L>>(values + Net::template unit_offset<L>,
                                                      Net::template width<L>);
  }
  /// The network's outputs: the last layer's.
  constexpr std::span<const T, Net::output_width> output() const {
    return layer<Net::layer_count - 1>();
  }

  friend constexpr bool operator==(const activations&, const activations&) = default;
};

namespace detail {

/// Every unit's output for input x, the inputs' included, written to units; the network's inputs
/// I as a pack.
template <class Net, class Inputs = std::make_index_sequence<Net::input_width>>
struct forward_network;

template <class Net, std::size_t... I>
struct forward_network<Net, std::index_sequence<I...>> {
  template <class T>
  static constexpr void apply(const T* params, const T* x, T* units) {
    ((units[I] = x[I]), ...);
    // The forward pass of training's step, stopped there (no target is read).
    backprop<Net>::template step<use::forward>(params, x, x, units);
  }
};

template <class Net, std::size_t N>
constexpr void check_input_width() {
  static_assert(N == Net::input_width,
                "ctnn::forward(params, x) requires one value in x per input unit");
}

}  // namespace detail

/// Every layer's outputs for input x: the forward pass that backprop and explanations read.
template <class Net, class T, std::size_t N>
constexpr activations<Net, T> forward(const parameters<Net, T>& params, const std::array<T, N>& x) {
  detail::check_input_width<Net, N>();
  activations<Net, T> result;
  // After a failed width check, nothing more is instantiated: its message is the only error.
  if constexpr (N == Net::input_width)
    detail::forward_network<Net>::apply(params.values, x.data(), result.values);
  return result;
}
template <class Net, class T, std::size_t N>
constexpr activations<Net, T> forward(const parameters<Net, T>& params,
                                      const std::type_identity_t<T> (&x)[N]) {
  detail::check_input_width<Net, N>();
  activations<Net, T> result;
  if constexpr (N == Net::input_width)
    detail::forward_network<Net>::apply(params.values, x, result.values);
  return result;
}

/// The network's outputs for input x.
template <class Net, class T, std::size_t N>
constexpr std::array<T, Net::output_width> predict(const parameters<Net, T>& params,
                                                   const std::array<T, N>& x) {
  const auto units = forward(params, x);
  std::array<T, Net::output_width> result{};
  for (std::size_t i = 0; i < Net::output_width; ++i) result[i] = units.output()[i];
  return result;
}
template <class Net, class T, std::size_t N>
constexpr std::array<T, Net::output_width> predict(const parameters<Net, T>& params,
                                                   const std::type_identity_t<T> (&x)[N]) {
  std::array<T, N> values{};
  for (std::size_t i = 0; i < N; ++i) values[i] = x[i];
  return predict(params, values);
}

}  // namespace CTNN_NAMESPACE
