// Defines `ctnn_train::diverged`: when the trainer stops a run as diverged.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cmath>
#include <ctnn/parameters.hpp>

namespace ctnn_train {

/// A run has diverged when its epoch error is not finite or a parameter's magnitude passes this
/// bound: far past it every logistic and tanh unit is saturated (their slopes vanish beyond net
/// inputs of about 40), so further training only grows the numbers towards overflow.
inline constexpr double divergence_bound = 1e6;

/// Whether a run with this epoch error and these parameters has diverged (see divergence_bound).
template <class Net, class T>
bool diverged(T error, const ctnn::parameters<Net, T>& params) {
  if (!std::isfinite(error)) return true;
  for (const T value : params.values)
    if (!(std::abs(value) <= T(divergence_bound))) return true;
  return false;
}

}  // namespace ctnn_train
