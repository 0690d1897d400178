// Defines `ctnn::detail::use`: how far one pattern's step goes and what it does with dE/dparams,
// the one interface of every backend's passes.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/detail/namespace.hpp>

namespace CTNN_NAMESPACE::detail {

/// How far a step goes and what it does with dE/dparams: forward writes the units' outputs, loss
/// returns E, gradient writes dE/dparams, loss_and_gradient writes dE/dparams and returns E (for
/// updates that sum patterns' gradients), descent descends and returns E, descent_without_loss
/// descends and returns nothing.
enum class use { forward, loss, gradient, loss_and_gradient, descent, descent_without_loss };

}  // namespace CTNN_NAMESPACE::detail
