// Defines the run's HTML report: one self-contained page (inline CSS, script and SVG, no network)
// with an epoch slider over snapshots of the parameters recorded during training, the network,
// the patterns' table, every unit's decision surface and the learning curve at the chosen epoch,
// and the terminal report's gradient check and Problem 5.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/model_shape.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ctnn_train {

/// The most snapshots of the parameters a report holds, the initial and the last included: 401
/// for XOR's 8000 epochs, about 100 KB of page.
inline constexpr std::size_t report_snapshot_limit = 500;

/// Every how many epochs a run of `epochs` epochs records its parameters for the report: the
/// least of 1, 2, 5, 10, 20, 50, ... that keeps the snapshots (see is_snapshot) within
/// report_snapshot_limit.
std::size_t snapshot_interval(std::size_t epochs);

/// Whether the parameters after `trained` of a run's `epochs` epochs are a snapshot: before
/// training (0), after every multiple of snapshot_interval(epochs), and after the last epoch.
bool is_snapshot(std::size_t trained, std::size_t epochs);

/// The parameters after `epoch` epochs of training, in ctnn's order, and the error of the epoch
/// that ended there (none before training).
struct report_snapshot {
  std::size_t epoch = 0;
  std::optional<double> error;
  std::vector<double> parameters;
};

/// A stretch of epochs, numbered by the epochs trained when each ended (1 for the first).
struct epoch_stretch {
  std::size_t first = 0, last = 0;
};

/// How much a plateau's errors may differ: its highest at most this times its lowest.
inline constexpr double plateau_spread = 1.05;
/// The fewest epochs a plateau spans.
inline constexpr std::size_t plateau_min_epochs = 100;
/// A plateau's errors stay at or above this fraction of the run's highest error.
inline constexpr double plateau_floor = 0.1;

/// The plateau of a learning curve (errors[i] is the error of the epoch ending after i + 1
/// epochs): the longest stretch of consecutive epochs whose errors all lie within plateau_spread
/// of each other and at or above plateau_floor times the highest error, if it spans at least
/// plateau_min_epochs (the earliest of equally long ones); none otherwise. A converged tail,
/// creeping toward 0, is not a plateau: the floor keeps it out.
std::optional<epoch_stretch> find_plateau(std::span<const double> errors);

/// The epochs trained after which the run is solved for good: the first t such that after t
/// epochs and after every later one every output is on the correct side of 0.5 (solved[t] for
/// t = 0 .. epochs); none if the last is not. For t > 0 it is the sweep's solved_from + 1.
std::optional<std::size_t> solved_after(const std::vector<bool>& solved);

/// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

/// `json` made safe inside an HTML <script> element: "</" becomes "<\/" and "<!--" becomes
/// "<\u0021--" (both can only occur inside JSON strings, where they mean the same).
std::string script_safe_json(std::string_view json);

/// A unit of the page's network: its name (`h`, `y`, as model files name units), its layer, its
/// activation as model files name it, its sources by name and layer, and the indices of its
/// weights (one per source) and bias among the parameters.
struct report_unit {
  std::string name;
  std::size_t layer = 0;
  std::string activation;
  std::vector<std::string> sources;
  std::vector<std::size_t> source_layers;
  std::vector<std::size_t> weights;
  std::size_t bias = 0;
};

/// The units of a network of `shape`, every layer after the input in order.
std::vector<report_unit> report_units(const ctnn::model_shape& shape);

/// Everything the page shows.
struct html_report_data {
  std::string task, description, topology, scalar;
  double learning_rate = 0;
  std::size_t epochs = 0;
  std::uint64_t seed = 0;
  std::string parameters_from;
  ctnn::model_shape shape;
  std::vector<std::string> parameter_names;
  std::array<std::array<double, 2>, 4> patterns{};
  std::array<double, 4> targets{};
  std::vector<report_snapshot> snapshots;
  /// Every epoch's error, the first epoch's first.
  std::vector<double> errors;
  /// Whether every output is on the correct side of 0.5 after t epochs, t = 0 .. epochs.
  std::vector<bool> solved;
  /// The terminal report's sections, as printed; problem_5 is empty but for XOR.
  std::string gradient_check, problem_5;
  /// The run's last line, and the files it writes.
  std::string verdict;
  std::vector<std::string> files;
};

/// The page's data as JSON, as the page reads it from its <script type="application/json">.
std::string html_report_json(const html_report_data& data);

/// The whole page.
std::string html_report(const html_report_data& data);

}  // namespace ctnn_train
