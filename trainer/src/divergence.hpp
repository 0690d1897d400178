// Defines `ctnn_train::diverged`: when the trainer stops a run as diverged.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/divergence.hpp>

namespace ctnn_train {

// The library's rule, which compile-time training stops at too: the epoch error not finite, or
// the parameters' Euclidean norm beyond divergence_bound (1e6), measured by squared_norm.
using ctnn::diverged;
using ctnn::divergence_bound;
using ctnn::squared_norm;

}  // namespace ctnn_train
