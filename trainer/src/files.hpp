// Defines `ctnn_train::write_file_atomically`: a file appears whole or not at all.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <filesystem>
#include <string_view>

namespace ctnn_train {

/// Writes `contents` to a new temporary file beside `file`, then renames it over `file`, so that
/// no reader ever sees a half-written file and a failure leaves any old `file` as it was. Throws
/// `input_error` naming `file` when it cannot, having removed the temporary file. `file` is
/// treated as `output_files` treats a target: a regular file keeps its mode, a symbolic link to
/// one is followed, anything else is refused.
void write_file_atomically(const std::filesystem::path& file, std::string_view contents);

}  // namespace ctnn_train
