// Defines `ctnn::model_file_error`, what ctnn's model files and exported headers throw.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/detail/namespace.hpp>
#include <stdexcept>

namespace CTNN_NAMESPACE {

/// A model file or exported header that cannot be read, written or trusted: what() is one line of
/// printable ASCII naming the file (or "model text") and the first problem, e.g. `model file
/// "m.json" holds "float" parameters, not double`.
struct model_file_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace CTNN_NAMESPACE
