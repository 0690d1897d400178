// Prints a progress_meter's lines.
// SPDX-License-Identifier: BSL-1.0
#include "progress.hpp"

#include <fmt/format.h>

#include <utility>

namespace ctnn_train {

namespace {

/// A terminal's line is redrawn this often, after the run has taken this long: short runs do
/// not flicker.
constexpr std::chrono::milliseconds redraw_interval{100};
constexpr std::chrono::milliseconds terminal_delay{500};

}  // namespace

progress_meter::progress_meter(progress_mode mode, std::string label, std::size_t total,
                               std::string unit, std::FILE* stream,
                               std::chrono::milliseconds interval)
    : mode_(mode),
      label_(std::move(label)),
      unit_(std::move(unit)),
      total_(total),
      stream_(stream),
      interval_(std::chrono::duration_cast<clock::duration>(interval)),
      start_(clock::now()),
      next_(start_ + (mode == progress_mode::terminal
                          ? std::chrono::duration_cast<clock::duration>(terminal_delay)
                          : interval_)) {}

progress_meter::~progress_meter() {
  if (mode_ == progress_mode::terminal && shown_) std::fprintf(stream_, "\r%70s\r", "");
}

void progress_meter::update(std::size_t done) {
  if (mode_ == progress_mode::off) return;
  const clock::time_point now = clock::now();
  if (now < next_) return;
  const double percent =
      total_ == 0 ? 100.0 : 100.0 * static_cast<double>(done) / static_cast<double>(total_);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - start_).count();
  if (mode_ == progress_mode::terminal) {
    std::fputs(
        fmt::format("\r{}: {} of {} {} ({:.0f}%)", label_, done, total_, unit_, percent).c_str(),
        stream_);
    next_ = now + std::chrono::duration_cast<clock::duration>(redraw_interval);
  } else {
    std::fputs(fmt::format("ctnn-train: {}: {} of {} {} ({:.0f}%) after {} s\n", label_, done,
                           total_, unit_, percent, seconds)
                   .c_str(),
               stream_);
    next_ += interval_;
    if (next_ < now) next_ = now + interval_;
  }
  std::fflush(stream_);
  shown_ = true;
}

}  // namespace ctnn_train
