// Defines `ctnn_train::progress_meter`: a long run's sign of life on stderr, live on a terminal
// and as a line every few seconds in a log.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace ctnn_train {

/// How progress is shown: not at all, as one line rewritten in place (a terminal), or as a
/// line every `progress_meter::line_interval` (a log, where rewriting would pile up).
enum class progress_mode { off, terminal, lines };

class progress_meter {
 public:
  /// A log gets its first line after this long, and one more each time it passes again; runs
  /// shorter than this print nothing.
  static constexpr std::chrono::seconds line_interval{5};

  /// Counts `total` things called `unit` ("runs", "epochs") of the work named `label`; a log
  /// gets a line every `interval`.
  progress_meter(progress_mode mode, std::string label, std::size_t total, std::string unit,
                 std::FILE* stream = stderr,
                 std::chrono::milliseconds interval = std::chrono::milliseconds(line_interval));
  progress_meter(const progress_meter&) = delete;
  progress_meter& operator=(const progress_meter&) = delete;
  /// Clears a terminal's line.
  ~progress_meter();

  /// Records that `done` of the total are done, printing if a line is due.
  void update(std::size_t done);

 private:
  using clock = std::chrono::steady_clock;
  progress_mode mode_;
  std::string label_, unit_;
  std::size_t total_;
  std::FILE* stream_;
  clock::duration interval_;
  clock::time_point start_, next_;
  bool shown_ = false;
};

}  // namespace ctnn_train
