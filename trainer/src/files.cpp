// Writes one file through a temporary file and a rename.
// SPDX-License-Identifier: BSL-1.0
#include "files.hpp"

#include "output_files.hpp"

namespace ctnn_train {

void write_file_atomically(const std::filesystem::path& file, std::string_view contents) {
  output_files files;
  files.write(files.reserve(file, {}), contents);
  files.commit();
}

}  // namespace ctnn_train
