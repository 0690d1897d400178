// The learning-rate grid: --learning-rates' parser, the summary, the heat map and the CSV files.
// SPDX-License-Identifier: BSL-1.0
#include "rate_grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "arguments.hpp"
#include "errors.hpp"
#include "svg.hpp"
#include "sweep_pages.hpp"

namespace ctnn_train {

namespace {

constexpr std::string_view expected_forms =
    "expected a list of numbers (0.01,0.1,1) or a logarithmic range first:last:count (0.01:2:40)";

[[noreturn]] void reject(const std::string& message) {
  throw input_error(fmt::format("--learning-rates: {}", message));
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t begin = 0;;) {
    const std::size_t end = text.find(separator, begin);
    parts.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

/// `item` quoted for a message, with where it stands in `text` when it is not all of it.
std::string quoted(std::string_view item, std::string_view where, std::string_view text) {
  if (item == text) return fmt::format("'{}'", printable(item));
  return fmt::format("'{}' ({} of '{}')", printable(item), where, printable(text));
}

/// `item`, the rate `where` says of `text`, as --learning-rate parses its value; a rate that float
/// rounds to 0 would train nothing, and one beyond float's range would be infinite.
double parse_rate(std::string_view item, std::string_view where, std::string_view text,
                  bool single_precision) {
  double rate = 0;
  const char* const end = item.data() + item.size();
  const auto [stop, error] = std::from_chars(item.data(), end, rate);
  if (item.empty() || stop != end || error == std::errc::invalid_argument) {
    const std::string_view spaces =
        text.find_first_of(" \t") != std::string_view::npos ? "; write it without spaces" : "";
    // A text that is one item and no number is neither a list nor a range.
    if (item == text)
      reject(fmt::format("{}, got '{}'{}", expected_forms, printable(text), spaces));
    reject(fmt::format("expected a number, got {}{}", quoted(item, where, text), spaces));
  }
  if (error == std::errc::result_out_of_range || !std::isfinite(rate) || rate <= 0)
    reject(fmt::format("each rate must be a finite number greater than 0, got {}",
                       quoted(item, where, text)));
  if (single_precision) {
    const float in_float = static_cast<float>(rate);
    if (in_float == 0)
      reject(fmt::format(
          "{} is 0 in float, which would train nothing (float's smallest is {:g}); use --scalar "
          "double",
          quoted(item, where, text), std::numeric_limits<float>::denorm_min()));
    if (!std::isfinite(in_float))
      reject(fmt::format("{} is beyond float's range (largest {:g}); use --scalar double",
                         quoted(item, where, text), std::numeric_limits<float>::max()));
  }
  return rate;
}

std::vector<double> parse_range(std::string_view text, bool single_precision) {
  const std::vector<std::string_view> parts = split(text, ':');
  if (parts.size() != 3)
    reject(fmt::format("a logarithmic range is first:last:count (0.01:2:40), got '{}'",
                       printable(text)));
  const double first = parse_rate(parts[0], "the first rate", text, single_precision);
  const double last = parse_rate(parts[1], "the last rate", text, single_precision);
  std::uint64_t count = 0;
  const std::string_view count_text = parts[2];
  const char* const end = count_text.data() + count_text.size();
  const auto [stop, error] = std::from_chars(count_text.data(), end, count);
  if (count_text.empty() || stop != end || error != std::errc() || count < 2 ||
      count > max_learning_rates)
    reject(fmt::format("a range's count must be a whole number from 2 to {}, got {}",
                       max_learning_rates, quoted(count_text, "the count", text)));
  if (!(first < last))
    reject(fmt::format("a range first:last:count must rise (first < last), got '{}'",
                       printable(text)));

  std::vector<double> rates(count);
  const double ratio = last / first;
  const double log_first = std::log(first), log_last = std::log(last);
  for (std::size_t i = 1; i + 1 < count; ++i) {
    const double t = static_cast<double>(i) / (static_cast<double>(count) - 1.0);
    // A range wider than double's (1e-300:1e300) overflows the ratio, not its logarithm.
    rates[i] = std::isfinite(ratio) ? first * std::pow(ratio, t)
                                    : std::exp(log_first + t * (log_last - log_first));
  }
  rates.front() = first;
  rates.back() = last;
  // Each rate between the ends with as few significant digits as keep them all apart, at least
  // 4: the table reads 0.01146, not 0.011455149701087122, and that is the rate trained, which
  // `--learning-rate 0.01146` reproduces. The steps stay equal in log to within 5e-4.
  for (int digits = 4; digits <= 17; ++digits) {
    std::vector<double> rounded = rates;
    for (std::size_t i = 1; i + 1 < count; ++i) {
      const std::string text = fmt::format("{:.{}g}", rates[i], digits);
      std::from_chars(text.data(), text.data() + text.size(), rounded[i]);
    }
    if (std::adjacent_find(rounded.begin(), rounded.end(), std::greater_equal<>()) ==
            rounded.end() ||
        digits == 17) {
      rates = std::move(rounded);
      break;
    }
  }
  // Neighbours closer than the scalar type's precision would train the same rate twice.
  for (std::size_t i = 1; i < count; ++i) {
    if (!(rates[i - 1] < rates[i]))
      reject(fmt::format("'{}' gives the same rate twice; use fewer rates or a wider range",
                         printable(text)));
    if (single_precision && !(static_cast<float>(rates[i - 1]) < static_cast<float>(rates[i])))
      reject(fmt::format(
          "'{}' gives the same rate twice in float; use fewer rates, a wider range or --scalar "
          "double",
          printable(text)));
  }
  return rates;
}

std::vector<double> parse_list(std::string_view text, bool single_precision) {
  const std::vector<std::string_view> items = split(text, ',');
  if (items.size() > max_learning_rates)
    reject(fmt::format("at most {} rates, got {}", max_learning_rates, items.size()));
  std::vector<std::pair<double, std::size_t>> rates;  // each with its place in the list
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].empty())
      reject(fmt::format(
          "rate {} of '{}' is empty; separate the rates by single commas, none at either end",
          i + 1, printable(text)));
    rates.emplace_back(parse_rate(items[i], fmt::format("rate {}", i + 1), text, single_precision),
                       i);
  }
  std::sort(rates.begin(), rates.end());
  for (std::size_t i = 1; i < rates.size(); ++i) {
    const auto& [low, low_place] = rates[i - 1];
    const auto& [high, high_place] = rates[i];
    const std::size_t first_place = std::min(low_place, high_place);
    const std::size_t second_place = std::max(low_place, high_place);
    if (low == high)
      reject(fmt::format("{} is given twice, as rate {} ('{}') and rate {} ('{}') of '{}'", low,
                         first_place + 1, printable(items[first_place]), second_place + 1,
                         printable(items[second_place]), printable(text)));
    if (single_precision && static_cast<float>(low) == static_cast<float>(high))
      reject(fmt::format(
          "rate {} ('{}') and rate {} ('{}') of '{}' are the same rate in float; drop one or use "
          "--scalar double",
          first_place + 1, printable(items[first_place]), second_place + 1,
          printable(items[second_place]), printable(text)));
  }
  std::vector<double> sorted;
  for (const auto& [rate, place] : rates) sorted.push_back(rate);
  return sorted;
}

