// Defines the trainer's judgement of a trained network: whether a task is solved, and for XOR an
// account in plain language of how the learned solution works, or why the run is stuck.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/parameters.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tasks.hpp"

namespace ctnn_train {

/// A boolean function of two inputs as its values for the patterns 00, 01, 10, 11, in that order.
using truth_table = std::array<bool, 4>;

/// The patterns' names in the homework's order: "00", "01", "10", "11".
inline constexpr std::array<std::string_view, 4> pattern_names = {"00", "01", "10", "11"};

/// The usual name of a two-input boolean function: "AND", "OR", "NAND", "NOR", "XOR", "XNOR",
/// "x0 AND NOT x1", "NOT x0 OR x1", "x0", "NOT x1", "FALSE", "TRUE", ...
std::string_view boolean_function_name(truth_table table);

/// The name as an operand of AND, OR or NOT: "x0 AND x1" rather than "AND", in parentheses when
/// it has an operator, e.g. "(x0 NAND x1)".
std::string boolean_operand(truth_table table);

/// How close a single-output network's outputs are to their targets.
struct outcome {
  std::size_t patterns = 0;
  /// Outputs on the target's side of 0.5: the task is solved when this is every pattern.
  std::size_t correct_side = 0;
  std::size_t within_0_2 = 0;
  std::size_t within_0_1 = 0;
  /// The smallest |output - 0.5| over the patterns.
  double smallest_margin = 0;

  bool solved() const { return correct_side == patterns; }
};

/// Judges outputs against targets (both one value per pattern). Targets are 0 or 1.
outcome assess(std::span<const double> outputs, std::span<const double> targets);

/// One input pattern through the XOR net, as Problem 5 asks to walk through it.
struct xor_step {
  std::array<double, 2> input{};
  double net_hidden = 0;  // net_h = w_3 x0 + w_4 x1 + b_0
  double hidden = 0;      // h = g(net_h)
  double net_output = 0;  // net_y = w_0 x0 + w_1 x1 + w_2 h + b_1
  double output = 0;      // yhat = g(net_y)
  double target = 0;
};

/// What a trained XOR net computes and how, from its parameters alone.
struct xor_explanation {
  std::array<xor_step, 4> steps{};
  outcome result;
  /// The hidden unit read at 0.5, and whether it is clean: every h below 0.25 or above 0.75.
  truth_table hidden{};
  bool hidden_clean = false;
  /// What the direct connections and b_1 compute without h, and with h fully on.
  truth_table direct{};
  truth_table direct_with_hidden{};
  /// "solved", or how the run is stuck, e.g. "plateau near 0.5" or "01 saturated on the wrong
  /// side".
  std::string verdict;
  /// The solution family, for counting runs: "h = AND, inhibits the output"; for a run that is not
  /// solved, "stuck: " and the verdict.
  std::string family;
  /// The plain-language account, one paragraph per entry.
  std::vector<std::string> account;
};

/// Explains trained XOR parameters, in the order of ctnn::parameters<xor_net, double>, using
/// ctnn::forward for every unit's output.
xor_explanation explain_xor(const ctnn::parameters<xor_net, double>& params);

}  // namespace ctnn_train
