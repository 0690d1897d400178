// Defines `ctnn::detail::fold_term_limit`: the most terms a fold expression of ctnn's may have.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/namespace.hpp>

namespace CTNN_NAMESPACE::detail {

/// Clang refuses to instantiate a fold expression of more terms than its expression nesting limit
/// (-fbracket-depth, 256 by default): past this, ctnn's folds over parameters become loops.
inline constexpr std::size_t fold_term_limit = 256;

}  // namespace CTNN_NAMESPACE::detail
