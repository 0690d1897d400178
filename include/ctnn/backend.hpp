// Defines `ctnn::detail::backprop<Net>`: the backend that runs Net's passes, chosen from its
// topology. Both compute <ctnn/reference.hpp>'s bits, so the choice changes cost, never a result.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fold_limit.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/fold/passes.hpp>
#include <ctnn/fold/weight_plan.hpp>
#include <ctnn/loops/passes.hpp>

namespace CTNN_NAMESPACE::detail {

/// The most weights that the folds (fold/passes.hpp) take. A fold is one expression of a term per
/// weight: constant evaluation charges it least (Clang one step for the whole fold), but a
/// compiler's time and memory grow with its length, and Clang refuses folds longer than
/// fold_term_limit. Larger networks run the loops (loops/passes.hpp), whose compile cost grows
/// with the number of layers, not of weights. The figures behind the limit:
/// docs/evaluator-costs.md.
inline constexpr std::size_t fold_weight_limit = fold_term_limit;

/// True if Net's passes run as folds: up to fold_weight_limit weights, and not for a softmax output
/// layer. Its normalisation over the layer and its loss's log_sum_exp (categorical
/// cross-entropy's) would add statements to every step of the folds, which Clang charges for
/// every network (docs/evaluator-costs.md); the loops take them at a cost to softmax networks
/// alone.
template <class Net>
inline constexpr bool runs_folds =
    weight_count<Net> <= fold_weight_limit &&
    !normalises_layer<typename Net::template activation<Net::layer_count - 1>>;

template <class Net, bool Folds = runs_folds<Net>>
struct backend_of {
  using type = fold_passes<Net>;
};
template <class Net>
struct backend_of<Net, false> {
  using type = loop_passes<Net>;
};

/// The passes that forward, loss, gradient and training run for Net.
template <class Net>
using backprop = typename backend_of<Net>::type;

}  // namespace CTNN_NAMESPACE::detail
