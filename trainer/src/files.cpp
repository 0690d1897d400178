// Writes files through a temporary file and a rename.
// SPDX-License-Identifier: BSL-1.0
#include "files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

#include "errors.hpp"

namespace ctnn_train {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& why) {
  throw input_error(fmt::format("cannot write {}: {}", file, why));
}

/// Removes the temporary file unless it has been renamed into place.
struct temporary_file {
  std::filesystem::path path;
  int descriptor = -1;
  bool renamed = false;

  temporary_file(std::filesystem::path file, int open_descriptor)
      : path(std::move(file)), descriptor(open_descriptor) {}
  temporary_file(const temporary_file&) = delete;
  temporary_file& operator=(const temporary_file&) = delete;
  ~temporary_file() {
    if (descriptor >= 0) ::close(descriptor);
    if (!renamed) {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  }
};

}  // namespace

void write_file_atomically(const std::filesystem::path& file, std::string_view contents) {
  if (file.filename().empty()) fail(file, "the path names no file");
  const std::filesystem::path directory = file.parent_path();
  // Same directory as the target, so the rename never crosses file systems and stays atomic;
  // O_EXCL and a new name per attempt keep two writers from sharing one temporary file.
  int descriptor = -1;
  std::filesystem::path temporary;
  for (int attempt = 0; descriptor < 0; ++attempt) {
    temporary =
        directory / fmt::format(".{}.{}-{}.tmp", file.filename().string(), ::getpid(), attempt);
    descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (descriptor < 0 && (errno != EEXIST || attempt == 99)) fail(file, std::strerror(errno));
  }
  temporary_file guard{temporary, descriptor};
  while (!contents.empty()) {
    const ::ssize_t written = ::write(guard.descriptor, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(file, std::strerror(errno));
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
  // Flush to disk before the rename, so a crash cannot leave the new name with old, empty data.
  if (::fsync(guard.descriptor) != 0) fail(file, std::strerror(errno));
  const int closed = ::close(guard.descriptor);
  guard.descriptor = -1;
  if (closed != 0) fail(file, std::strerror(errno));
  std::error_code error;
  std::filesystem::rename(guard.path, file, error);
  if (error) fail(file, error.message());
  guard.renamed = true;
}

}  // namespace ctnn_train
