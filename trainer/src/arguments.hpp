// Defines `ctnn_train::check_arguments`: the shape of a command line (which command, which
// flags, each given once with a value) checked before CLI11 parses it, so that every mistake is
// named in the trainer's own words, with the fix.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace ctnn_train {

/// Which commands take a flag.
enum class flag_scope { tasks, sweep, both };

/// A flag of ctnn-train: its name, what its value must be (empty for a switch), and where it
/// belongs.
struct flag_spec {
  std::string_view name;
  std::string_view expects;
  flag_scope scope;
};

/// Every flag, for the checks below; the CLI11 definitions in cli.cpp give the help text.
inline constexpr std::array<flag_spec, 16> known_flags = {{
    {"--epochs", "a whole number", flag_scope::both},
    {"--learning-rate", "a number", flag_scope::both},
    {"--seed", "a whole number", flag_scope::both},
    {"--scalar", "float or double", flag_scope::both},
    {"--out", "a directory", flag_scope::both},
    {"--progress", "auto, lines or off", flag_scope::both},
    {"--full-curve", "", flag_scope::both},
    {"--print-every", "a whole number", flag_scope::tasks},
    {"--save", "a file name", flag_scope::tasks},
    {"--load", "a file name", flag_scope::tasks},
    {"--export-header", "a file name ending in .hpp", flag_scope::tasks},
    {"--seeds", "a whole number", flag_scope::sweep},
    {"--threads", "a whole number", flag_scope::sweep},
    {"--isa", "sse2, avx2 or avx512", flag_scope::sweep},
    {"--learning-rates", "a list or a range first:last:count", flag_scope::sweep},
    {"--version", "", flag_scope::both},
}};

/// `text` on one line of printable ASCII for a message: control characters and bytes above 0x7e
/// as C escapes (`\n`, `\x1b`), and at most `limit` characters, the rest replaced by "...".
std::string printable(std::string_view text, std::size_t limit = 80);

/// Checks argv[1..]: a command first (a task or `sweep`, or --help / --version alone), then only
/// flags that command takes, each once and with a non-empty value, and (for sweep) one task.
/// Throws input_error with one line that names the mistake and, where there is one, the fix.
void check_arguments(std::span<const char* const> arguments);

}  // namespace ctnn_train
