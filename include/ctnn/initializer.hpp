// Defines `ctnn::initializer`: the distribution that initialize draws a network's first
// parameters from. N(0, 1) by default, as the homework's torch.randn.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/sqrt.hpp>

namespace CTNN_NAMESPACE {

/// The distribution of every initial weight and bias, each drawn in the parameters' order from
/// one generator, one value a parameter:
/// - standard_normal(): N(0, 1), the homework's torch.randn (the default);
/// - uniform(r): U(-r, r), as Rumelhart, Hinton and Williams (1986) start from r = 0.3;
/// - fan_in_uniform(): U(-1/sqrt(n), 1/sqrt(n)) for a layer whose units read n inputs, weights and
///   biases alike: PyTorch's nn.Linear default (its weights' kaiming_uniform_ with a = sqrt(5)
///   has that bound, and so do its biases).
/// A literal type of plain values, so training_options can carry it and it can be compared.
struct initializer {
  enum class law { standard_normal, uniform, fan_in_uniform };
  law distribution = law::standard_normal;
  /// U(-radius, radius)'s radius; unused by the other laws.
  double radius = 0;

  static constexpr initializer standard_normal() { return {}; }
  static constexpr initializer uniform(double r) { return {law::uniform, r}; }
  static constexpr initializer fan_in_uniform() { return {law::fan_in_uniform, 0}; }

  /// The radius of the uniform law for a parameter of a layer with `fan_in` inputs a unit.
  constexpr double radius_for(std::size_t fan_in) const {
    return distribution == law::uniform ? radius : 1 / ctnn::sqrt(double(fan_in));
  }

  friend constexpr bool operator==(const initializer&, const initializer&) = default;
};

}  // namespace CTNN_NAMESPACE
