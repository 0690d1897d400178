// Defines the trainer's errors and the exit status each one ends the program with.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <stdexcept>

namespace ctnn_train {

/// Bad input: an unknown task or flag, a value out of range, an unreadable or malformed model
/// file. The program prints one line naming the problem and exits with this status, having
/// written no file.
inline constexpr int bad_input_status = 2;

/// A run that diverged (its error not finite, or its parameters beyond divergence_bound); the
/// program says at which epoch, having written no file.
inline constexpr int diverged_status = 3;

/// A run that finished and wrote its files, but whose report could not be written to standard
/// output (a full disk, a closed pipe); the program says why.
inline constexpr int output_error_status = 4;

/// Thrown for bad input; what() is the one line to print.
struct input_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Thrown when training diverges; what() is the one line to print.
struct divergence_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace ctnn_train
