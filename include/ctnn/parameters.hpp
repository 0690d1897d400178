// Defines `ctnn::parameters`, the weights and biases of a network, as a literal type.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <span>

namespace CTNN_NAMESPACE {

/// Every weight and bias of a network Net in scalar type T, stored in one array in the order that
/// Net documents: layer by layer, each layer's weights unit by unit, then its biases.
///
/// For the homework's networks this order is its own:
/// - OR neuron `network<input<2>, dense<1, A>>`: `[w_0, w_1, b]`.
/// - XOR net `network<input<2>, dense<1, logistic>, dense<1, logistic, from<0, 1>>>`:
///   `[w_3, w_4, b_0, w_0, w_1, w_2, b_1]` (the hidden unit's `w_34` and `b_0`, then the output
///   unit's `w_012` over `[x_0, x_1, h]` and `b_1`).
template <class Net, class T>
struct parameters {
  using network_type = Net;
  using value_type = T;

  /// All parameters, in Net's order; a flat array keeps whole-network updates one loop.
  T values[Net::parameter_count]{};

  /// The weight from input `input` of unit `unit` in layer L (1 .. n).
  template <std::size_t L>
  constexpr T& weight(std::size_t unit, std::size_t input) {
    return values[Net::template weight_offset<L> + unit * Net::template fan_in<L> + input];
  }
  template <std::size_t L>
  constexpr const T& weight(std::size_t unit, std::size_t input) const {
    return values[Net::template weight_offset<L> + unit * Net::template fan_in<L> + input];
  }

  /// The bias of unit `unit` in layer L (1 .. n).
  template <std::size_t L>
  constexpr T& bias(std::size_t unit) {
    return values[Net::template bias_offset<L> + unit];
  }
  template <std::size_t L>
  constexpr const T& bias(std::size_t unit) const {
    return values[Net::template bias_offset<L> + unit];
  }

  /// Layer L's weights (width x fan_in, row-major) and biases, as views into `values`: writable,
  /// or read-only for const parameters (std::span of a const array is a span of const T).
  template <std::size_t L>
  constexpr auto weights() {
    return std::span(values).template subspan<Net::template weight_offset<L>, weight_count<L>>();
  }
  template <std::size_t L>
  constexpr auto weights() const {
    return std::span(values).template subspan<Net::template weight_offset<L>, weight_count<L>>();
  }
  template <std::size_t L>
  constexpr auto biases() {
    return std::span(values)
        .template subspan<Net::template bias_offset<L>, Net::template width<L>>();
  }
  template <std::size_t L>
  constexpr auto biases() const {
    return std::span(values)
        .template subspan<Net::template bias_offset<L>, Net::template width<L>>();
  }

  static constexpr std::size_t size() { return Net::parameter_count; }

  friend constexpr bool operator==(const parameters&, const parameters&) = default;

 private:
  template <std::size_t L>
  static constexpr std::size_t weight_count = Net::template width<L>* Net::template fan_in<L>;
};

}  // namespace CTNN_NAMESPACE
