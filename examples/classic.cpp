// The classic experiments of Rumelhart, Hinton and Williams (1986), run from many seeds: how often
// and how fast each network learns, and what its hidden units come to compute, worked out from
// the learned weights rather than taken from the paper. The settings and the criterion are the
// paper's (examples/classic_experiments.hpp). What it reports of every learned network is also
// checked: the exit status is 1 if a property does not hold, so that each run is a test.
//
//   classic xor|symmetry|encoder|parity [--seeds N]     N runs, from seeds 1 to N (default 100)
//
// With the default 100 seeds it also checks how many learn, against the count measured when this
// was written, less a margin. Training gives the same bits with every compiler, so that count is
// the same on all of them.
// SPDX-License-Identifier: BSL-1.0
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classic_experiments.hpp"

namespace {

constexpr std::size_t default_seeds = 100;

/// Whether every check so far held.
bool all_held = true;

/// A number as %g prints it.
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

/// Prints a check and whether it held.
void check(bool holds, const std::string& what) {
  std::printf("  check: %s: %s\n", what.c_str(), holds ? "ok" : "FAILED");
  all_held = all_held && holds;
}

/// A check of how many runs do something, made only over the default seeds, where it was
/// measured: over a few seeds it could fail by chance.
void check_over_default_seeds(std::size_t seeds, bool holds, const std::string& what) {
  if (seeds == default_seeds) check(holds, what);
}

/// How many runs learned, against the count measured over the default seeds less a margin.
void check_learned_count(std::size_t learned, std::size_t seeds, std::size_t at_least,
                         std::size_t measured) {
  check_over_default_seeds(seeds, learned >= at_least,
                           "at least " + std::to_string(at_least) + " of " + std::to_string(seeds) +
                               " learn (measured " + std::to_string(measured) + ")");
}

template <class Net>
struct seeded_run {
  std::uint64_t seed;
  ctnn::training_run<Net, double> run;
};

/// Runs from seeds 1 to `seeds`, each trained until it learns or for max_sweeps sweeps.
template <class Net>
struct outcome {
  std::vector<seeded_run<Net>> learned, not_learned;
};

template <class Net, class Data>
outcome<Net> train_seeds(const Data& data, double learning_rate, std::size_t max_sweeps,
                         std::size_t seeds) {
  outcome<Net> result;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    auto run = classic::start<Net>(seed);
    const bool learned = classic::learn(run, data, learning_rate, max_sweeps);
    (learned ? result.learned : result.not_learned).push_back({seed, run});
  }
  return result;
}

/// How many of data's patterns have every output on the target's side of 1/2.
template <class Net, class Data>
std::size_t patterns_right(const ctnn::parameters<Net, double>& params, const Data& data) {
  std::size_t right = 0;
  for (std::size_t n = 0; n < Data::size; ++n) {
    const auto y = ctnn::predict(params, data.inputs[n]);
    bool all = true;
    for (std::size_t o = 0; o < Data::output_width; ++o)
      all = all && (y[o] > 0.5) == (data.targets[n][o] > 0.5);
    right += all;
  }
  return right;
}

/// The first lines of every report: the settings, how many runs learned and in how many sweeps,
/// and where the others stopped.
template <class Net, class Data>
void report_learning(const char* title, const outcome<Net>& result, const Data& data,
                     double learning_rate, std::size_t max_sweeps) {
  const std::size_t seeds = result.learned.size() + result.not_learned.size();
  std::printf(
      "%s\n  rate %g, momentum 0.9, initial weights U(-0.3, 0.3), one update a sweep through the "
      "%zu patterns, E = 1/2 sum (y - t)^2\n",
      title, learning_rate, Data::size);
  std::printf(
      "  learned (every output within %g of its target) from %zu of %zu seeds within %zu "
      "sweeps",
      classic::band, result.learned.size(), seeds, max_sweeps);
  std::vector<std::size_t> sweeps;
  for (const auto& learned : result.learned) sweeps.push_back(learned.run.epochs_trained);
  std::sort(sweeps.begin(), sweeps.end());
  if (!sweeps.empty()) {
    const std::size_t middle = sweeps.size() / 2;
    const double median =
        sweeps.size() % 2 ? double(sweeps[middle]) : (sweeps[middle - 1] + sweeps[middle]) / 2.0;
    std::printf(": median %g sweeps (%zu to %zu)", median, sweeps.front(), sweeps.back());
  }
  std::printf("\n");
  // The others, grouped by how many patterns they get on the right side of 1/2.
  std::map<std::size_t, std::vector<const seeded_run<Net>*>, std::greater<>> by_right;
  for (const auto& stuck : result.not_learned)
    by_right[patterns_right(stuck.run.params, data)].push_back(&stuck);
  for (const auto& [right, runs] : by_right) {
    std::printf("  not learned, %zu of %zu patterns on the right side of 1/2: seed", right,
                Data::size);
    double lowest = 1, highest = 0;
    for (const auto* stuck : runs) {
      std::printf("%s %llu", stuck == runs.front() ? runs.size() > 1 ? "s" : "" : ",",
                  static_cast<unsigned long long>(stuck->seed));
      const double error = ctnn::largest_error(stuck->run.params, data);
      lowest = std::min(lowest, error);
      highest = std::max(highest, error);
    }
    std::printf(" (largest error %.2f", lowest);
    if (std::round(100 * highest) > std::round(100 * lowest)) std::printf(" to %.2f", highest);
    std::printf(")\n");
  }
}

