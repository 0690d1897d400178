// The sweep's summary: solved fractions, when runs became solved, and the solutions they found.
// SPDX-License-Identifier: BSL-1.0
#include "sweep_result.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace ctnn_train {

std::size_t percentile(std::vector<std::size_t> values, double p) {
  if (values.empty()) throw std::invalid_argument("percentile of no values");
  std::sort(values.begin(), values.end());
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

std::vector<double> solved_fraction(const sweep_result& result) {
  std::vector<double> fraction;
  fraction.reserve(result.solved_after_epoch.size());
  const double runs = static_cast<double>(std::max<std::size_t>(result.runs.size(), 1));
  for (std::size_t count : result.solved_after_epoch)
    fraction.push_back(static_cast<double>(count) / runs);
  return fraction;
}

namespace {

std::string share(std::size_t count, std::size_t total) {
  return fmt::format(
      "{:>6} of {}  {:>5.1f}%", count, total,
      total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total));
}

std::string seed_list(const std::vector<std::uint64_t>& seeds) {
  constexpr std::size_t shown = 8;
  std::string list;
  for (std::size_t i = 0; i < std::min(seeds.size(), shown); ++i)
    list += fmt::format("{}{}", i == 0 ? "" : ", ", seeds[i]);
  if (seeds.size() > shown) list += ", ...";
  return list;
}

}  // namespace

void print_sweep(std::ostream& out, std::string_view task, std::string_view scalar,
                 const sweep_settings& settings, const sweep_result& result) {
  const std::size_t total = result.runs.size();
  std::size_t side = 0, within_0_2 = 0, within_0_1 = 0, diverged = 0;
  std::vector<std::size_t> solved_from;
  std::map<std::string, std::vector<std::uint64_t>> families;
  for (const sweep_run& run : result.runs) {
    side += run.result.solved();
    within_0_2 += run.result.within_0_2 == run.result.patterns;
    within_0_1 += run.result.within_0_1 == run.result.patterns;
    diverged += run.diverged_at.has_value();
    if (run.solved_from) solved_from.push_back(*run.solved_from);
    if (!run.family.empty()) families[run.family].push_back(run.seed);
  }
  out << fmt::format("ctnn-train sweep {}: {} runs, seeds {} .. {}\n", task, total,
                     settings.base_seed, settings.base_seed + (total == 0 ? 0 : total - 1));
  out << fmt::format(
      "  settings       learning rate {}, {} epochs, {}, {} threads, lanes on {}\n\n",
      settings.learning_rate, settings.epochs, scalar, result.threads,
      ctnn::name(settings.instructions));

  out << "Runs solved at the end, every output ...\n";
  out << fmt::format("  on the correct side of 0.5    {}\n", share(side, total));
  out << fmt::format("  within 0.2 of its target      {}\n", share(within_0_2, total));
  out << fmt::format("  within 0.1 of its target      {}\n", share(within_0_1, total));
  if (diverged > 0)
    out << fmt::format("  diverged                      {}\n", share(diverged, total));
  out << '\n';

  out << "Epoch at which a run became solved (the first epoch after which every output stays on\n"
         "the correct side of 0.5 to the end; runs solved at the end)\n";
  if (solved_from.empty()) {
    out << "  no run was solved\n\n";
  } else {
    out << fmt::format(
        "  10th percentile {}   median {}   90th percentile {}   (nearest rank, {} runs)\n\n",
        percentile(solved_from, 10), percentile(solved_from, 50), percentile(solved_from, 90),
        solved_from.size());
  }

  if (!result.solved_after_epoch.empty()) {
    out << "Fraction of runs solved after epoch\n  ";
    const std::size_t epochs = result.solved_after_epoch.size();
    const std::size_t step = std::max<std::size_t>(1, epochs / 8);
    std::size_t printed = 0;
    for (std::size_t e = 0; e < epochs; e += step, ++printed)
      out << fmt::format("{}{}: {:.1f}%", printed == 0 ? "" : "   ", e,
                         100.0 * static_cast<double>(result.solved_after_epoch[e]) /
                             static_cast<double>(std::max<std::size_t>(total, 1)));
    out << fmt::format("   {}: {:.1f}%\n\n", epochs - 1,
                       100.0 * static_cast<double>(result.solved_after_epoch.back()) /
                           static_cast<double>(std::max<std::size_t>(total, 1)));
  }

  if (!families.empty()) {
    std::vector<std::pair<std::string, std::vector<std::uint64_t>>> solutions, stuck;
    for (auto& [family, seeds] : families)
      (family.rfind("h = ", 0) == 0 ? solutions : stuck).emplace_back(family, seeds);
    const auto by_count = [](const auto& a, const auto& b) {
      return a.second.size() != b.second.size() ? a.second.size() > b.second.size()
                                                : a.first < b.first;
    };
    std::sort(solutions.begin(), solutions.end(), by_count);
    std::sort(stuck.begin(), stuck.end(), by_count);
    out << "Solution families (the hidden unit's function, and its effect on the output)\n";
    for (const auto& [family, seeds] : solutions)
      out << fmt::format("  {:>6}  {:<50}  seeds {}\n", seeds.size(), family, seed_list(seeds));
    if (solutions.empty()) out << "  none\n";
    out << "\nRuns not solved, or on the plateau near 0.5 (on its correct side only by chance)\n";
    for (const auto& [family, seeds] : stuck)
      out << fmt::format("  {:>6}  {:<50}  seeds {}\n", seeds.size(), family, seed_list(seeds));
    if (stuck.empty()) out << "  none\n";
    out << '\n';
  }
}

std::string sweep_verdict(std::string_view task, const sweep_result& result) {
  const std::size_t total = result.runs.size();
  std::size_t side = 0, within_0_1 = 0;
  for (const sweep_run& run : result.runs) {
    side += run.result.solved();
    within_0_1 += run.result.within_0_1 == run.result.patterns;
  }
  return fmt::format(
      "sweep {}: {:.1f}% solved ({} of {} runs on the correct side of 0.5; {} within 0.1)\n", task,
      total == 0 ? 0.0 : 100.0 * static_cast<double>(side) / static_cast<double>(total), side,
      total, within_0_1);
}

}  // namespace ctnn_train
