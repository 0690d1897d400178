// Defines `ctnn::dataset`, a fixed set of training patterns.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>

namespace CTNN_NAMESPACE {

/// Count patterns, each Inputs values and Outputs targets, in scalar type T.
template <class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
struct dataset {
  using value_type = T;
  static constexpr std::size_t input_width = Inputs;
  static constexpr std::size_t output_width = Outputs;
  static constexpr std::size_t size = Count;

  T inputs[Count][Inputs]{};
  T targets[Count][Outputs]{};

  friend constexpr bool operator==(const dataset&, const dataset&) = default;
};

}  // namespace CTNN_NAMESPACE