/// Layer 1's outputs for pattern n.
template <class Net, class Data>
std::vector<double> hidden(const ctnn::parameters<Net, double>& params, const Data& data,
                           std::size_t n) {
  const auto units = ctnn::forward(params, data.inputs[n]);
  const auto layer = units.template layer<1>();
  return {layer.begin(), layer.end()};
}

/// The Boolean function of two inputs that a unit computes, from whether it is on (above 1/2) for
/// 00, 01, 10 and 11, e.g. "0001" for AND.
std::string function_name(const std::string& on) {
  static const std::map<std::string, std::string> names{
      {"0000", "never"},         {"0001", "AND"},
      {"0010", "x0 AND NOT x1"}, {"0011", "x0"},
      {"0100", "NOT x0 AND x1"}, {"0101", "x1"},
      {"0110", "XOR"},           {"0111", "OR"},
      {"1000", "NOR"},           {"1001", "XNOR"},
      {"1010", "NOT x1"},        {"1011", "x0 OR NOT x1"},
      {"1100", "NOT x0"},        {"1101", "NOT x0 OR x1"},
      {"1110", "NAND"},          {"1111", "always"}};
  return names.at(on);
}

/// Whether each of layer 1's units is on for each of the four XOR patterns, as "0001" per unit.
template <class Net>
std::vector<std::string> hidden_functions(const ctnn::parameters<Net, double>& params) {
  std::vector<std::string> on(Net::template width<1>);
  for (std::size_t n = 0; n < 4; ++n) {
    const auto h = hidden(params, classic::xor_patterns, n);
    for (std::size_t j = 0; j < h.size(); ++j) on[j] += h[j] > 0.5 ? '1' : '0';
  }
  return on;
}

void print_counts(const std::map<std::string, std::size_t>& counts) {
  std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
  // The most frequent first, ties in the names' order.
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [name, count] : sorted) std::printf("    %-32s %zu\n", name.c_str(), count);
}

