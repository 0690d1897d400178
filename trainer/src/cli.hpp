// Defines `ctnn_train::run_command_line`, the whole of ctnn-train behind main(), and the parsers
// that turn its flags' text into checked values.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string_view>

namespace ctnn_train {

/// The largest --epochs accepted: a run keeps every epoch's error, and a sweep a count per epoch
/// and thread.
inline constexpr std::size_t max_epochs = 10'000'000;

/// Parses argv, trains or sweeps, and prints the report to out. Returns the exit status: 0, or
/// bad_input_status after one line on err naming the problem (nothing written), or
/// diverged_status after one line saying at which epoch.
int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

/// A whole number in [minimum, maximum] for `flag`; throws input_error naming flag and text.
std::uint64_t parse_whole_number(std::string_view text, std::string_view flag,
                                 std::uint64_t minimum, std::uint64_t maximum);

/// A finite learning rate greater than 0; throws input_error naming the text otherwise.
double parse_learning_rate(std::string_view text);

}  // namespace ctnn_train