/// What a rate's sweep came to.
struct rate_summary {
  std::size_t runs = 0, correct_side = 0, within_0_2 = 0, within_0_1 = 0, diverged = 0;
  /// Runs neither solved nor diverged: the stuck column of tasks without families.
  std::size_t not_solved = 0;
  std::optional<std::size_t> median_solved_epoch;
  std::map<std::string, std::size_t, std::less<>> stuck;
};

/// Every rate's summary, and the stuck kinds that occur anywhere, most frequent first.
struct grid_summary {
  std::vector<rate_summary> rates;
  std::vector<std::string> stuck_kinds;
  std::size_t runs = 0, epochs = 0;
};

constexpr std::string_view stuck_prefix = "stuck: ";

void check_grid(const rate_grid_result& grid) {
  if (grid.rates.size() != grid.sweeps.size())
    throw std::invalid_argument(fmt::format("a rate grid of {} rates holds {} sweeps",
                                            grid.rates.size(), grid.sweeps.size()));
  for (const sweep_result& sweep : grid.sweeps) {
    if (sweep.runs.size() != grid.sweeps.front().runs.size() ||
        sweep.solved_after_epoch.size() != grid.sweeps.front().solved_after_epoch.size())
      throw std::invalid_argument("a rate grid's sweeps differ in their runs or epochs");
  }
}

