// Defines what a sweep is asked and what it finds: `ctnn_train::sweep_settings`, `sweep_run` and
// `sweep_result`, and the summary printed from them. The training is in sweep.hpp; this header
// leaves ctnn's training out for the code that only reads results (pages, grids' tables).
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/instruction_set.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "explain.hpp"
#include "lane_groups.hpp"
#include "progress.hpp"

namespace ctnn_train {


/// What a sweep is asked to do; the command line fills it in.
struct sweep_settings {
  std::size_t runs = 100;
  /// Run i (0-based) is seeded with base_seed + i, so a sweep is the same on any machine.
  std::uint64_t base_seed = 1;
  std::size_t epochs = 0;
  double learning_rate = 0.05;
  std::filesystem::path out = ".";
  /// How "k of N runs" is shown on stderr while the sweep runs.
  progress_mode progress = progress_mode::off;
  /// Every epoch in the CSV, rather than at most curve_csv_rows.
  bool full_curve = false;
  /// Worker threads; 0 for one per core.
  unsigned threads = 0;
  /// The vector unit the lanes run on (lane_groups.hpp); every one gives the same results.
  ctnn::instruction_set instructions = widest_available_instruction_set();
};

/// One run of a sweep.
struct sweep_run {
  std::uint64_t seed = 0;
  outcome result;
  /// The first epoch after which every output stays on the correct side of 0.5 until the end;
  /// empty if the run ends unsolved.
  std::optional<std::size_t> solved_from;
  /// The XOR solution family or stuck class (explain_xor); empty for the OR tasks.
  std::string family;
  /// The epoch at which the run diverged (see `diverged`), if it did; the run stops there.
  std::optional<std::size_t> diverged_at;
  /// The run's final parameters, in ctnn's order (as double, which holds a float exactly).
  std::vector<double> parameters;
  /// The final output for each pattern, in the task's order (00, 01, 10, 11).
  std::array<double, 4> outputs{};
};

/// Every run, in seed order, and how many runs were solved after each epoch.
struct sweep_result {
  std::vector<sweep_run> runs;
  std::vector<std::size_t> solved_after_epoch;
  unsigned threads = 1;
};

/// The p-th percentile (0 < p <= 100) of values by the nearest-rank method: the smallest value
/// with at least p% of the values at or below it. values must not be empty.
std::size_t percentile(std::vector<std::size_t> values, double p);

/// Prints the sweep's summary. `task` and `scalar` name what was trained.
void print_sweep(std::ostream& out, std::string_view task, std::string_view scalar,
                 const sweep_settings& settings, const sweep_result& result);

/// The sweep's last line: "sweep xor: 91.9% solved (...)".
std::string sweep_verdict(std::string_view task, const sweep_result& result);

/// The fraction of runs solved after each epoch, for write_solved_fraction.
std::vector<double> solved_fraction(const sweep_result& result);

}  // namespace ctnn_train