// XOR: the hidden units must recode the inputs so that XOR becomes linearly separable. With two
// hidden units (thresholded at 1/2) that means codes that the patterns mapped to 1 never share
// with those mapped to 0; with one hidden unit beside direct links, a unit that singles out one
// corner of the square (on for exactly one or exactly three patterns), such as the chapter's AND.
void run_xor(std::size_t seeds) {
  using classic::xor_patterns;
  {
    const auto result = train_seeds<classic::xor_two_hidden>(
        xor_patterns, classic::xor_learning_rate, classic::xor_max_sweeps, seeds);
    report_learning("XOR, 2-2-1 (no direct links)", result, xor_patterns,
                    classic::xor_learning_rate, classic::xor_max_sweeps);
    std::map<std::string, std::size_t> pairs;
    bool separated = true;
    for (const auto& learned : result.learned) {
      auto on = hidden_functions(learned.run.params);
      std::vector<std::string> names{function_name(on[0]), function_name(on[1])};
      std::sort(names.begin(), names.end());
      ++pairs[names[0] + " / " + names[1]];
      for (std::size_t one : {1, 2})
        for (std::size_t zero : {0, 3})
          separated = separated && (on[0][one] != on[0][zero] || on[1][one] != on[1][zero]);
    }
    std::printf("  the hidden units compute (on above 1/2), runs:\n");
    print_counts(pairs);
    check_learned_count(result.learned.size(), seeds, 95, 99);
    check(separated,
          "in every learned run the hidden code (each unit above or below 1/2) of 01 and of 10 "
          "differs from that of 00 and of 11");
  }
  {
    const auto result = train_seeds<classic::xor_direct>(xor_patterns, classic::xor_learning_rate,
                                                         classic::xor_max_sweeps, seeds);
    report_learning("\nXOR, 2-1-1 with direct links from the inputs to the output", result,
                    xor_patterns, classic::xor_learning_rate, classic::xor_max_sweeps);
    std::map<std::string, std::size_t> functions;
    bool one_corner = true;
    for (const auto& learned : result.learned) {
      const std::string on = hidden_functions(learned.run.params)[0];
      ++functions[function_name(on)];
      const auto ones = std::count(on.begin(), on.end(), '1');
      one_corner = one_corner && (ones == 1 || ones == 3);
    }
    std::printf("  the hidden unit computes (on above 1/2), runs:\n");
    print_counts(functions);
    check_learned_count(result.learned.size(), seeds, 95, 100);
    check(one_corner,
          "in every learned run the hidden unit is on for exactly one or exactly three patterns");
  }
}

// Symmetry (the Nature paper's Figure 1): the paper's network gives each hidden unit weights of
// equal magnitude and opposite sign on mirror-image inputs, so that a palindrome sends it no net
// input and its negative bias keeps it off; the two units' weights are the negatives of each
// other, so that every other pattern turns exactly one of them on, which turns the output off; and
// the three magnitudes on each side are in ratio 1:2:4, so that no two halves other than mirror
// images balance. Each of these is measured here on every learned run.
void run_symmetry(std::size_t seeds) {
  using classic::symmetry_patterns;
  using Net = classic::symmetry_net;
  const auto result = train_seeds<Net>(symmetry_patterns, classic::symmetry_learning_rate,
                                       classic::symmetry_max_sweeps, seeds);
  report_learning("Symmetry, 6-2-1: is the 6-bit input a palindrome?", result, symmetry_patterns,
                  classic::symmetry_learning_rate, classic::symmetry_max_sweeps);
  std::size_t silent = 0;
  for (const auto& stuck : result.not_learned) {
    bool all_no = true;
    for (std::size_t n = 0; n < 64; ++n)
      all_no = all_no && ctnn::predict(stuck.run.params, symmetry_patterns.inputs[n])[0] < 0.5;
    silent += all_no;
  }
  if (!result.not_learned.empty())
    std::printf("  of those not learned, %zu answer \"no\" (below 1/2) for every pattern\n",
                silent);

  double mirror = 0, opposite = 0;  // the largest relative deviations
  std::size_t signs = 0, codes = 0, ratio_1_2_4 = 0, ratio_1_1_5_2 = 0;
  for (const auto& learned : result.learned) {
    const auto& p = learned.run.params;
    for (std::size_t j = 0; j < 2; ++j)
      for (std::size_t i = 0; i < 6; ++i) {
        const double w = p.weight<1>(j, i);
        mirror = std::max(mirror, std::abs(w + p.weight<1>(j, 5 - i)) / std::abs(w));
        opposite = std::max(opposite, std::abs(w + p.weight<1>(1 - j, i)) / std::abs(w));
      }
    signs += p.bias<1>(0) < 0 && p.bias<1>(1) < 0 && p.weight<2>(0, 0) < 0 &&
             p.weight<2>(0, 1) < 0 && p.bias<2>(0) > 0;
    bool coded = true;
    for (std::size_t n = 0; n < 64; ++n) {
      const auto h = hidden(p, symmetry_patterns, n);
      const int on = (h[0] > 0.5) + (h[1] > 0.5);
      coded = coded && on == (symmetry_patterns.targets[n][0] == 1 ? 0 : 1);
    }
    codes += coded;
    // The magnitude of each mirror pair, averaged over its four weights, smallest first.
    double magnitude[3];
    for (std::size_t i = 0; i < 3; ++i)
      magnitude[i] = (std::abs(p.weight<1>(0, i)) + std::abs(p.weight<1>(0, 5 - i)) +
                      std::abs(p.weight<1>(1, i)) + std::abs(p.weight<1>(1, 5 - i))) /
                     4;
    std::sort(magnitude, magnitude + 3);
    const auto near = [](double ratio, double expected) {
      return std::abs(ratio - expected) <= 0.05 * expected;
    };
    const double second = magnitude[1] / magnitude[0], third = magnitude[2] / magnitude[0];
    ratio_1_2_4 += near(second, 2) && near(third, 4);
    ratio_1_1_5_2 += near(second, 1.5) && near(third, 2);
  }
  const std::size_t learned = result.learned.size();
  std::printf("  in the %zu learned runs:\n", learned);
  std::printf(
      "    each hidden unit's weights on mirror-image inputs are equal and opposite, "
      "|w_i + w_(5-i)| <= %.2f%% of |w_i|\n",
      100 * mirror);
  std::printf(
      "    the two hidden units' weights are each other's negatives, |w_1i + w_2i| <= "
      "%.1f%% of |w_1i|\n",
      100 * opposite);
  std::printf("    hidden biases and output weights negative, output bias positive: %zu\n", signs);
  std::printf(
      "    a palindrome leaves both hidden units off (below 1/2), any other pattern turns "
      "exactly one on: %zu\n",
      codes);
  std::printf(
      "    the three magnitudes on each side, smallest first, in ratio 1:2:4 (within "
      "5%%): %zu; 1:1.5:2: %zu; other: %zu\n",
      ratio_1_2_4, ratio_1_1_5_2, learned - ratio_1_2_4 - ratio_1_1_5_2);
  check_learned_count(learned, seeds, 85, 90);
  check(mirror <= 0.01, "every learned run's hidden weights are mirror-antisymmetric within 1%");
  check(opposite <= 0.2, "every learned run's two hidden units are opposite within 20%");
  check(signs == learned,
        "every learned run has negative hidden biases and output weights and a "
        "positive output bias");
  check(codes == learned,
        "every learned run turns no hidden unit on for a palindrome and exactly "
        "one for any other pattern");
  check_over_default_seeds(seeds, 2 * ratio_1_2_4 > learned,
                           "most learned runs have the paper's ratio 1:2:4");
}