grid_summary summarize(const rate_grid_result& grid) {
  check_grid(grid);
  grid_summary summary;
  if (!grid.sweeps.empty()) {
    summary.runs = grid.sweeps.front().runs.size();
    summary.epochs = grid.sweeps.front().solved_after_epoch.size();
  }
  std::map<std::string, std::size_t> kind_totals;
  for (const sweep_result& sweep : grid.sweeps) {
    rate_summary rate;
    rate.runs = sweep.runs.size();
    std::vector<std::size_t> solved_from;
    for (const sweep_run& run : sweep.runs) {
      const bool solved = run.result.solved();
      rate.correct_side += solved;
      rate.within_0_2 += run.result.within_0_2 == run.result.patterns;
      rate.within_0_1 += run.result.within_0_1 == run.result.patterns;
      rate.diverged += run.diverged_at.has_value();
      rate.not_solved += !solved && !run.diverged_at;
      if (run.solved_from) solved_from.push_back(*run.solved_from);
      if (run.family.starts_with(stuck_prefix)) {
        ++rate.stuck[run.family];
        ++kind_totals[run.family];
      }
    }
    if (!solved_from.empty()) rate.median_solved_epoch = percentile(solved_from, 50);
    summary.rates.push_back(std::move(rate));
  }
  std::vector<std::pair<std::string, std::size_t>> kinds(kind_totals.begin(), kind_totals.end());
  std::sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (auto& [kind, total] : kinds) summary.stuck_kinds.push_back(std::move(kind));
  return summary;
}

std::size_t stuck_count(const rate_summary& rate, std::string_view kind) {
  const auto found = rate.stuck.find(kind);
  return found == rate.stuck.end() ? 0 : found->second;
}

double percent(std::size_t count, std::size_t total) {
  return total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total);
}

/// At least `percent_wanted`% of the rate's runs on the correct side, counted exactly.
bool solves_at_least(const rate_summary& rate, std::size_t percent_wanted) {
  return rate.runs > 0 && rate.correct_side * 100 >= percent_wanted * rate.runs;
}

/// The rate with the most runs solved; ties go to the lower median epoch, then the lower rate.
std::optional<std::size_t> most_solved(const grid_summary& summary) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < summary.rates.size(); ++i) {
    const rate_summary& rate = summary.rates[i];
    if (rate.correct_side == 0) continue;
    if (!best) {
      best = i;
      continue;
    }
    const rate_summary& so_far = summary.rates[*best];
    // No median (nothing trained) is the slowest.
    const std::size_t none = SIZE_MAX;
    if (rate.correct_side > so_far.correct_side ||
        (rate.correct_side == so_far.correct_side &&
         rate.median_solved_epoch.value_or(none) < so_far.median_solved_epoch.value_or(none)))
      best = i;
  }
  return best;
}

/// The rate with the lowest median epoch of those solving at least 90% of runs; ties go to the
/// one solving more, then the lower rate.
std::optional<std::size_t> fastest_solving_90(const grid_summary& summary) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < summary.rates.size(); ++i) {
    const rate_summary& rate = summary.rates[i];
    if (!solves_at_least(rate, 90) || !rate.median_solved_epoch) continue;
    if (!best) {
      best = i;
      continue;
    }
    const rate_summary& so_far = summary.rates[*best];
    if (*rate.median_solved_epoch < *so_far.median_solved_epoch ||
        (*rate.median_solved_epoch == *so_far.median_solved_epoch &&
         rate.correct_side > so_far.correct_side))
      best = i;
  }
  return best;
}

/// The rates at which `holds`, as runs of neighbouring rates: "0.5 .. 1.8", "0.01", ...
std::vector<std::string> rate_spans(const std::vector<double>& rates,
                                    const std::vector<bool>& holds) {
  std::vector<std::string> spans;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    if (!holds[i]) continue;
    std::size_t last = i;
    while (last + 1 < rates.size() && holds[last + 1]) ++last;
    spans.push_back(last == i ? fmt::format("{}", rates[i])
                              : fmt::format("{} .. {}", rates[i], rates[last]));
    i = last;
  }
  return spans;
}

