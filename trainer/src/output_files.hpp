// Defines `ctnn_train::output_files`: the files a run will write, reserved before training and
// committed together after it, so that a bad path fails before any work and a run leaves all
// of its files or none.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ctnn_train {

/// The files of one run. `reserve` checks each target and creates its temporary file beside it
/// (`.ctnn-train-<pid>-<n>.tmp`, a short name whatever the target's length); `write` fills the
/// temporary file; `commit` renames them all into place once every one is written. Until then,
/// and if anything fails or the object is destroyed uncommitted, the temporary files are removed
/// and a directory that `create_directory` made is removed again if it is empty.
///
/// Targets: a regular file is replaced, keeping its permission bits (set-id bits are dropped, as
/// an ordinary write drops them) and, where permitted, its owner; a new file gets 0666 less the
/// umask. A symbolic link to a regular file is followed: the file it leads to is replaced and
/// the link stays a link. Anything else (a directory, a device, a FIFO, a socket, a dangling
/// link, a link to any of these) is refused.
///
/// Signals: SIGINT, SIGTERM and SIGHUP (unless ignored or already handled) remove every
/// registered temporary file and created directory, then kill the process with the same signal.
/// SIGKILL cannot be caught: instead, a run that reserves a file in a directory first removes
/// the `.ctnn-train-<pid>-<n>.tmp` files there whose process no longer exists.
///
/// Errors are `input_error`s of one line, naming the flag (`--save`, `--out`, ...) when one is
/// given, else in the form "cannot write "<file>": <why>".
class output_files {
 public:
  output_files() = default;
  output_files(const output_files&) = delete;
  output_files& operator=(const output_files&) = delete;
  ~output_files();

  /// Makes `directory` (and missing parents) unless it is one already; remembers what it made.
  void create_directory(const std::filesystem::path& directory, std::string_view flag);

  /// Checks `target` and creates its temporary file; returns the number to `write` it by.
  std::size_t reserve(const std::filesystem::path& target, std::string_view flag);

  /// Writes the whole of `contents` to reserved file `file`'s temporary file and flushes it to
  /// disk, with the mode (and owner) it will have.
  void write(std::size_t file, std::string_view contents);

  /// Renames every temporary file over its target, once all have been written, and flushes the
  /// directories. Renames cannot be undone: if one fails, those before it stay in place.
  void commit();

  /// The targets as `reserve` was given them, in that order.
  std::vector<std::filesystem::path> targets() const;

 private:
  struct reserved_file {
    std::filesystem::path target;       // as given, for messages and the report
    std::filesystem::path destination;  // what is renamed over: the target, or where its link
                                        // leads
    std::filesystem::path temporary;
    std::string flag;
    int descriptor = -1;
    std::size_t signal_slot = 0;
    bool written = false;
    bool renamed = false;
  };
  struct created_directory {
    std::filesystem::path path;
    std::size_t signal_slot = 0;
  };

  void abandon() noexcept;
  void remove_stale_temporaries(const std::filesystem::path& directory);

  std::vector<reserved_file> files_;
  std::vector<created_directory> created_;  // parents first
  std::vector<std::filesystem::path> swept_;
  bool committed_ = false;
};

/// Whether `name` is one of ctnn-train's temporary files, `.ctnn-train-<pid>-<n>.tmp`; if so,
/// sets `pid`.
bool is_temporary_name(std::string_view name, pid_t& pid);

}  // namespace ctnn_train
