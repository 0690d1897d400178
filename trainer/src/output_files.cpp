// Reserves a run's output files before training and commits them together after it.
// SPDX-License-Identifier: BSL-1.0
#include "output_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <climits>
#include <csignal>
#include <cstring>
#include <ctnn/detail/file_io.hpp>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "errors.hpp"

namespace ctnn_train {

namespace {

// The paths a signal handler must remove. A handler may only read memory that is there already
// and call async-signal-safe functions, so the paths live in fixed buffers, and a slot is marked
// in use only once its path is whole.
struct signal_slot {
  std::atomic<bool> in_use{false};
  char path[PATH_MAX] = {};
};
static_assert(std::atomic<bool>::is_always_lock_free);

constexpr std::size_t slot_count = 32;  // a run has at most 5 files and a few new directories
signal_slot temporary_slots[slot_count];
signal_slot directory_slots[slot_count];
std::mutex slots_mutex;  // between threads that register; the handler only reads

constexpr int cleanup_signals[] = {SIGHUP, SIGINT, SIGTERM};

extern "C" void remove_outputs_and_reraise(int signal_number) {
  for (signal_slot& slot : temporary_slots) {
    if (slot.in_use.load()) ::unlink(slot.path);
  }
  // Children before parents: repeat while some directory could be removed.
  for (bool removed = true; removed;) {
    removed = false;
    for (signal_slot& slot : directory_slots) {
      if (slot.in_use.load() && ::rmdir(slot.path) == 0) {
        slot.in_use.store(false);
        removed = true;
      }
    }
  }
  // Die of the same signal, so that the parent sees "killed by SIGTERM", not an exit status.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(signal_number, &default_action, nullptr);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, signal_number);
  ::pthread_sigmask(SIG_UNBLOCK, &unblock, nullptr);
  ::raise(signal_number);
  ::_exit(128 + signal_number);
}

/// Installs the handler for each cleanup signal whose action is the default: an ignored signal
/// (nohup) stays ignored, and a program's own handler stays its own. Looked at on every
/// registration, so a default restored since is covered again.
void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = remove_outputs_and_reraise;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : cleanup_signals) sigaddset(&action.sa_mask, signal_number);
  for (const int signal_number : cleanup_signals) {
    struct sigaction current {};
    if (::sigaction(signal_number, nullptr, &current) != 0) continue;
    if ((current.sa_flags & SA_SIGINFO) != 0 || current.sa_handler != SIG_DFL) continue;
    ::sigaction(signal_number, &action, nullptr);
  }
}

/// Marks `path` for removal by the signal handler; returns its slot, or throws.
std::size_t register_path(signal_slot (&slots)[slot_count], const std::filesystem::path& path) {
  install_signal_handlers();
  const std::string& text = path.native();
  if (text.size() >= PATH_MAX) throw std::system_error(ENAMETOOLONG, std::generic_category());
  const std::lock_guard lock(slots_mutex);
  for (std::size_t i = 0; i < slot_count; ++i) {
    if (slots[i].in_use.load()) continue;
    std::memcpy(slots[i].path, text.c_str(), text.size() + 1);
    slots[i].in_use.store(true);
    return i;
  }
  throw std::system_error(EMFILE, std::generic_category());
}

void unregister_path(signal_slot (&slots)[slot_count], std::size_t slot) {
  slots[slot].in_use.store(false);
}

/// Blocks the cleanup signals while the renames run, so that a signal cannot stop a commit half
/// way; a signal that arrives meanwhile is delivered (and kills) once they are done.
struct signals_blocked {
  sigset_t previous;
  signals_blocked() {
    sigset_t blocked;
    sigemptyset(&blocked);
    for (const int signal_number : cleanup_signals) sigaddset(&blocked, signal_number);
    ::pthread_sigmask(SIG_BLOCK, &blocked, &previous);
  }
  signals_blocked(const signals_blocked&) = delete;
  signals_blocked& operator=(const signals_blocked&) = delete;
  ~signals_blocked() { ::pthread_sigmask(SIG_SETMASK, &previous, nullptr); }
};

[[noreturn]] void fail(std::string_view flag, const std::filesystem::path& target,
                       std::string_view why) {
  if (flag.empty()) throw input_error(fmt::format("cannot write {}: {}", target, why));
  throw input_error(fmt::format("{}: cannot write '{}': {}", flag, target.string(), why));
}

