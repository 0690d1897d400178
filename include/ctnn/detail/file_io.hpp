// Defines `ctnn::detail::read_model_file_text` and `write_file_atomically`: POSIX file access for
// model files and exported headers, refusing what is not a regular file without blocking on it,
// and replacing a file whole or not at all.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/detail/printable.hpp>
#include <ctnn/model_file_error.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace CTNN_NAMESPACE::detail {

/// The largest model file ctnn reads, in bytes: a model of a few thousand parameters takes a few
/// hundred KB, and a file past this is refused before it fills memory.
inline constexpr std::size_t model_file_size_limit = std::size_t{1} << 20;

/// `file` for a message, in double quotes, escaped to printable ASCII.
inline std::string quoted_path(const std::filesystem::path& file) {
  return in_quotes(file.native());
}

/// errno's text, e.g. "No such file or directory".
inline std::string error_text(int error) { return std::generic_category().message(error); }

/// What kind of file a `mode` that is not a regular file's is, for a message (the trainer's
/// messages say it too).
inline std::string_view file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "a file of unknown type";
}

/// Closes a file descriptor when it goes out of scope.
struct file_descriptor {
  int number;
  explicit file_descriptor(int open_number) : number(open_number) {}
  file_descriptor(const file_descriptor&) = delete;
  file_descriptor& operator=(const file_descriptor&) = delete;
  ~file_descriptor() {
    if (number >= 0) ::close(number);
  }
};

/// The contents of `file`, a regular file (or a symbolic link to one) of at most
/// `model_file_size_limit` bytes, reading no more than one byte past the limit. A directory,
/// FIFO or device is refused without waiting on it or reading it: `model file "<file>" is not a
/// regular file (a FIFO)`; a missing or unreadable file is `cannot read model file "<file>":
/// <why>`.
inline std::string read_model_file_text(const std::filesystem::path& file) {
  const auto cannot_read = [&](std::string_view why) {
    return model_file_error("cannot read model file " + quoted_path(file) + ": " +
                            std::string(why));
  };
  // O_NONBLOCK, so that opening a FIFO with no writer returns at once (to be refused below).
  file_descriptor descriptor{::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (descriptor.number < 0) {
    const int error = errno;
    if (error == ENOENT) {
      struct stat link {};
      const bool dangling = ::lstat(file.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
      throw cannot_read(dangling ? "no such file (a dangling symbolic link)" : "no such file");
    }
    if (error == EACCES) throw cannot_read("permission denied");
    throw cannot_read(error_text(error));
  }
  struct stat status {};
  if (::fstat(descriptor.number, &status) != 0) throw cannot_read(error_text(errno));
  if (!S_ISREG(status.st_mode)) {
    throw model_file_error("model file " + quoted_path(file) + " is not a regular file (" +
                           std::string(file_kind(status.st_mode)) + ")");
  }
  const auto too_large = [&] {
    return model_file_error("model file " + quoted_path(file) + " is larger than " +
                            std::to_string(model_file_size_limit >> 20) +
                            " MiB, the limit for model files");
  };
  // The size fstat reports is only a hint: files in /proc say 0, and a file may grow.
  if (static_cast<std::uintmax_t>(status.st_size) > model_file_size_limit) throw too_large();
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const std::size_t wanted = std::min(sizeof buffer, model_file_size_limit + 1 - text.size());
    const ::ssize_t got = ::read(descriptor.number, buffer, wanted);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw cannot_read(error_text(errno));
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > model_file_size_limit) throw too_large();
  }
  return text;
}

/// Writes `contents` to a new temporary file beside `file` (`.ctnn-<pid>-<n>.tmp`), flushes it to
/// disk, and renames it over `file`: a reader never sees a half-written file, and a failure
/// leaves `file` as it was and no temporary file. A regular file is replaced keeping its
/// permission bits; a symbolic link to one is followed (the file it leads to is replaced, the link
/// stays); anything else is refused. Throws `model_file_error` `cannot write "<file>": <why>`.
inline void write_file_atomically(const std::filesystem::path& file, std::string_view contents) {
  const auto cannot_write = [&](std::string_view why) {
    return model_file_error("cannot write " + quoted_path(file) + ": " + std::string(why));
  };
  if (file.filename().empty()) throw cannot_write("the path names no file");
  std::filesystem::path destination = file;
  mode_t mode = 0;
  bool replaces = false;
  struct stat status {};
  if (::stat(file.c_str(), &status) == 0) {
    if (!S_ISREG(status.st_mode)) {
      throw cannot_write("it is " + std::string(file_kind(status.st_mode)) +
                         ", not a regular file");
    }
    replaces = true;
    mode = status.st_mode & 0777;
    std::error_code error;
    destination = std::filesystem::canonical(file, error);
    if (error) throw cannot_write(error.message());
  } else if (errno != ENOENT) {
    throw cannot_write(error_text(errno));
  } else if (::lstat(file.c_str(), &status) == 0) {
    throw cannot_write("it is a dangling symbolic link");
  }
  const std::filesystem::path directory =
      destination.has_parent_path() ? destination.parent_path() : std::filesystem::path(".");
  static std::atomic<unsigned> next_number{0};
  std::filesystem::path temporary;
  file_descriptor descriptor{-1};
  // A short name whatever the target's, unique to this process; another's is never touched.
  for (int attempt = 0; descriptor.number < 0; ++attempt) {
    temporary = directory / (".ctnn-" + std::to_string(::getpid()) + '-' +
                             std::to_string(next_number++) + ".tmp");
    descriptor.number = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (descriptor.number < 0 && (errno != EEXIST || attempt >= 99)) {
      throw cannot_write(error_text(errno));
    }
  }
  const auto fail = [&](int error) {
    ::close(descriptor.number);
    descriptor.number = -1;
    ::unlink(temporary.c_str());
    return cannot_write(error_text(error));
  };
  if (replaces && ::fchmod(descriptor.number, mode) != 0) throw fail(errno);
  while (!contents.empty()) {
    const ::ssize_t written = ::write(descriptor.number, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throw fail(errno);
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
  // On disk before the rename, so that a crash cannot leave the new name with no data.
  if (::fsync(descriptor.number) != 0) throw fail(errno);
  const int closed = ::close(descriptor.number);
  descriptor.number = -1;
  if (closed != 0 || ::rename(temporary.c_str(), destination.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw cannot_write(error_text(error));
  }
}

}  // namespace CTNN_NAMESPACE::detail
