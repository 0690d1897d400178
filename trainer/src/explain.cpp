// The trainer's judgement of trained networks: solved or not, and XOR's learned solution in words.
// SPDX-License-Identifier: BSL-1.0
#include "explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctnn/forward.hpp>

namespace ctnn_train {

namespace {

/// The table's index into a list of all 16 functions: bit n is the value for pattern n.
std::size_t table_code(truth_table table) {
  std::size_t code = 0;
  for (std::size_t n = 0; n < 4; ++n) code |= std::size_t{table[n]} << (3 - n);
  return code;
}

/// Names by table_code: the first digit of the code is the value for 00, the last for 11.
constexpr std::array<std::string_view, 16> function_names = {
    "FALSE", "AND",    "x0 AND NOT x1", "x0",     "NOT x0 AND x1", "x1",   "XOR", "OR", "NOR",
    "XNOR",  "NOT x1", "x0 OR NOT x1",  "NOT x0", "NOT x0 OR x1",  "NAND", "TRUE"};

/// The patterns of `table` that are `value`, as "01, 10"; "none" if there are none.
std::string patterns_where(truth_table table, bool value) {
  std::string list;
  for (std::size_t n = 0; n < 4; ++n) {
    if (table[n] != value) continue;
    if (!list.empty()) list += ", ";
    list += pattern_names[n];
  }
  return list.empty() ? "none" : list;
}

truth_table table_of(const std::array<xor_step, 4>& steps, double xor_step::*value,
                     double threshold) {
  truth_table table{};
  for (std::size_t n = 0; n < 4; ++n) table[n] = steps[n].*value > threshold;
  return table;
}

/// The four values of one quantity, as "0.03, 0.93, 0.00, 0.02".
std::string list_values(const std::array<xor_step, 4>& steps, double xor_step::*value,
                        int decimals) {
  std::string list;
  for (std::size_t n = 0; n < 4; ++n)
    list += fmt::format("{}{:.{}f}", n == 0 ? "" : ", ", steps[n].*value, decimals);
  return list;
}

truth_table operator&&(truth_table a, truth_table b) {
  truth_table result{};
  for (std::size_t n = 0; n < 4; ++n) result[n] = a[n] && b[n];
  return result;
}
truth_table operator||(truth_table a, truth_table b) {
  truth_table result{};
  for (std::size_t n = 0; n < 4; ++n) result[n] = a[n] || b[n];
  return result;
}
truth_table operator!(truth_table a) {
  for (bool& value : a) value = !value;
  return a;
}

constexpr truth_table xor_table = {false, true, true, false};

/// What the hidden unit computes, as the account's first paragraph.
std::string describe_hidden(const xor_explanation& e) {
  const std::string values = list_values(e.steps, &xor_step::hidden, 2);
  const std::string_view name = boolean_function_name(e.hidden);
  if (!e.hidden_clean) {
    return fmt::format(
        "The hidden unit h is not a clean boolean function: h = {} for 00, 01, 10, 11. Read at "
        "0.5 it is closest to {}.",
        values, name);
  }
  const bool constant = e.hidden == truth_table{} || e.hidden == !truth_table{};
  if (constant) {
    return fmt::format(
        "The hidden unit h is {} for every pattern (h = {}): it computes the constant {} and "
        "adds only a fixed amount to the output's bias.",
        e.hidden[0] ? "on" : "off", values, name);
  }
  return fmt::format("The hidden unit h computes {}: it is on for {} and off for {} (h = {}).",
                     name, patterns_where(e.hidden, true), patterns_where(e.hidden, false), values);
}

std::string describe_connection(double w_2) {
  if (std::abs(w_2) < 0.5) {
    return fmt::format(
        "Its weight to the output, w_2 = {:.2f}, is small: h barely affects the output.", w_2);
  }
  return fmt::format(
      "Its weight to the output, w_2 = {:.2f}, is {}: h {} the output, {} up to {:.2f} {} net_y "
      "where it is on.",
      w_2, w_2 > 0 ? "positive" : "negative", w_2 > 0 ? "excites" : "inhibits",
      w_2 > 0 ? "adding" : "subtracting", std::abs(w_2), w_2 > 0 ? "to" : "from");
}

std::string describe_direct(const xor_explanation& e, const ctnn::parameters<xor_net, double>& p) {
  const double w_0 = p.values[3], w_1 = p.values[4], b_1 = p.values[6];
  std::string nets;
  for (std::size_t n = 0; n < 4; ++n) {
    const double direct = w_0 * e.steps[n].input[0] + w_1 * e.steps[n].input[1] + b_1;
    nets += fmt::format("{}{:.2f}", n == 0 ? "" : ", ", direct);
  }
  return fmt::format(
      "Without h, the direct connections w_0 = {:.2f} (from x0) and w_1 = {:.2f} (from x1) and "
      "the output bias b_1 = {:.2f} give net_y = {} for 00, 01, 10, 11: the bias alone {} for "
      "00, and on their own these connections compute {} ({}).",
      w_0, w_1, b_1, nets, b_1 > 0 ? "turns the output on" : "keeps the output off",
      boolean_function_name(e.direct),
      e.direct == truth_table{}    ? "off for every pattern"
      : e.direct == !truth_table{} ? "on for every pattern"
                                   : "on for " + patterns_where(e.direct, true));
}

/// How h and the direct path together make (or fail to make) XOR.
std::string describe_combination(const xor_explanation& e, double w_2) {
  const truth_table output = table_of(e.steps, &xor_step::output, 0.5);
  const truth_table h = e.hidden, d = e.direct, lifted = e.direct_with_hidden;
  std::string changes;
  for (std::size_t n = 0; n < 4; ++n) {
    if (!h[n]) continue;
    const double direct = e.steps[n].net_output - w_2 * e.steps[n].hidden;
    const bool before = direct > 0, after = e.steps[n].net_output > 0;
    changes +=
        fmt::format("{}for {} it moves net_y from {:.2f} to {:.2f}, {} the output {}",
                    changes.empty() ? "" : "; ", pattern_names[n], direct, e.steps[n].net_output,
                    before == after ? "keeping" : "turning", after ? "on" : "off");
  }
  std::string text;
  if (!changes.empty()) text = fmt::format("Where h is on, {}. ", changes);
  const std::string hidden = boolean_operand(h);
  if (output != xor_table) {
    return text + fmt::format("Together they compute {}, not XOR.", boolean_function_name(output));
  }
  if ((d || h) == output) {
    text += fmt::format(
        "So the output is on where the direct path or h is: {} OR {} = XOR. The direct path "
        "detects {}, the hidden unit {}.",
        boolean_operand(d), hidden, patterns_where(d && xor_table, true),
        patterns_where(h && !d, true));
  } else if ((d && !h) == output) {
    text += fmt::format(
        "So the output is on where the direct path is and h is not: {} AND NOT {} = XOR. The "
        "direct path is on for {}, and h vetoes {}.",
        boolean_operand(d), hidden, patterns_where(d, true), patterns_where(d && h, true));
  } else if ((!h || lifted) == output) {
    text += fmt::format(
        "So the output is on where h is off (that is, {}), and where h is on only if the "
        "direct connections overcome its inhibition ({}): {} OR {} = XOR.",
        boolean_operand(!h), boolean_operand(lifted), boolean_operand(!h), boolean_operand(lifted));
  } else if ((h && lifted) == output) {
    text += fmt::format(
        "So the output is on only where h is on and the direct connections do not pull net_y "
        "back below zero: {} AND {} = XOR.",
        hidden, boolean_operand(lifted));
  } else {
    text += fmt::format(
        "So the output follows the direct path ({}) where h is off, and {} where h is on: XOR.",
        boolean_function_name(d), boolean_function_name(lifted));
  }
  return text;
}

/// Why a run is not solved, or "solved"; and the family's name for a sweep.
void judge(xor_explanation& e) {
  std::vector<std::size_t> wrong, near_half;
  for (std::size_t n = 0; n < 4; ++n) {
    const xor_step& step = e.steps[n];
    if ((step.output > 0.5) != (step.target > 0.5)) wrong.push_back(n);
    if (std::abs(step.output - 0.5) < 0.05) near_half.push_back(n);
  }
  const auto names = [](const std::vector<std::size_t>& patterns) {
    std::string list;
    for (std::size_t n : patterns)
      list += fmt::format("{}{}", list.empty() ? "" : ", ", pattern_names[n]);
    return list;
  };
  const std::string outputs = list_values(e.steps, &xor_step::output, 3);
  if (near_half.size() == 4) {
    e.verdict = "plateau near 0.5";
    e.family = "stuck: plateau near 0.5";
    e.account.push_back(fmt::format(
        "Not solved: stuck on a plateau near 0.5. Every output is within 0.05 of 0.5 (yhat = "
        "{}){}, "
        "so the epoch error sits near 4 x 0.25 = 1: the network answers every pattern with the "
        "targets' average, and the four patterns' gradients nearly cancel.",
        outputs, wrong.empty() ? ", on the correct side of 0.5 only by chance" : ""));
    return;
  }
  if (wrong.empty()) {
    e.verdict = "solved";
    return;
  }
  const std::size_t n = wrong.front();
  const xor_step& step = e.steps[n];
  const double slope = step.output * (1 - step.output);
  if (wrong.size() == 1 && std::abs(step.output - step.target) > 0.9) {
    e.verdict = fmt::format("{} saturated on the wrong side", pattern_names[n]);
    e.account.push_back(fmt::format(
        "Not solved: one pattern is saturated on the wrong side. Input {} gives yhat = {:.4f} "
        "(target {:.0f}) while the other three are right, so the network computes {} instead of "
        "XOR. The output unit's slope there, "
        "yhat (1 - yhat) = {:.4f}, scales that pattern's gradient almost to zero, so SGD cannot "
        "pull it back: a local minimum, not a slow start.",
        pattern_names[n], step.output, step.target,
        boolean_function_name(table_of(e.steps, &xor_step::output, 0.5)), slope));
  } else if (wrong.size() == 1) {
    e.verdict = fmt::format("{} on the wrong side", pattern_names[n]);
    e.account.push_back(fmt::format(
        "Not solved: input {} is on the wrong side of 0.5 (yhat = {:.3f}, target {:.0f}) but not "
        "saturated; more epochs or a larger learning rate may still fix it.",
        pattern_names[n], step.output, step.target));
  } else {
    e.verdict = fmt::format("{} on the wrong side", names(wrong));
    e.account.push_back(fmt::format(
        "Not solved: {} patterns ({}) are on the wrong side of 0.5 (yhat = {} for 00, 01, 10, "
        "11){}.",
        wrong.size(), names(wrong), outputs,
        near_half.size() >= 2 ? fmt::format("; {} sit on a plateau near 0.5", names(near_half))
                              : ""));
  }
  e.family = "stuck: " + e.verdict;
}

}  // namespace

std::string_view boolean_function_name(truth_table table) {
  return function_names[table_code(table)];
}

std::string boolean_operand(truth_table table) {
  static constexpr std::array<std::string_view, 16> operands = {
      "FALSE",        "(x0 AND x1)",     "(x0 AND NOT x1)",
      "x0",           "(NOT x0 AND x1)", "x1",
      "(x0 XOR x1)",  "(x0 OR x1)",      "(x0 NOR x1)",
      "(x0 XNOR x1)", "(NOT x1)",        "(x0 OR NOT x1)",
      "(NOT x0)",     "(NOT x0 OR x1)",  "(x0 NAND x1)",
      "TRUE"};
  return std::string(operands[table_code(table)]);
}

outcome assess(std::span<const double> outputs, std::span<const double> targets) {
  outcome result;
  result.patterns = outputs.size();
  result.smallest_margin = 0.5;
  for (std::size_t n = 0; n < outputs.size(); ++n) {
    const double distance = std::abs(outputs[n] - targets[n]);
    result.correct_side += (outputs[n] > 0.5) == (targets[n] > 0.5);
    result.within_0_2 += distance < 0.2;
    result.within_0_1 += distance < 0.1;
    result.smallest_margin = std::min(result.smallest_margin, std::abs(outputs[n] - 0.5));
  }
  return result;
}

xor_explanation explain_xor(const ctnn::parameters<xor_net, double>& params) {
  const auto& data = task<task_kind::logical_xor>::data<double>();
  const double w_3 = params.values[0], w_4 = params.values[1], b_0 = params.values[2];
  const double w_0 = params.values[3], w_1 = params.values[4], w_2 = params.values[5],
               b_1 = params.values[6];
  xor_explanation e;
  std::array<double, 4> outputs{}, targets{};
  for (std::size_t n = 0; n < 4; ++n) {
    const double x_0 = data.inputs[n][0], x_1 = data.inputs[n][1];
    const auto units = ctnn::forward(params, {x_0, x_1});
    xor_step& step = e.steps[n];
    step.input = {x_0, x_1};
    step.net_hidden = w_3 * x_0 + w_4 * x_1 + b_0;
    step.hidden = units.layer<1>()[0];
    step.net_output = w_0 * x_0 + w_1 * x_1 + w_2 * step.hidden + b_1;
    step.output = units.output()[0];
    step.target = data.targets[n][0];
    outputs[n] = step.output;
    targets[n] = step.target;
    e.direct[n] = w_0 * x_0 + w_1 * x_1 + b_1 > 0;
    e.direct_with_hidden[n] = w_0 * x_0 + w_1 * x_1 + w_2 + b_1 > 0;
  }
  e.result = assess(outputs, targets);
  e.hidden = table_of(e.steps, &xor_step::hidden, 0.5);
  e.hidden_clean = std::all_of(e.steps.begin(), e.steps.end(), [](const xor_step& step) {
    return step.hidden < 0.25 || step.hidden > 0.75;
  });
  e.account.push_back(describe_hidden(e) + " " + describe_connection(w_2));
  e.account.push_back(describe_direct(e, params));
  judge(e);
  // judge adds a paragraph only for runs that are not solved.
  if (e.verdict == "solved" && e.hidden_clean) e.account.push_back(describe_combination(e, w_2));
  if (e.verdict == "solved") {
    e.family = fmt::format("h = {}{}, {} the output", boolean_function_name(e.hidden),
                           e.hidden_clean ? "" : " (not clean)", w_2 > 0 ? "excites" : "inhibits");
    if (e.result.smallest_margin < 0.1) {
      e.account.push_back(fmt::format(
          "Solved, but only just: the closest output is {:.3f} from 0.5, and {} of 4 outputs are "
          "within 0.1 of their targets. The run is still leaving the plateau near 0.5; more "
          "epochs would sharpen it.",
          e.result.smallest_margin, e.result.within_0_1));
    }
  }
  return e;
}

}  // namespace ctnn_train