std::filesystem::path directory_of(const std::filesystem::path& file) {
  return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

/// Where a target will be renamed to: itself, or the regular file its symbolic link leads to.
/// Refuses every other kind of file.
std::filesystem::path destination_of(const std::filesystem::path& target, std::string_view flag) {
  if (target.filename().empty()) fail(flag, target, "the path names no file");
  struct stat status {};
  if (::lstat(target.c_str(), &status) != 0) {
    if (errno != ENOENT) fail(flag, target, std::strerror(errno));
    return target;
  }
  if (S_ISREG(status.st_mode)) return target;
  if (!S_ISLNK(status.st_mode)) {
    fail(flag, target,
         fmt::format("it is {}, not a regular file", ctnn::detail::file_kind(status.st_mode)));
  }
  if (::stat(target.c_str(), &status) != 0) {
    if (errno != ENOENT) fail(flag, target, std::strerror(errno));
    std::error_code error;
    const auto leads_to = std::filesystem::read_symlink(target, error);
    fail(flag, target, fmt::format("it is a dangling symbolic link (to '{}')", leads_to.string()));
  }
  if (!S_ISREG(status.st_mode)) {
    fail(flag, target,
         fmt::format("it is a symbolic link to {}, not to a regular file",
                     ctnn::detail::file_kind(status.st_mode)));
  }
  std::error_code error;
  std::filesystem::path resolved = std::filesystem::canonical(target, error);
  if (error) fail(flag, target, error.message());
  return resolved;
}

std::atomic<unsigned> next_temporary_number{0};

/// `path` absolute, its links and dot-dots resolved as far as it exists. Absolute first:
/// weakly_canonical leaves "m.json" relative but makes "./m.json" absolute.
std::filesystem::path resolved(const std::filesystem::path& path, std::error_code& error) {
  std::filesystem::path result = std::filesystem::absolute(path, error);
  if (!error) result = std::filesystem::weakly_canonical(result, error);
  return result;
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code error_a, error_b;
  const std::filesystem::path resolved_a = resolved(a, error_a), resolved_b = resolved(b, error_b);
  return !error_a && !error_b && resolved_a == resolved_b;
}

void flush_directory(const std::filesystem::path& directory) {
  const int descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (descriptor < 0) return;
  ::fsync(descriptor);
  ::close(descriptor);
}

}  // namespace

bool is_temporary_name(std::string_view name, pid_t& pid) {
  constexpr std::string_view prefix = ".ctnn-train-", suffix = ".tmp";
  if (!name.starts_with(prefix) || !name.ends_with(suffix)) return false;
  name = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  const std::size_t dash = name.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == name.size()) return false;
  const std::string_view number = name.substr(dash + 1);
  if (number.find_first_not_of("0123456789") != std::string_view::npos) return false;
  pid_t value = 0;
  const char* const end = name.data() + dash;
  const auto [stop, error] = std::from_chars(name.data(), end, value);
  if (error != std::errc() || stop != end || value <= 0) return false;
  pid = value;
  return true;
}

output_files::~output_files() {
  if (!committed_) abandon();
}

void output_files::abandon() noexcept {
  for (reserved_file& file : files_) {
    if (file.descriptor >= 0) ::close(file.descriptor);
    file.descriptor = -1;
    if (file.renamed) continue;
    ::unlink(file.temporary.c_str());
    unregister_path(temporary_slots, file.signal_slot);
  }
  for (auto directory = created_.rbegin(); directory != created_.rend(); ++directory) {
    ::rmdir(directory->path.c_str());  // only if empty: never what someone else put there
    unregister_path(directory_slots, directory->signal_slot);
  }
  created_.clear();
}

void output_files::create_directory(const std::filesystem::path& directory, std::string_view flag) {
  struct stat status {};
  if (::lstat(directory.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) return;
    if (S_ISLNK(status.st_mode)) {
      const bool leads_somewhere = ::stat(directory.c_str(), &status) == 0;
      if (leads_somewhere && S_ISDIR(status.st_mode)) return;
      if (!leads_somewhere && errno == ENOENT) {
        throw input_error(
            fmt::format("{}: '{}' is a dangling symbolic link", flag, directory.string()));
      }
    }
    throw input_error(
        fmt::format("{}: '{}' exists and is not a directory", flag, directory.string()));
  }
  const auto cannot = [&](int error) {
    throw input_error(fmt::format("{}: cannot create directory '{}': {}", flag, directory.string(),
                                  std::strerror(error)));
  };
  if (errno != ENOENT) cannot(errno);
  // The missing directories, the deepest first; each is made and remembered, parents first.
  std::vector<std::filesystem::path> missing;
  for (std::filesystem::path path = directory; !path.empty(); path = path.parent_path()) {
    if (::lstat(path.c_str(), &status) == 0) break;
    if (errno != ENOENT) cannot(errno);
    missing.push_back(path);
    if (path == path.parent_path()) break;
  }
  for (auto path = missing.rbegin(); path != missing.rend(); ++path) {
    if (::mkdir(path->c_str(), 0777) != 0) {
      const int error = errno;
      // "a/" after "a", or another process's: a directory there is all that is needed.
      if (error == EEXIST && ::stat(path->c_str(), &status) == 0 && S_ISDIR(status.st_mode))
        continue;
      cannot(error);
    }
    std::size_t slot = 0;
    try {
      slot = register_path(directory_slots, *path);
    } catch (const std::system_error& e) {
      ::rmdir(path->c_str());
      cannot(e.code().value());
    }
    created_.push_back({*path, slot});
  }
}

