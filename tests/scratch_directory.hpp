// Defines `scratch_directory`: an empty directory for one test, removed afterwards, and
// `read_text`, which reads back what a test wrote there.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace ctnn_test {

/// A fresh directory under the system's temporary directory; CTest runs tests in parallel, each
/// in its own process, so the process id keeps their directories apart.
struct scratch_directory {
  std::filesystem::path path;

  explicit scratch_directory(const std::string& name)
      : path(std::filesystem::temp_directory_path() /
             ("ctnn_tests-" + std::to_string(::getpid())) / name) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  scratch_directory(const scratch_directory&) = delete;
  scratch_directory& operator=(const scratch_directory&) = delete;
  ~scratch_directory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
    std::filesystem::remove(path.parent_path(), ignored);  // only once it is empty
  }

  /// The names of the files in the directory, sorted: shows a stray temporary file.
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
};

/// The whole of a file, byte for byte (no newline translation).
inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ctnn_test