// The 4-2-4 encoder: four patterns through two hidden units need four distinct hidden codes, and
// the corners of the square are four; but a run may settle, when it reaches the criterion, on a
// code with a unit near 1/2 for one pattern.
void run_encoder(std::size_t seeds) {
  using classic::encoder_patterns;
  const auto result = train_seeds<classic::encoder_net>(
      encoder_patterns, classic::encoder_learning_rate, classic::encoder_max_sweeps, seeds);
  report_learning("4-2-4 encoder", result, encoder_patterns, classic::encoder_learning_rate,
                  classic::encoder_max_sweeps);
  std::size_t corners = 0;
  double closest = 2;                // the smallest distance between two patterns' hidden codes
  double farthest_from_corners = 0;  // over the runs not on four corners, the largest of each
                                     // run's smallest |h - 1/2|
  for (const auto& learned : result.learned) {
    std::vector<std::vector<double>> codes;
    std::vector<int> corner;
    double nearest_half = 1;
    for (std::size_t n = 0; n < 4; ++n) {
      codes.push_back(hidden(learned.run.params, encoder_patterns, n));
      corner.push_back(2 * (codes[n][0] > 0.5) + (codes[n][1] > 0.5));
      for (const double h : codes[n]) nearest_half = std::min(nearest_half, std::abs(h - 0.5));
    }
    for (std::size_t a = 0; a < 4; ++a)
      for (std::size_t b = a + 1; b < 4; ++b)
        closest =
            std::min(closest, std::hypot(codes[a][0] - codes[b][0], codes[a][1] - codes[b][1]));
    std::sort(corner.begin(), corner.end());
    if (std::unique(corner.begin(), corner.end()) == corner.end())
      ++corners;
    else
      farthest_from_corners = std::max(farthest_from_corners, nearest_half);
    if (&learned == &result.learned.front()) {
      std::printf("  seed %llu's hidden codes:", static_cast<unsigned long long>(learned.seed));
      for (std::size_t n = 0; n < 4; ++n)
        std::printf(" pattern %zu (%.2f, %.2f)%s", n + 1, codes[n][0], codes[n][1],
                    n < 3 ? "," : "\n");
    }
  }
  const std::size_t learned = result.learned.size();
  std::printf(
      "  runs whose four codes are four corners of the square (each unit above or below 1/2): %zu "
      "of %zu\n",
      corners, learned);
  if (corners < learned)
    std::printf("  each of the others gives a pattern a unit within %.2f of 1/2\n",
                farthest_from_corners);
  std::printf("  the closest two codes of a run are %.2f apart\n", closest);
  check_learned_count(learned, seeds, 95, 100);
  check(closest > 0.3, "every learned run gives the four patterns hidden codes at least 0.3 apart");
  check_over_default_seeds(seeds, 2 * corners > learned, "most learned runs use four corners");
}