void output_files::remove_stale_temporaries(const std::filesystem::path& directory) {
  for (const auto& swept : swept_) {
    if (swept == directory) return;
  }
  swept_.push_back(directory);
  std::error_code error;
  for (std::filesystem::directory_iterator entry(directory, error), end; !error && entry != end;
       entry.increment(error)) {
    pid_t pid = 0;
    if (!is_temporary_name(entry->path().filename().native(), pid) || pid == ::getpid()) continue;
    // ESRCH: no such process. EPERM means it lives (as another user): leave its file alone.
    if (::kill(pid, 0) == -1 && errno == ESRCH) ::unlink(entry->path().c_str());
  }
}

std::size_t output_files::reserve(const std::filesystem::path& target, std::string_view flag) {
  if (committed_) throw std::logic_error("output_files: reserve after commit");
  const std::filesystem::path destination = destination_of(target, flag);
  // Two outputs renamed to one file: the second would silently replace the first.
  for (const reserved_file& other : files_) {
    if (same_file(other.destination, destination)) {
      throw input_error(fmt::format("{}: '{}' is also written by {}", flag, target.string(),
                                    other.flag.empty() ? "this run" : other.flag));
    }
  }
  const std::filesystem::path directory = directory_of(destination);
  struct stat status {};
  if (!flag.empty() && ::stat(directory.c_str(), &status) != 0 &&
      (errno == ENOENT || errno == ENOTDIR)) {
    throw input_error(fmt::format("{}: directory '{}' does not exist", flag, directory.string()));
  }
  remove_stale_temporaries(directory);

  reserved_file file{target, destination, {}, std::string(flag)};
  // A short name whatever the target's: a target of the longest legal name still gets one. It
  // says whose it is (the pid), so a later run can tell a dead run's leftovers.
  for (int attempt = 0; file.descriptor < 0; ++attempt) {
    file.temporary =
        directory / fmt::format(".ctnn-train-{}-{}.tmp", ::getpid(), next_temporary_number++);
    try {
      // Registered first: a signal between open and registration must not leave the file.
      file.signal_slot = register_path(temporary_slots, file.temporary);
    } catch (const std::system_error& e) {
      fail(flag, target, e.code().message());
    }
    file.descriptor = ::open(file.temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (file.descriptor >= 0) break;
    const int open_error = errno;
    unregister_path(temporary_slots, file.signal_slot);
    if (open_error == EEXIST && attempt < 99) continue;
    if (flag.empty()) fail(flag, target, std::strerror(open_error));
    fail(flag, target,
         fmt::format("cannot create a file in '{}': {}", directory.string(),
                     std::strerror(open_error)));
  }
  files_.push_back(std::move(file));
  return files_.size() - 1;
}

void output_files::write(std::size_t index, std::string_view contents) {
  reserved_file& file = files_.at(index);
  if (file.descriptor < 0) throw std::logic_error("output_files: a file written twice");
  // Looked at again now: the target may have changed while the run trained.
  struct stat status {};
  if (::lstat(file.destination.c_str(), &status) == 0) {
    if (!S_ISREG(status.st_mode)) {
      fail(file.flag, file.target,
           fmt::format("it is {}, not a regular file", ctnn::detail::file_kind(status.st_mode)));
    }
    // Owner first: fchown clears the set-id bits, which are not kept anyway.
    if (status.st_uid != ::geteuid() || status.st_gid != ::getegid()) {
      if (::fchown(file.descriptor, status.st_uid, status.st_gid) != 0)
        (void)::fchown(file.descriptor, static_cast<uid_t>(-1), status.st_gid);
    }
    if (::fchmod(file.descriptor, status.st_mode & 0777) != 0)
      fail(file.flag, file.target, std::strerror(errno));
  }
  while (!contents.empty()) {
    const ::ssize_t written = ::write(file.descriptor, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(file.flag, file.target, std::strerror(errno));
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
  // On disk before the rename, so that a crash cannot leave the new name with no data.
  if (::fsync(file.descriptor) != 0) fail(file.flag, file.target, std::strerror(errno));
  const int closed = ::close(file.descriptor);
  file.descriptor = -1;
  if (closed != 0) fail(file.flag, file.target, std::strerror(errno));
  file.written = true;
}

void output_files::commit() {
  for (const reserved_file& file : files_) {
    if (!file.written) throw std::logic_error("output_files: commit before every file is written");
  }
  std::vector<std::filesystem::path> directories;
  {
    const signals_blocked blocked;
    for (reserved_file& file : files_) {
      if (::rename(file.temporary.c_str(), file.destination.c_str()) != 0)
        fail(file.flag, file.target, std::strerror(errno));
      file.renamed = true;
      unregister_path(temporary_slots, file.signal_slot);
      directories.push_back(directory_of(file.destination));
    }
    for (const created_directory& directory : created_)
      unregister_path(directory_slots, directory.signal_slot);
    created_.clear();
    committed_ = true;
  }
  // Makes the renames durable. The files are in place by now, so a failure here is not reported.
  for (const auto& directory : directories) flush_directory(directory);
}

std::vector<std::filesystem::path> output_files::targets() const {
  std::vector<std::filesystem::path> result;
  for (const reserved_file& file : files_) result.push_back(file.target);
  return result;
}

}  // namespace ctnn_train
