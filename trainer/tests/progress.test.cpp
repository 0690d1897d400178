// Tests of progress_meter: nothing for short runs, a line per interval in a log, one line
// rewritten in place on a terminal.
// SPDX-License-Identifier: BSL-1.0
#include "progress.hpp"

#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <thread>

#include "catch.hpp"

namespace {

using namespace std::chrono_literals;

/// What the meter wrote to a temporary file.
std::string written(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
  return text;
}

}  // namespace

TEST_CASE("a log gets a progress line per interval, and none before the first", "[progress]") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  {
    ctnn_train::progress_meter meter(ctnn_train::progress_mode::lines, "sweep xor", 3000, "runs",
                                     file, 50ms);
    meter.update(10);
    CHECK(written(file).empty());
    std::this_thread::sleep_for(60ms);
    meter.update(1500);
    meter.update(1501);  // within the next interval: nothing more
  }
  const std::string text = written(file);
  CHECK(std::regex_match(text, std::regex("ctnn-train: sweep xor: 1500 of 3000 runs \\(50%\\) "
                                          "after [0-9]+ s\n")));
  std::fclose(file);
}

TEST_CASE("a terminal's progress line is rewritten in place and cleared at the end", "[progress]") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  {
    ctnn_train::progress_meter meter(ctnn_train::progress_mode::terminal, "xor", 8000, "epochs",
                                     file);
    meter.update(1);
    CHECK(written(file).empty());  // not before half a second
    std::this_thread::sleep_for(600ms);
    meter.update(4000);
    CHECK(written(file) == "\rxor: 4000 of 8000 epochs (50%)");
  }
  const std::string text = written(file);
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text.ends_with('\r'));
  std::fclose(file);
}

TEST_CASE("progress off prints nothing", "[progress]") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  {
    ctnn_train::progress_meter meter(ctnn_train::progress_mode::off, "xor", 10, "epochs", file,
                                     0ms);
    meter.update(5);
  }
  CHECK(written(file).empty());
  std::fclose(file);
}
