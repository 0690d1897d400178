// Defines what a sweep writes besides its solved-fraction curve: a histogram of the epoch at which
// runs became solved, a bar chart of their outcomes, every run as CSV, and an HTML page that
// gathers these with a table of the runs, each with the command that reproduces it.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svg.hpp"
#include "sweep_result.hpp"

namespace ctnn_train {

/// What was swept: the task and scalar type as the command line spells them, the task's
/// parameter names in ctnn's order, and the settings the sweep ran with.
struct sweep_description {
  std::string task;
  std::string scalar;
  std::vector<std::string> parameter_names;
  sweep_settings settings;
};

/// The most runs the page's table lists (the first ones by seed); the runs CSV has every run. At
/// about 0.6 KB a row, 10000 rows make a 6 MB page, about as much as a browser shows smoothly.
inline constexpr std::size_t page_table_rows = 10'000;

/// The command that trains seed `seed` of the sweep alone, with exactly the sweep's settings:
/// "ctnn-train xor --seed 27 --epochs 8000 --learning-rate 0.05 --scalar double". The run it
/// makes ends with the sweep run's parameters, bit for bit.
std::string reproduce_command(const sweep_description& sweep, std::uint64_t seed);

/// The command that runs the sweep again: "ctnn-train sweep xor --seeds 64 --seed 1 ...".
std::string sweep_command(const sweep_description& sweep, std::size_t runs);

/// `value` as the shortest decimal that reads back as the same value of the scalar type named
/// (`float` or `double`); `value` must hold a value of that type.
std::string exact_number(double value, std::string_view scalar);

/// The width of a histogram's bins for `count` values from 0 to `span` - 1: about sqrt(count)
/// bins (from 5 to 50, fewer if the span is shorter), each a round number of epochs (1, 2, 2.5
/// or 5 times a power of ten, and whole).
std::size_t histogram_bin_width(std::size_t span, std::size_t count);

/// The runs solved at the end by the epoch from which they stayed solved, in bins of
/// histogram_bin_width from epoch 0 to the latest such epoch; empty if no run was solved.
std::vector<histogram_bin> solved_epoch_histogram(const sweep_result& result);

/// A run's outcome as one category. For XOR, its solution family or how it is stuck (explain_xor);
/// the OR tasks have no families, so there: "solved, every output within 0.1", "solved, not every
/// output within 0.1" or "not solved", which tells a run that has learned OR from one that is
/// only on the correct side so far.
std::string outcome_category(const sweep_run& run);

/// Every outcome category with its count: for XOR the solution families (good) by count, then
/// the ways of being stuck (bad) by count, as the sweep's summary lists them; for the OR tasks
/// all three categories, in the order above, even those no run fell in.
std::vector<chart_bar> outcome_bars(const sweep_result& result);

/// The histogram of solved_epoch_histogram as an SVG document, with the runs it leaves out (not
/// solved at the end) counted in the note under its title.
std::string solved_epoch_svg(const sweep_description& sweep, const sweep_result& result);

/// The bar chart of outcome_bars as an SVG document.
std::string outcomes_svg(const sweep_description& sweep, const sweep_result& result);

/// Every run as CSV: seed, solved (1 or 0), solved_from (empty if not solved), outcome, the
/// outputs (each the shortest decimal that reads back as the same double) and the parameters
/// under their names (exact_number), and the command that reproduces it.
std::string sweep_runs_csv(const sweep_description& sweep, const sweep_result& result);

/// The SVG documents the page shows, as written to their files.
struct sweep_pictures {
  std::string solved_fraction, solved_epoch, outcomes;
};

/// The sweep's page: one self-contained HTML file (inline CSS, the pictures inline, a small
/// inline script that sorts and filters the table, and nothing fetched from anywhere) with the
/// summary, the three pictures and a table of the runs (at most page_table_rows). Readable
/// without the script and in print. `files` are the names of the sweep's other files, linked.
std::string sweep_page_html(const sweep_description& sweep, const sweep_result& result,
                            const sweep_pictures& pictures, const std::vector<std::string>& files);

}  // namespace ctnn_train