/// A findings line: the label, then `items` joined by commas, wrapped under the first item so
/// that no line reaches 100 characters.
std::string finding(std::string_view label, const std::vector<std::string>& items) {
  constexpr std::size_t indent = 38, limit = 99;
  std::string text = fmt::format("  {:<{}}", label, indent - 2);
  std::size_t column = text.size();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
    if (i > 0 && column + 1 + item.size() > limit) {
      text += fmt::format("\n{:{}}", "", indent);
      column = indent;
    } else if (i > 0) {
      text += ' ';
      ++column;
    }
    text += item;
    column += item.size();
  }
  return text + '\n';
}

/// A stuck kind as a column heading: "stuck: 01 saturated on the wrong side" is "01 saturated".
std::string short_kind(std::string_view kind) {
  if (kind.starts_with(stuck_prefix)) kind.remove_prefix(stuck_prefix.size());
  std::string name(kind);
  const auto replace = [&](std::string_view long_form, std::string_view short_form) {
    for (auto at = name.find(long_form); at != std::string::npos; at = name.find(long_form, at))
      name.replace(at, long_form.size(), short_form);
  };
  replace("plateau near 0.5", "plateau");
  replace(" saturated on the wrong side", " saturated");
  replace(" on the wrong side", " wrong");
  replace(", ", ",");
  return name;
}

