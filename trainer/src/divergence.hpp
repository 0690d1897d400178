// Defines `ctnn_train::diverged`: when the trainer stops a run as diverged.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cmath>
#include <cstddef>
#include <ctnn/parameters.hpp>

namespace ctnn_train {

/// A run has diverged when its epoch error is not finite or its parameters' Euclidean norm
/// passes this bound: far past it some weight is beyond 1e5, where every logistic and tanh unit
/// it feeds is saturated (their slopes vanish beyond net inputs of about 40), so further training
/// only grows the numbers towards overflow.
inline constexpr double divergence_bound = 1e6;

/// The sum of the squares of `values`, in their order: the divergence rule's measure, for a
/// scalar or for lanes, where each lane gets its network's bits (NaN if any value is NaN).
template <class Scalar, std::size_t Count>
constexpr Scalar squared_norm(const Scalar (&values)[Count]) {
  Scalar sum = values[0] * values[0];
  for (std::size_t i = 1; i < Count; ++i) sum += values[i] * values[i];
  return sum;
}

/// Whether a run with this epoch error and these parameters has diverged (see divergence_bound).
template <class Net, class T>
bool diverged(T error, const ctnn::parameters<Net, T>& params) {
  return !std::isfinite(error) ||
         !(squared_norm(params.values) <= T(divergence_bound * divergence_bound));
}

}  // namespace ctnn_train