// 4-bit parity with four hidden units. The chapter's solution has hidden units that count: each
// reads every input with the same weight, the k-th comes on once k inputs are on, and the output
// weights alternate in sign, so that an odd count turns the output on. The learned runs are
// measured for each part of that: whether every hidden unit reads the inputs with one pattern of
// signs (counting the same inputs, or the complements of some, as NOT x2), whether each unit's
// output then depends on that count alone, and whether, thresholded at 1/2, the units switch at
// four different counts with output weights of alternating sign (the chapter's code).
struct parity_units {
  std::vector<bool> read_inverted;  // the count reads NOT x_i rather than x_i
  bool share_signs = true;          // every unit's weights have the signs of +-(the count's)
  double spread = 0;  // the largest range of a unit's outputs over patterns of one count
  // Each unit switches once along the count, at a count of its own, and the output weights
  // alternate in sign in that order.
  bool chapters_code = false;
  std::vector<std::size_t> switch_at;  // the count at which each unit crosses 1/2, if it does once
  std::vector<bool> on_above;          // whether it is on from that count up, or below it
};

parity_units analyse_parity(const ctnn::parameters<classic::parity_net, double>& p) {
  // The count's signs are those of the unit with the largest weights, x0 read as it is.
  std::size_t largest = 0;
  double largest_sum = 0;
  for (std::size_t j = 0; j < 4; ++j) {
    double sum = 0;
    for (std::size_t i = 0; i < 4; ++i) sum += std::abs(p.weight<1>(j, i));
    if (sum > largest_sum) largest_sum = sum, largest = j;
  }
  parity_units units;
  const auto negative = [&](std::size_t j, std::size_t i) { return p.weight<1>(j, i) < 0; };
  for (std::size_t i = 0; i < 4; ++i)
    units.read_inverted.push_back(negative(largest, i) != negative(largest, 0));
  for (std::size_t j = 0; j < 4; ++j)
    for (std::size_t i = 0; i < 4; ++i)
      units.share_signs = units.share_signs && (negative(j, i) != units.read_inverted[i]) ==
                                                   (negative(j, 0) != units.read_inverted[0]);
  // Each unit's lowest and highest output over the patterns of each count.
  double lowest[4][5], highest[4][5];
  for (std::size_t j = 0; j < 4; ++j) std::fill(lowest[j], lowest[j] + 5, 1.0);
  for (std::size_t j = 0; j < 4; ++j) std::fill(highest[j], highest[j] + 5, 0.0);
  for (std::size_t n = 0; n < 16; ++n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < 4; ++i)
      count += (classic::parity_patterns.inputs[n][i] > 0.5) != units.read_inverted[i];
    const auto h = hidden(p, classic::parity_patterns, n);
    for (std::size_t j = 0; j < 4; ++j) {
      lowest[j][count] = std::min(lowest[j][count], h[j]);
      highest[j][count] = std::max(highest[j][count], h[j]);
    }
  }
  bool switch_taken[5] = {};
  double output_weight_at[5] = {};
  units.chapters_code = true;
  for (std::size_t j = 0; j < 4; ++j) {
    std::size_t switches = 0, at = 0;
    for (std::size_t count = 0; count <= 4; ++count) {
      units.spread = std::max(units.spread, highest[j][count] - lowest[j][count]);
      const bool on = lowest[j][count] > 0.5, off = highest[j][count] < 0.5;
      units.chapters_code = units.chapters_code && (on || off);
      if (count > 0 && on != (lowest[j][count - 1] > 0.5)) ++switches, at = count;
    }
    const bool on_above = lowest[j][4] > 0.5;
    units.switch_at.push_back(at);
    units.on_above.push_back(on_above);
    units.chapters_code = units.chapters_code && switches == 1 && !switch_taken[at];
    switch_taken[at] = true;
    // A unit on below its count is 1 minus one on above it: its output weight counts negated.
    output_weight_at[at] = on_above ? p.weight<2>(0, j) : -p.weight<2>(0, j);
  }
  for (std::size_t count = 2; count <= 4; ++count)
    units.chapters_code =
        units.chapters_code && (output_weight_at[count] > 0) != (output_weight_at[count - 1] > 0);
  return units;
}