/// A stuck kind as a CSV column name: "stuck: plateau near 0.5" is stuck_plateau_near_0_5.
std::string snake_case(std::string_view text) {
  std::string name;
  for (const char c : text) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (word) {
      name += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  if (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

std::string rates_named(std::size_t count) {
  return fmt::format("{} learning rate{}", count, count == 1 ? "" : "s");
}

std::string median_text(const rate_summary& rate) {
  return rate.median_solved_epoch ? fmt::format("{}", *rate.median_solved_epoch) : "-";
}

/// A column of stuck runs in the summary's table: those of one kind, or of several ("other").
struct stuck_column {
  std::string heading;
  std::vector<std::string> kinds;
  std::size_t width = 0;
};

/// A column per stuck kind while the table's lines stay under 100 characters (`used` of them
/// taken): kinds come most frequent first, and from the first that does not fit, the rest share
/// a column "other". Without kinds, one column of the runs not solved.
std::vector<stuck_column> stuck_columns(const grid_summary& summary, std::size_t used) {
  constexpr std::size_t limit = 99;
  const std::size_t count_width = fmt::format("{}", summary.runs).size();
  const auto width_of = [&](std::string_view heading) {
    return std::max(heading.size(), count_width);
  };
  if (summary.stuck_kinds.empty()) return {{"not solved", {}, width_of("not solved")}};
  std::size_t needed = used;
  for (const std::string& kind : summary.stuck_kinds) needed += 2 + width_of(short_kind(kind));
  const std::size_t reserve = needed <= limit ? 0 : 2 + width_of("other");
  std::vector<stuck_column> columns;
  stuck_column other{"other", {}, width_of("other")};
  for (const std::string& kind : summary.stuck_kinds) {
    const std::string heading = short_kind(kind);
    if (other.kinds.empty() && used + 2 + width_of(heading) + reserve <= limit) {
      columns.push_back({heading, {kind}, width_of(heading)});
      used += 2 + width_of(heading);
    } else {
      other.kinds.push_back(kind);
    }
  }
  if (!other.kinds.empty()) columns.push_back(std::move(other));
  return columns;
}

void print_table(std::ostream& out, const rate_grid_result& grid, const grid_summary& summary) {
  const bool has_kinds = !summary.stuck_kinds.empty();
  out << "Runs at the end, by learning rate: the share with every output on the correct side of "
         "0.5,\nwithin 0.2 and within 0.1 of its target; the median epoch from which the solved "
         "ones\nstayed solved (nearest rank, - if none); runs diverged; runs "
      << (has_kinds ? "stuck, by how\n" : "not solved\n");
  std::vector<std::string> rate_texts;
  std::size_t rate_width = std::string_view("learning rate").size();
  for (const double rate : grid.rates) {
    rate_texts.push_back(fmt::format("{}", rate));
    rate_width = std::max(rate_width, rate_texts.back().size());
  }
  std::size_t median_width = std::string_view("median").size();
  for (const rate_summary& rate : summary.rates)
    median_width = std::max(median_width, median_text(rate).size());
  const std::vector<stuck_column> columns =
      stuck_columns(summary, 2 + rate_width + 3 * (2 + 6) + 2 + median_width + 2 + 8);

  std::string heading =
      fmt::format("  {:>{}}  {:>6}  {:>6}  {:>6}  {:>{}}  {:>8}", "learning rate", rate_width,
                  "side", "in 0.2", "in 0.1", "median", median_width, "diverged");
  for (const stuck_column& column : columns)
    heading += fmt::format("  {:>{}}", column.heading, column.width);
  out << heading << '\n';
  for (std::size_t i = 0; i < summary.rates.size(); ++i) {
    const rate_summary& rate = summary.rates[i];
    std::string row = fmt::format(
        "  {:>{}}  {:>5.1f}%  {:>5.1f}%  {:>5.1f}%  {:>{}}  {:>8}", rate_texts[i], rate_width,
        percent(rate.correct_side, rate.runs), percent(rate.within_0_2, rate.runs),
        percent(rate.within_0_1, rate.runs), median_text(rate), median_width, rate.diverged);
    for (const stuck_column& column : columns) {
      std::size_t count = has_kinds ? 0 : rate.not_solved;
      for (const std::string& kind : column.kinds) count += stuck_count(rate, kind);
      row += fmt::format("  {:>{}}", count, column.width);
    }
    out << row << '\n';
  }
  if (has_kinds)
    out << "  stuck: plateau = every output near 0.5; NN saturated / NN wrong = pattern NN on the "
           "wrong side\n";
  out << '\n';
}

void print_findings(std::ostream& out, const rate_grid_result& grid, const grid_summary& summary) {
  out << "Findings\n";
  for (const std::size_t wanted : {90, 99}) {
    std::vector<bool> holds;
    for (const rate_summary& rate : summary.rates) holds.push_back(solves_at_least(rate, wanted));
    std::vector<std::string> spans = rate_spans(grid.rates, holds);
    if (spans.empty()) {
      spans.push_back("no rate");
    } else {
      spans.back() += fmt::format(" ({} of {} rates)", std::count(holds.begin(), holds.end(), true),
                                  grid.rates.size());
    }
    out << finding(fmt::format("at least {}% on the correct side", wanted), spans);
  }
  if (const std::optional<std::size_t> best = most_solved(summary)) {
    const rate_summary& rate = summary.rates[*best];
    out << finding("most solved", {fmt::format("{:.1f}% at rate {} (median epoch {})",
                                               percent(rate.correct_side, rate.runs),
                                               grid.rates[*best], median_text(rate))});
  } else {
    out << finding("most solved", {"no run was solved at any rate"});
  }
  if (const std::optional<std::size_t> fastest = fastest_solving_90(summary)) {
    const rate_summary& rate = summary.rates[*fastest];
    out << finding("fastest solving at least 90%",
                   {fmt::format("median epoch {} at rate {} ({:.1f}% solved)", median_text(rate),
                                grid.rates[*fastest], percent(rate.correct_side, rate.runs))});
  } else {
    out << finding("fastest solving at least 90%", {"no rate"});
  }
  out << '\n';
}

}  // namespace

std::vector<double> parse_learning_rates(std::string_view text, bool single_precision) {
  if (text.empty()) reject(fmt::format("{}, got ''", expected_forms));
  return text.find(':') != std::string_view::npos ? parse_range(text, single_precision)
                                                  : parse_list(text, single_precision);
}

void print_rate_grid(std::ostream& out, std::string_view task, std::string_view scalar,
                     const sweep_settings& settings, const rate_grid_result& grid) {
  const grid_summary summary = summarize(grid);
  const std::size_t runs = summary.runs;
  out << fmt::format("ctnn-train sweep {}: {} x {} runs, seeds {} .. {}\n", task,
                     rates_named(grid.rates.size()), runs, settings.base_seed,
                     settings.base_seed + (runs == 0 ? 0 : runs - 1));
  const std::string rate_range =
      grid.rates.empty() ? std::string("no learning rates")
      : grid.rates.size() == 1
          ? fmt::format("learning rate {}", grid.rates.front())
          : fmt::format("learning rates {} to {}", grid.rates.front(), grid.rates.back());
  out << fmt::format("  settings       {}, {} epochs, {}, {} threads\n\n", rate_range,
                     settings.epochs, scalar, grid.threads);
  print_table(out, grid, summary);
  print_findings(out, grid, summary);
}

std::string rate_grid_verdict(std::string_view task, const rate_grid_result& grid) {
  const grid_summary summary = summarize(grid);
  const std::string grid_size =
      fmt::format("sweep {}: {} x {} runs", task, rates_named(grid.rates.size()), summary.runs);
  const std::optional<std::size_t> best = most_solved(summary);
  if (!best) return grid_size + "; no run solved at any rate\n";
  const rate_summary& rate = summary.rates[*best];
  return fmt::format("{}; most solved at rate {}: {:.1f}%{}\n", grid_size, grid.rates[*best],
                     percent(rate.correct_side, summary.runs),
                     rate.median_solved_epoch
                         ? fmt::format(" (median epoch {})", *rate.median_solved_epoch)
                         : std::string());
}

std::vector<std::size_t> heatmap_epochs(std::size_t epochs, bool every_epoch) {
  std::vector<std::size_t> shown;
  if (every_epoch || epochs <= heatmap_columns) {
    for (std::size_t e = 0; e < epochs; ++e) shown.push_back(e);
    return shown;
  }
  for (std::size_t c = 0; c < heatmap_columns; ++c)
    shown.push_back((c + 1) * epochs / heatmap_columns - 1);
  return shown;
}

namespace {

/// Viridis at 0, 1/4, 1/2, 3/4 and 1: dark to light and blue to yellow, so that order reads in
/// grey and to colour-blind eyes.
constexpr std::array<std::array<int, 3>, 5> colour_stops = {{
    {0x44, 0x01, 0x54},
    {0x3b, 0x52, 0x8b},
    {0x21, 0x91, 0x8c},
    {0x5e, 0xc9, 0x62},
    {0xfd, 0xe7, 0x25},
}};

std::string hex_colour(const std::array<int, 3>& rgb) {
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

/// The colour of a fraction from 0 to 1, interpolated linearly between the stops, as the colour
/// bar's gradient draws it.
std::string colour_of(double fraction) {
  const double at = std::clamp(fraction, 0.0, 1.0) * static_cast<double>(colour_stops.size() - 1);
  const std::size_t low = std::min(static_cast<std::size_t>(at), colour_stops.size() - 2);
  const double t = at - static_cast<double>(low);
  std::array<int, 3> rgb{};
  for (std::size_t k = 0; k < 3; ++k)
    rgb[k] = static_cast<int>(
        std::lround(colour_stops[low][k] + (colour_stops[low + 1][k] - colour_stops[low][k]) * t));
  return hex_colour(rgb);
}

double fraction_of(std::size_t solved, std::size_t runs) {
  return runs == 0 ? 0.0 : static_cast<double>(solved) / static_cast<double>(runs);
}

/// Tick values for a log axis from 10^low to 10^high: 1, 2 and 5 times powers of ten if 2 to 10
/// of them fall on it; powers of ten (every k-th, at most eight) if more would; 1 to 9 times
/// them if fewer; else none.
std::vector<double> log_ticks(double low, double high) {
  const int first = static_cast<int>(std::floor(low)), last = static_cast<int>(std::ceil(high));
  const auto on_axis = [&](const std::vector<int>& multiples) {
    std::vector<double> ticks;
    for (int k = first; k <= last; ++k) {
      for (const int multiple : multiples) {
        const double value = multiple * std::pow(10.0, k);
        const double at = std::log10(value);
        if (at >= low - 1e-9 && at <= high + 1e-9) ticks.push_back(value);
      }
    }
    return ticks;
  };
  const std::vector<double> round = on_axis({1, 2, 5});
  if (round.size() >= 2 && round.size() <= 10) return round;
  if (round.size() > 10) {
    const std::vector<double> decades = on_axis({1});
    const std::size_t every = (decades.size() + 7) / 8;
    std::vector<double> thinned;
    for (std::size_t i = 0; i < decades.size(); i += every) thinned.push_back(decades[i]);
    return thinned;
  }
  const std::vector<double> fine = on_axis({1, 2, 3, 4, 5, 6, 7, 8, 9});
  return fine.size() >= 2 ? fine : std::vector<double>();
}

std::string svg_start(double width, double height, std::string_view title) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n"
      "<text class=\"title\" x=\"{2}\" y=\"30\" text-anchor=\"middle\" "
      "font-size=\"16\">{3}</text>\n",
      width, height, width / 2, escape_markup(title));
}

}  // namespace

std::string rate_grid_heatmap_svg(const rate_grid_result& grid, std::string_view title) {
  check_grid(grid);
  constexpr double width = 760, height = 500;
  constexpr double left = 100, right = 640, top = 70, bottom = 420;
  std::string svg = svg_start(width, height, title);
  const std::size_t rates = grid.rates.size();
  const std::size_t epochs = rates == 0 ? 0 : grid.sweeps.front().solved_after_epoch.size();
  const std::size_t runs = rates == 0 ? 0 : grid.sweeps.front().runs.size();
  if (rates == 0 || epochs == 0) {
    svg += fmt::format(
        "<text class=\"empty\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
        "font-size=\"14\">{}</text>\n",
        (left + right) / 2, (top + bottom) / 2,
        rates == 0 ? "no learning rates: nothing to show" : "no epochs: nothing was trained");
    return svg + "</svg>\n";
  }

  const std::vector<std::size_t> shown = heatmap_epochs(epochs);
  svg += fmt::format(
      "<text class=\"note\" x=\"{}\" y=\"50\" text-anchor=\"middle\" font-size=\"12\" "
      "fill=\"#555\">colour: the share of the rate's {} runs solved after the epoch{}</text>\n",
      (left + right) / 2, runs,
      shown.size() < epochs ? fmt::format(" ({} columns, each at its last epoch)", shown.size())
                            : std::string());

  // Rows on a log scale, each from halfway (in log) to its neighbours; the outer rows as tall as
  // their neighbour's gap, or one decade for a single rate.
  std::vector<double> edges(rates + 1);
  for (std::size_t i = 1; i < rates; ++i)
    edges[i] = (std::log10(grid.rates[i - 1]) + std::log10(grid.rates[i])) / 2;
  const double first = std::log10(grid.rates.front()), last = std::log10(grid.rates.back());
  edges.front() = rates == 1 ? first - 0.5 : first - (edges[1] - first);
  edges.back() = rates == 1 ? last + 0.5 : last + (last - edges[rates - 1]);
  const auto y_at = [&](double log_rate) {
    return bottom - (bottom - top) * (log_rate - edges.front()) / (edges.back() - edges.front());
  };
  const auto x_at = [&](double epoch) {
    return left + (right - left) * epoch / static_cast<double>(epochs);
  };

  svg += "<g class=\"cells\" shape-rendering=\"crispEdges\">\n";
  for (std::size_t i = 0; i < rates; ++i) {
    const std::vector<std::size_t>& solved = grid.sweeps[i].solved_after_epoch;
    svg += fmt::format(
        "<g class=\"rate-row\"><title>learning rate {}: {:.1f}% of runs solved after epoch {} "
        "({} of {})</title>",
        grid.rates[i], 100 * fraction_of(solved.back(), runs), epochs - 1, solved.back(), runs);
    const double row_top = y_at(edges[i + 1]), row_bottom = y_at(edges[i]);
    // Neighbouring cells of one colour are one rectangle: solved fractions level off.
    for (std::size_t c = 0; c < shown.size();) {
      const std::string colour = colour_of(fraction_of(solved[shown[c]], runs));
      std::size_t end = c + 1;
      while (end < shown.size() && colour_of(fraction_of(solved[shown[end]], runs)) == colour)
        ++end;
      const double from = x_at(c == 0 ? 0.0 : static_cast<double>(shown[c - 1] + 1));
      const double to = x_at(static_cast<double>(shown[end - 1] + 1));
      svg += fmt::format(
          "<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\"/>", from,
          row_top, to - from, row_bottom - row_top, colour);
      c = end;
    }
    svg += "</g>\n";
  }
  svg += "</g>\n<g class=\"axes\" font-size=\"12\" stroke-width=\"1\">\n";

  // The histograms' round bin width for sqrt(36) bins: about six whole, round steps.
  const std::size_t step = histogram_bin_width(epochs, 36);
  for (std::size_t epoch = 0; epoch <= epochs; epoch += step) {
    svg += x_tick_markup(x_at(static_cast<double>(epoch)), bottom, fmt::format("{}", epoch));
  }
  std::vector<std::pair<double, std::string>> rate_ticks;
  for (const double tick : log_ticks(edges.front(), edges.back()))
    rate_ticks.emplace_back(std::log10(tick), fmt::format("{:g}", tick));
  if (rate_ticks.empty()) {
    // Too narrow a range for round ticks: its ends' rates, rounded.
    rate_ticks.emplace_back(first, fmt::format("{:.3g}", grid.rates.front()));
    if (rates > 1) rate_ticks.emplace_back(last, fmt::format("{:.3g}", grid.rates.back()));
  }
  for (const auto& [log_rate, label] : rate_ticks) {
    svg += y_tick_markup(y_at(log_rate), left, label);
  }
  svg += frame_markup(left, top, right, bottom) + "</g>\n";
  svg += fmt::format(
      "<text class=\"x-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
      "font-size=\"14\">epoch</text>\n"
      "<text class=\"y-label\" transform=\"translate(25 {}) rotate(-90)\" text-anchor=\"middle\" "
      "font-size=\"14\">learning rate (log scale)</text>\n",
      (left + right) / 2, bottom + 45, (top + bottom) / 2);

  // The colour bar: the same stops, interpolated by the renderer as colour_of does.
  constexpr double bar_left = 665, bar_width = 16;
  svg += "<defs><linearGradient id=\"solved-scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">";
  for (std::size_t k = 0; k < colour_stops.size(); ++k)
    svg += fmt::format("<stop offset=\"{}\" stop-color=\"{}\"/>",
                       static_cast<double>(k) / static_cast<double>(colour_stops.size() - 1),
                       hex_colour(colour_stops[k]));
  svg += "</linearGradient></defs>\n<g class=\"colour-bar\" font-size=\"12\">\n";
  svg += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#solved-scale)\" "
      "stroke=\"black\"/>\n",
      bar_left, top, bar_width, bottom - top);
  for (int share = 0; share <= 100; share += 25) {
    const double y = bottom - (bottom - top) * share / 100.0;
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.2f}\" x2=\"{2}\" y2=\"{1:.2f}\" stroke=\"black\"/>"
        "<text x=\"{3}\" y=\"{1:.2f}\" dy=\"0.35em\">{4}%</text>\n",
        bar_left + bar_width, y, bar_left + bar_width + 4, bar_left + bar_width + 7, share);
  }
  svg += fmt::format(
      "<text class=\"bar-label\" transform=\"translate({} {}) rotate(-90)\" "
      "text-anchor=\"middle\" font-size=\"14\">runs solved</text>\n</g>\n",
      width - 12, (top + bottom) / 2);
  return svg + "</svg>\n";
}

