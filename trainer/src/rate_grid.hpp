// Defines what a sweep over learning rates reports: per rate, how many runs were solved and how
// soon, how the others were stuck, and a heat map of the fraction solved by rate and epoch.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sweep_result.hpp"

namespace ctnn_train {

/// The most rates --learning-rates takes, as a list or as a range's count.
inline constexpr std::size_t max_learning_rates = 1000;

/// The learning rates of --learning-rates: a comma-separated list ("0.01,0.1,0.5") or a
/// logarithmic range "first:last:count" (count rates from first to last evenly spaced in log,
/// both ends included: rate_i = first (last / first)^(i / (count - 1)), the ends exactly as
/// given). Each rate is parsed as --learning-rate is (finite, > 0, the whole text a number); with
/// `single_precision` it must also be nonzero and finite in float, and no two rates may be equal
/// there. A list holds 1 to max_learning_rates distinct rates, in any order; a range has
/// first < last and a count from 2 to max_learning_rates. The result is in ascending order, and
/// fmt's "{}" of each rate reads back as the same double. Throws input_error naming the mistake.
std::vector<double> parse_learning_rates(std::string_view text, bool single_precision);

/// A grid's results: sweeps[i] is the sweep at rates[i] (every seed, in seed order; runs and
/// solved_after_epoch as run_sweep fills them). The functions below require as many sweeps as
/// rates, each with the same number of runs and epochs, and throw std::invalid_argument if not.
struct rate_grid_result {
  std::vector<double> rates;
  std::vector<sweep_result> sweeps;
  unsigned threads = 1;
};

/// Prints the grid's summary: a row per rate (the percentages of runs solved at the end on the
/// correct side of 0.5, within 0.2 and within 0.1; the median epoch from which solved runs stayed
/// solved; runs diverged; and runs stuck, by kind for XOR, else runs not solved), then findings:
/// the rates that solve at least 90% and 99% of runs, the one that solves most, and the fastest
/// of those solving at least 90%. `task` and `scalar` name what was trained.
void print_rate_grid(std::ostream& out, std::string_view task, std::string_view scalar,
                     const sweep_settings& settings, const rate_grid_result& grid);

/// The grid's last line: "sweep xor: 40 learning rates x 1000 runs; most solved at rate 1.2:
/// 97.3% (median epoch 812)".
std::string rate_grid_verdict(std::string_view task, const rate_grid_result& grid);

/// The most epoch columns the heat map has; longer sweeps are sampled (heatmap_epochs).
inline constexpr std::size_t heatmap_columns = 200;

/// The epochs the heat map shows, one per column: every epoch up to heatmap_columns of them (or
/// with `every_epoch`); else column c covers epochs c E / heatmap_columns up to (c + 1) E /
/// heatmap_columns - 1 (E epochs, integer division) and shows the fraction after the last of them.
std::vector<std::size_t> heatmap_epochs(std::size_t epochs, bool every_epoch = false);

/// The heat map as an SVG document: a row per rate (ascending upwards, on a log scale with its
/// ticks), a column per epoch of heatmap_epochs, each cell coloured by the fraction of that
/// rate's runs solved after that epoch (viridis-like, with a colour bar from 0% to 100%), and a
/// tooltip per row giving the rate and its final fraction. Without rates or epochs, a picture
/// that says so.
std::string rate_grid_heatmap_svg(const rate_grid_result& grid, std::string_view title);

/// The heat map as CSV, `learning_rate,epoch,solved,runs,fraction_solved`: a row per rate and
/// epoch of heatmap_epochs(epochs, every_epoch), the rate and the fraction as the shortest
/// decimals that read back as the same doubles, with the counts the fraction is exactly.
std::string rate_grid_heatmap_csv(const rate_grid_result& grid, bool every_epoch);

/// A row per rate: `learning_rate,runs,correct_side,within_0_2,within_0_1,diverged,
/// median_solved_epoch`, then a count per stuck kind that occurs anywhere in the grid, named
/// after it in snake case ("stuck: plateau near 0.5" is stuck_plateau_near_0_5), most frequent
/// first. Counts of runs; the median is empty where no run was solved.
std::string rate_grid_summary_csv(const rate_grid_result& grid);

}  // namespace ctnn_train