void run_parity(std::size_t seeds) {
  using classic::parity_patterns;
  const auto result = train_seeds<classic::parity_net>(
      parity_patterns, classic::parity_learning_rate, classic::parity_max_sweeps, seeds);
  report_learning("4-bit parity, 4-4-1", result, parity_patterns, classic::parity_learning_rate,
                  classic::parity_max_sweeps);
  const std::size_t learned = result.learned.size();
  std::size_t within_20000 = 0, all_within_band = 0, shared = 0, counting = 0, chapters_code = 0;
  double counting_spread = 0;
  for (const auto& run : result.learned) {
    within_20000 += run.run.epochs_trained <= 20000;
    bool within_band = true;
    for (std::size_t n = 0; n < 16; ++n)
      within_band =
          within_band && std::abs(ctnn::predict(run.run.params, parity_patterns.inputs[n])[0] -
                                  parity_patterns.targets[n][0]) < classic::band;
    all_within_band += within_band;
    const parity_units units = analyse_parity(run.run.params);
    shared += units.share_signs;
    if (units.share_signs && units.spread <= 0.3) {
      ++counting;
      counting_spread = std::max(counting_spread, units.spread);
    }
    chapters_code += units.share_signs && units.chapters_code;
    if (units.share_signs && units.chapters_code && chapters_code == 1) {
      std::printf("  the chapter's code, seed %llu: counting",
                  static_cast<unsigned long long>(run.seed));
      for (std::size_t i = 0; i < 4; ++i)
        std::printf(" %sx%zu", units.read_inverted[i] ? "NOT " : "", i);
      std::printf(", its units are on");
      for (std::size_t j = 0; j < 4; ++j)
        std::printf(" %s %zu%s", units.on_above[j] ? "from" : "below", units.switch_at[j],
                    j < 3 ? "," : "\n");
    }
  }
  std::printf("  learned within 20000 sweeps: %zu\n", within_20000);
  std::printf("  in the %zu learned runs:\n", learned);
  std::printf(
      "    every hidden unit reads the inputs with one pattern of signs (up to its own), "
      "counting the same inputs: %zu\n",
      shared);
  std::printf("    and each unit's output depends on that count alone (within %.2f): %zu\n",
              counting_spread, counting);
  std::printf(
      "    and, above or below 1/2, the units switch at four counts with output weights of "
      "alternating sign, the chapter's code: %zu\n",
      chapters_code);
  check_learned_count(learned, seeds, 85, 94);
  check(all_within_band == learned,
        "every learned run's 16 outputs are within " + number(classic::band) + " of their targets");
  check(counting == shared,
        "in every learned run whose units share one pattern of signs, each unit's output depends "
        "on the count alone, within 0.3");
  check_over_default_seeds(seeds, 2 * counting > learned, "most learned runs count");
}

int usage() {
  std::fprintf(stderr, "usage: classic xor|symmetry|encoder|parity [--seeds N]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 4) return usage();
  std::size_t seeds = default_seeds;
  if (argc == 4) {
    if (std::string_view(argv[2]) != "--seeds") return usage();
    char* end = nullptr;
    seeds = std::strtoull(argv[3], &end, 10);
    if (*end != '\0' || seeds == 0) return usage();
  }
  const std::string_view experiment = argv[1];
  if (experiment == "xor")
    run_xor(seeds);
  else if (experiment == "symmetry")
    run_symmetry(seeds);
  else if (experiment == "encoder")
    run_encoder(seeds);
  else if (experiment == "parity")
    run_parity(seeds);
  else
    return usage();
  return all_held ? EXIT_SUCCESS : EXIT_FAILURE;
}
