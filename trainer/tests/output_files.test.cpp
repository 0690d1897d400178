// Tests `output_files`: targets checked and temporary files made before any work, everything
// removed when a run fails or is signalled, all files renamed into place together.
// SPDX-License-Identifier: BSL-1.0
#include "output_files.hpp"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "errors.hpp"
#include "scratch_directory.hpp"

namespace {

using ctnn_train::input_error;
using ctnn_train::output_files;
using ctnn_test::read_text;
using ctnn_test::scratch_directory;

void write_text(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

mode_t permissions_of(const std::filesystem::path& file) {
  struct stat status {};
  REQUIRE(::lstat(file.c_str(), &status) == 0);
  return status.st_mode & 07777;
}

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

/// A pid that no process has: a child's, once it has exited and been waited for.
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

}  // namespace

TEST_CASE("temporary file names say they are ctnn-train's and whose", "[output_files]") {
  pid_t pid = 0;
  CHECK(ctnn_train::is_temporary_name(".ctnn-train-123-0.tmp", pid));
  CHECK(pid == 123);
  CHECK(ctnn_train::is_temporary_name(".ctnn-train-4194304-17.tmp", pid));
  CHECK(pid == 4194304);
  for (const char* name : {"ctnn-train-123-0.tmp", ".ctnn-train-123-0.tmpx", ".ctnn-train--0.tmp",
                           ".ctnn-train-12a-0.tmp", ".ctnn-train-0-0.tmp", ".ctnn-train-123-.tmp",
                           ".ctnn-train-123.tmp", ".ctnn-train-123-x.tmp",
                           ".ctnn-train-99999999999999999999-0.tmp", ".xor.json.123-0.tmp"}) {
    INFO(name);
    CHECK_FALSE(ctnn_train::is_temporary_name(name, pid));
  }
}

TEST_CASE("reserved files are temporary files until the commit", "[output_files]") {
  scratch_directory directory("output_files_commit");
  const auto a = directory.path / "a.svg", b = directory.path / "b.json";
  output_files files;
  const std::size_t first = files.reserve(a, "--out");
  const std::size_t second = files.reserve(b, "--save");
  const auto names = directory.files();
  REQUIRE(names.size() == 2);
  pid_t pid = 0;
  for (const std::string& name : names) {
    CHECK(ctnn_train::is_temporary_name(name, pid));
    CHECK(pid == ::getpid());
  }
  files.write(first, "first\n");
  CHECK(directory.files().size() == 2);  // written, not yet renamed
  files.write(second, "second\n");
  files.commit();
  CHECK(directory.files() == std::vector<std::string>{"a.svg", "b.json"});
  CHECK(read_text(a) == "first\n");
  CHECK(read_text(b) == "second\n");
  CHECK(permissions_of(a) == (0666 & ~current_umask()));
  CHECK(files.targets() == std::vector<std::filesystem::path>{a, b});
}

TEST_CASE("an uncommitted run leaves nothing, and keeps what was there", "[output_files]") {
  scratch_directory directory("output_files_abandon");
  write_text(directory.path / "old.json", "old\n");
  {
    output_files files;
    files.create_directory(directory.path / "new" / "deeper", "--out");
    CHECK(std::filesystem::is_directory(directory.path / "new" / "deeper"));
    files.write(files.reserve(directory.path / "new" / "deeper" / "a.svg", "--out"), "a");
    files.reserve(directory.path / "old.json", "--save");
  }
  CHECK(directory.files() == std::vector<std::string>{"old.json"});
  CHECK(read_text(directory.path / "old.json") == "old\n");
}

TEST_CASE("a directory the run made is removed only while empty", "[output_files]") {
  scratch_directory directory("output_files_not_empty");
  {
    output_files files;
    files.create_directory(directory.path / "made", "--out");
    write_text(directory.path / "made" / "theirs.txt", "someone else's\n");
  }
  CHECK(read_text(directory.path / "made" / "theirs.txt") == "someone else's\n");
}

TEST_CASE("a replaced file keeps its mode; a link to a file stays a link", "[output_files]") {
  scratch_directory directory("output_files_mode");
  const auto model = directory.path / "model.json", link = directory.path / "link.json";
  write_text(model, "old\n");
  std::filesystem::permissions(
      model, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::filesystem::create_symlink("model.json", link);
  output_files files;
  files.write(files.reserve(link, "--save"), "new\n");
  files.commit();
  CHECK(std::filesystem::is_symlink(link));
  CHECK(read_text(model) == "new\n");
  CHECK(permissions_of(model) == 0600);
  CHECK(directory.files() == std::vector<std::string>{"link.json", "model.json"});
}

TEST_CASE("what is not a regular file is refused, and left as it was", "[output_files]") {
  scratch_directory directory("output_files_refused");
  const auto& path = directory.path;
  std::filesystem::create_directory(path / "directory");
  REQUIRE(::mkfifo((path / "fifo").c_str(), 0600) == 0);
  std::filesystem::create_symlink("nowhere", path / "dangling");
  std::filesystem::create_symlink("directory", path / "to_directory");
  output_files files;
  CHECK_THROWS_WITH(files.reserve(path / "directory", "--save"),
                    "--save: cannot write '" + (path / "directory").string() +
                        "': it is a directory, not a regular file");
  CHECK_THROWS_WITH(files.reserve(path / "fifo", "--save"),
                    Catch::Matchers::EndsWith("it is a FIFO, not a regular file"));
  CHECK_THROWS_WITH(files.reserve(path / "dangling", "--export-header"),
                    Catch::Matchers::EndsWith("it is a dangling symbolic link (to 'nowhere')"));
  CHECK_THROWS_WITH(
      files.reserve(path / "to_directory", "--save"),
      Catch::Matchers::EndsWith("it is a symbolic link to a directory, not to a regular file"));
  CHECK_THROWS_WITH(files.reserve(path / "none" / "m.json", "--save"),
                    "--save: directory '" + (path / "none").string() + "' does not exist");
  CHECK_THROWS_WITH(files.create_directory(path / "dangling", "--out"),
                    "--out: '" + (path / "dangling").string() + "' is a dangling symbolic link");
  CHECK_THROWS_WITH(files.create_directory(path / "fifo" / "x", "--out"),
                    Catch::Matchers::EndsWith("Not a directory"));
  files.reserve(path / "m.json", "--save");
  CHECK_THROWS_WITH(files.reserve(path / "." / "m.json", "--export-header"),
                    Catch::Matchers::EndsWith("is also written by --save"));
  CHECK(directory.files().size() == 5);  // the four above and one temporary file
}

TEST_CASE("a write that fails removes every temporary file", "[output_files]") {
  scratch_directory directory("output_files_write_fails");
  // A file size limit stands in for a full disk: write() fails with EFBIG past it.
  struct rlimit saved {};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  const auto old_action = std::signal(SIGXFSZ, SIG_IGN);
  {
    output_files files;
    files.create_directory(directory.path / "out", "--out");
    const std::size_t small = files.reserve(directory.path / "out" / "small.svg", "--out");
    const std::size_t large = files.reserve(directory.path / "out" / "large.csv", "--out");
    files.write(small, "small\n");
    struct rlimit limit = saved;
    limit.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    CHECK_THROWS_WITH(files.write(large, std::string(100'000, 'x')),
                      "--out: cannot write '" + (directory.path / "out" / "large.csv").string() +
                          "': File too large");
    ::setrlimit(RLIMIT_FSIZE, &saved);
  }
  std::signal(SIGXFSZ, old_action);
  CHECK(directory.files().empty());
}

TEST_CASE("a dead run's temporary files are removed, a live one's kept", "[output_files]") {
  scratch_directory directory("output_files_stale");
  const std::string dead = ".ctnn-train-" + std::to_string(dead_pid()) + "-0.tmp";
  const std::string live = ".ctnn-train-" + std::to_string(::getppid()) + "-0.tmp";
  write_text(directory.path / dead, "");
  write_text(directory.path / live, "");
  output_files files;
  files.write(files.reserve(directory.path / "m.json", "--save"), "{}");
  files.commit();
  CHECK(directory.files() == std::vector<std::string>{live, "m.json"});
}

TEST_CASE("a signal removes the temporary files and kills with that signal", "[output_files]") {
  scratch_directory directory("output_files_signal");
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // SIGHUP, which the test framework leaves alone; its default action is what is handled.
    std::signal(SIGHUP, SIG_DFL);
    try {
      output_files files;
      files.create_directory(directory.path / "out", "--out");
      files.write(files.reserve(directory.path / "out" / "a.svg", "--out"), "a");
      files.reserve(directory.path / "b.json", "--save");
      ::raise(SIGHUP);
    } catch (...) {
    }
    ::_exit(99);  // not reached if the signal killed it
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGHUP);
  CHECK(directory.files().empty());
}