std::string rate_grid_heatmap_csv(const rate_grid_result& grid, bool every_epoch) {
  check_grid(grid);
  std::string csv = "learning_rate,epoch,solved,runs,fraction_solved\n";
  for (std::size_t i = 0; i < grid.rates.size(); ++i) {
    const sweep_result& sweep = grid.sweeps[i];
    const std::size_t runs = sweep.runs.size();
    for (const std::size_t epoch : heatmap_epochs(sweep.solved_after_epoch.size(), every_epoch)) {
      const std::size_t solved = sweep.solved_after_epoch[epoch];
      csv += fmt::format("{},{},{},{},{}\n", grid.rates[i], epoch, solved, runs,
                         fraction_of(solved, runs));
    }
  }
  return csv;
}

std::string rate_grid_summary_csv(const rate_grid_result& grid) {
  const grid_summary summary = summarize(grid);
  std::string csv =
      "learning_rate,runs,correct_side,within_0_2,within_0_1,diverged,median_solved_epoch";
  for (const std::string& kind : summary.stuck_kinds) csv += "," + snake_case(kind);
  csv += '\n';
  for (std::size_t i = 0; i < summary.rates.size(); ++i) {
    const rate_summary& rate = summary.rates[i];
    csv += fmt::format(
        "{},{},{},{},{},{},{}", grid.rates[i], rate.runs, rate.correct_side, rate.within_0_2,
        rate.within_0_1, rate.diverged,
        rate.median_solved_epoch ? fmt::format("{}", *rate.median_solved_epoch) : std::string());
    for (const std::string& kind : summary.stuck_kinds)
      csv += fmt::format(",{}", stuck_count(rate, kind));
    csv += '\n';
  }
  return csv;
}

}  // namespace ctnn_train
