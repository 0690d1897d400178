// Tests of the learning-rate grid: --learning-rates' parser, and the summary, heat map and CSV
// files on grids made by hand, so that every expected number is known.
// SPDX-License-Identifier: BSL-1.0
#include "rate_grid.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "cli.hpp"
#include "errors.hpp"
#include "text_count.hpp"

namespace {

using ctnn_train::parse_learning_rates;
using ctnn_train::rate_grid_result;
using ctnn_train::sweep_result;
using ctnn_train::sweep_run;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

/// parse_learning_rates' message for `text`, or "" if it takes it.
std::string parse_error(std::string_view text, bool single_precision = false) {
  try {
    parse_learning_rates(text, single_precision);
  } catch (const ctnn_train::input_error& error) {
    return error.what();
  }
  return {};
}

/// Whether `xml` is an XML declaration and one element, each tag closed in the order opened,
/// attribute values quoted, and every `&` the start of one of XML's five entities.
bool well_formed(std::string_view xml) {
  if (xml.starts_with("<?xml")) xml.remove_prefix(xml.find("?>") + 2);
  const auto entity_at = [&](std::size_t at) {
    for (const std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
      if (xml.substr(at).starts_with(entity)) return true;
    return false;
  };
  std::vector<std::string_view> open;
  bool had_root = false;
  for (std::size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '&' && !entity_at(i)) return false;
    if (xml[i] == '>') return false;  // outside a tag
    if (xml[i] != '<') {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(xml[i]))) return false;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string_view::npos) return false;
    std::string_view tag = xml.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string_view::npos || count(std::string(tag), "\"") % 2 != 0)
      return false;
    for (std::size_t k = 0; k < tag.size(); ++k)
      if (tag[k] == '&' && !entity_at(i + 1 + k)) return false;
    if (tag.starts_with('/')) {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
    } else {
      if (open.empty() && had_root) return false;
      had_root = true;
      const std::string_view name = tag.substr(0, tag.find_first_of(" \n/"));
      if (!tag.ends_with('/')) open.push_back(name);
    }
    i = end;
  }
  return had_root && open.empty();
}

/// A run of four patterns: solved from `solved_from` if it has a value (every output within 0.2,
/// and within 0.1 if `within_0_1`), else not solved; diverged at `diverged_at` if given.
sweep_run made_run(std::uint64_t seed, std::optional<std::size_t> solved_from,
                   std::string family = {}, bool within_0_1 = false,
                   std::optional<std::size_t> diverged_at = std::nullopt) {
  sweep_run run;
  run.seed = seed;
  run.result.patterns = 4;
  run.result.correct_side = solved_from ? 4 : diverged_at ? 0 : 3;
  run.result.within_0_2 = solved_from ? 4 : 1;
  run.result.within_0_1 = solved_from && within_0_1 ? 4 : 1;
  run.solved_from = solved_from;
  run.family = std::move(family);
  run.diverged_at = diverged_at;
  return run;
}

/// A sweep of `runs`, with how many of them were solved after each epoch.
sweep_result made_sweep(std::vector<sweep_run> runs, std::vector<std::size_t> solved_after_epoch) {
  sweep_result sweep;
  sweep.runs = std::move(runs);
  sweep.solved_after_epoch = std::move(solved_after_epoch);
  return sweep;
}

const std::string plateau = "stuck: plateau near 0.5";
const std::string saturated_01 = "stuck: 01 saturated on the wrong side";
const std::string solution = "h = AND, inhibits the output";

/// Three rates of four XOR runs and ten epochs:
///   0.1  one run solved from epoch 6; two on the plateau, one with 01 saturated
///   0.5  every run solved, from epochs 8, 2, 4 and 3 (median 3 by nearest rank), three within 0.1
///   2    one run diverged at epoch 3; three solved, from epochs 1, 1 and 5 (median 1)
rate_grid_result three_rates() {
  rate_grid_result grid;
  grid.rates = {0.1, 0.5, 2};
  grid.threads = 2;
  grid.sweeps.push_back(
      made_sweep({made_run(1, 6, solution), made_run(2, std::nullopt, plateau),
                  made_run(3, std::nullopt, saturated_01), made_run(4, std::nullopt, plateau)},
                 {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}));
  grid.sweeps.push_back(made_sweep({made_run(1, 8, solution), made_run(2, 2, solution, true),
                                    made_run(3, 4, solution, true), made_run(4, 3, solution, true)},
                                   {0, 0, 1, 2, 3, 3, 3, 3, 4, 4}));
  grid.sweeps.push_back(
      made_sweep({made_run(1, std::nullopt, "diverged", false, 3), made_run(2, 1, solution, true),
                  made_run(3, 1, solution), made_run(4, 5, solution)},
                 {0, 2, 2, 2, 2, 3, 3, 3, 3, 3}));
  return grid;
}

ctnn_train::sweep_settings ten_epochs() {
  ctnn_train::sweep_settings settings;
  settings.epochs = 10;
  settings.base_seed = 1;
  settings.runs = 4;
  return settings;
}

std::string printed(const rate_grid_result& grid, std::string_view task = "xor") {
  std::ostringstream out;
  ctnn_train::print_rate_grid(out, task, "double", ten_epochs(), grid);
  return out.str();
}

/// The `<rect .../>` elements of the heat map's row for `rate`.
std::vector<std::string> row_cells(const std::string& svg, std::string_view rate) {
  const auto start = svg.find(fmt::format("<title>learning rate {}:", rate));
  if (start == std::string::npos) return {};
  const auto end = svg.find("</g>", start);
  std::vector<std::string> cells;
  for (auto at = svg.find("<rect ", start); at < end; at = svg.find("<rect ", at + 1))
    cells.push_back(svg.substr(at, svg.find("/>", at) + 2 - at));
  return cells;
}

std::string attribute(const std::string& element, const std::string& name) {
  const auto start = element.find(" " + name + "=\"");
  if (start == std::string::npos) return {};
  const auto begin = start + name.size() + 3;
  return element.substr(begin, element.find('"', begin) - begin);
}

}  // namespace

TEST_CASE("a grid's --learning-rates takes a list in any order and returns it sorted",
          "[rate_grid]") {
  CHECK(parse_learning_rates("0.5", false) == std::vector<double>{0.5});
  CHECK(parse_learning_rates("0.5,0.01,2,0.1", false) == std::vector<double>{0.01, 0.1, 0.5, 2});
  CHECK(parse_learning_rates("1e-3,1E2", true) == std::vector<double>{0.001, 100});
  // Rates that float cannot hold apart are told apart in double.
  CHECK(parse_learning_rates("0.1,0.10000000001", false).size() == 2);
  // 1000 rates are allowed, 1001 are not.
  std::string many = "1";
  for (int i = 2; i <= 1000; ++i) many += fmt::format(",{}", i);
  CHECK(parse_learning_rates(many, false).size() == 1000);
  CHECK(parse_error(many + ",1001") == "--learning-rates: at most 1000 rates, got 1001");
}

TEST_CASE(
    "a grid's --learning-rates takes a logarithmic range, its ends exact, its steps equal to 4 "
    "significant digits",
    "[rate_grid]") {
  const std::vector<double> rates = parse_learning_rates("0.01:2:40", false);
  REQUIRE(rates.size() == 40);
  CHECK(rates.front() == 0.01);
  CHECK(rates.back() == 2.0);
  const double step = std::pow(200.0, 1.0 / 39);
  for (std::size_t i = 1; i < rates.size(); ++i) {
    CHECK(rates[i - 1] < rates[i]);
    // Rate i is 0.01 step^i rounded to 4 significant digits, and printed so.
    const double exact = 0.01 * std::pow(step, static_cast<double>(i));
    CHECK(rates[i] == std::stod(fmt::format("{:.4g}", exact)));
    std::string digits;
    for (const char c : fmt::format("{}", rates[i]))
      if (c >= '0' && c <= '9' && !(digits.empty() && c == '0')) digits += c;
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    CHECK(digits.size() <= 4);
  }
  CHECK(rates[1] == 0.01146);
  CHECK(rates[20] == 0.1514);
  // A range too narrow for 4 digits takes as many as keep its rates apart.
  const std::vector<double> narrow = parse_learning_rates("0.05:0.0500001:9", false);
  for (std::size_t i = 1; i < narrow.size(); ++i) CHECK(narrow[i - 1] < narrow[i]);
  CHECK(parse_learning_rates("1:100:3", false) == std::vector<double>{1, 10, 100});
  CHECK(parse_learning_rates("0.1:0.2:2", true) == std::vector<double>{0.1, 0.2});

  SECTION("a range wider than double's ratio still spans it") {
    const std::vector<double> wide = parse_learning_rates("1e-300:1e300:3", false);
    REQUIRE(wide.size() == 3);
    CHECK(wide[0] == 1e-300);
    CHECK_THAT(wide[1], WithinRel(1.0, 1e-12));
    CHECK(wide[2] == 1e300);
  }
}

TEST_CASE("every rate of a range, printed, reads back as --learning-rate the same double",
          "[rate_grid]") {
  for (const std::string_view range :
       {"0.01:2:40", "0.001:1:1000", "1e-5:3.7:17", "0.05:0.0500001:9", "0.3:7:2"}) {
    for (const double rate : parse_learning_rates(range, false)) {
      const std::string text = fmt::format("{}", rate);
      CHECK(ctnn_train::parse_learning_rate(text) == rate);
    }
  }
}

TEST_CASE("a grid's --learning-rates names what is wrong with its text, quoting it",
          "[rate_grid]") {
  const std::string forms =
      "--learning-rates: expected a list of numbers (0.01,0.1,1) or a logarithmic range "
      "first:last:count (0.01:2:40), got ";
  CHECK(parse_error("") == forms + "''");
  CHECK(parse_error("x") == forms + "'x'");
  CHECK(parse_error("a") == forms + "'a'");
  CHECK(parse_error(" 1") == forms + "' 1'; write it without spaces");
  CHECK(parse_error("1,a") == "--learning-rates: expected a number, got 'a' (rate 2 of '1,a')");
  CHECK(parse_error("1, 2") ==
        "--learning-rates: expected a number, got ' 2' (rate 2 of '1, 2'); write it without "
        "spaces");
  CHECK(parse_error("1 ,2") ==
        "--learning-rates: expected a number, got '1 ' (rate 1 of '1 ,2'); write it without "
        "spaces");
  CHECK(parse_error("1,,2") ==
        "--learning-rates: rate 2 of '1,,2' is empty; separate the rates by single commas, none "
        "at either end");
  CHECK(parse_error("1,") ==
        "--learning-rates: rate 2 of '1,' is empty; separate the rates by single commas, none at "
        "either end");
  CHECK(parse_error(",1").starts_with("--learning-rates: rate 1 of ',1' is empty"));
  const std::string positive = "--learning-rates: each rate must be a finite number greater than 0";
  CHECK(parse_error("0") == positive + ", got '0'");
  CHECK(parse_error("-1") == positive + ", got '-1'");
  CHECK(parse_error("inf") == positive + ", got 'inf'");
  CHECK(parse_error("nan") == positive + ", got 'nan'");
  CHECK(parse_error("1e999") == positive + ", got '1e999'");
  CHECK(parse_error("0.1,-0") == positive + ", got '-0' (rate 2 of '0.1,-0')");
  CHECK(parse_error("1e-400:1:5") == positive + ", got '1e-400' (the first rate of '1e-400:1:5')");
  CHECK(parse_error("2:1:5") ==
        "--learning-rates: a range first:last:count must rise (first < last), got '2:1:5'");
  CHECK(parse_error("1:1:5") ==
        "--learning-rates: a range first:last:count must rise (first < last), got '1:1:5'");
  const std::string count_error =
      "--learning-rates: a range's count must be a whole number from 2 to 1000, got ";
  CHECK(parse_error("1:2:1") == count_error + "'1' (the count of '1:2:1')");
  CHECK(parse_error("1:2:0") == count_error + "'0' (the count of '1:2:0')");
  CHECK(parse_error("1:2:1001") == count_error + "'1001' (the count of '1:2:1001')");
  CHECK(parse_error("1:2:x") == count_error + "'x' (the count of '1:2:x')");
  CHECK(parse_error("1:2:2.5") == count_error + "'2.5' (the count of '1:2:2.5')");
  CHECK(parse_error("1:2:-3") == count_error + "'-3' (the count of '1:2:-3')");
  CHECK(parse_error("1:2:") == count_error + "'' (the count of '1:2:')");
  CHECK(parse_error("1:2:99999999999999999999999").starts_with(count_error));
  CHECK(parse_error("1:2") ==
        "--learning-rates: a logarithmic range is first:last:count (0.01:2:40), got '1:2'");
  CHECK(parse_error("1:2:3:4") ==
        "--learning-rates: a logarithmic range is first:last:count (0.01:2:40), got '1:2:3:4'");
  CHECK(parse_error("x:2:3") ==
        "--learning-rates: expected a number, got 'x' (the first rate of 'x:2:3')");
  CHECK(parse_error("1: 2:3") ==
        "--learning-rates: expected a number, got ' 2' (the last rate of '1: 2:3'); write it "
        "without spaces");
  CHECK(parse_error("0.1,0.5,0.10") ==
        "--learning-rates: 0.1 is given twice, as rate 1 ('0.1') and rate 3 ('0.10') of "
        "'0.1,0.5,0.10'");
  // A range too narrow for its count repeats a rate.
  CHECK(parse_error("1:1.0000000000000002:3") ==
        "--learning-rates: '1:1.0000000000000002:3' gives the same rate twice; use fewer rates or "
        "a wider range");
  // Control characters are shown escaped.
  CHECK(parse_error("1,\x1b[2J") ==
        "--learning-rates: expected a number, got '\\x1b[2J' (rate 2 of '1,\\x1b[2J')");

  SECTION("in float, a rate must be nonzero and finite, and the rates distinct") {
    CHECK(parse_error("1e-50", false).empty());
    CHECK(parse_error("1e-50", true) ==
          "--learning-rates: '1e-50' is 0 in float, which would train nothing (float's smallest "
          "is 1.4013e-45); use --scalar double");
    CHECK(parse_error("1e39", false).empty());
    CHECK(parse_error("1e39", true) ==
          "--learning-rates: '1e39' is beyond float's range (largest 3.40282e+38); use --scalar "
          "double");
    CHECK(parse_error("0.1:1e39:4", true) ==
          "--learning-rates: '1e39' (the last rate of '0.1:1e39:4') is beyond float's range "
          "(largest 3.40282e+38); use --scalar double");
    CHECK(parse_error("0.1,0.10000000001", true) ==
          "--learning-rates: rate 1 ('0.1') and rate 2 ('0.10000000001') of '0.1,0.10000000001' "
          "are the same rate in float; drop one or use --scalar double");
    CHECK(parse_error("1:1.00001:100", false).empty());
    CHECK(parse_error("1:1.00001:100", true) ==
          "--learning-rates: '1:1.00001:100' gives the same rate twice in float; use fewer rates, "
          "a wider range or --scalar double");
  }
}

TEST_CASE("the grid's summary has a row per rate with its shares, median and stuck kinds",
          "[rate_grid]") {
  const std::vector<std::string> lines = lines_of(printed(three_rates()));
  REQUIRE(lines.size() >= 16);
  CHECK(lines[0] == "ctnn-train sweep xor: 3 learning rates x 4 runs, seeds 1 .. 4");
  CHECK(lines[1] == "  settings       learning rates 0.1 to 2, 10 epochs, double, 2 threads");
  CHECK(lines[6] ==
        "  learning rate    side  in 0.2  in 0.1  median  diverged  plateau  01 saturated");
  CHECK(lines[7] ==
        "            0.1   25.0%   25.0%    0.0%       6         0        2             1");
  CHECK(lines[8] ==
        "            0.5  100.0%  100.0%   75.0%       3         0        0             0");
  CHECK(lines[9] ==
        "              2   75.0%   75.0%   25.0%       1         1        0             0");
  CHECK(lines[10].starts_with("  stuck: plateau = "));
  CHECK(lines[12] == "Findings");
  CHECK(lines[13] == "  at least 90% on the correct side    0.5 (1 of 3 rates)");
  CHECK(lines[14] == "  at least 99% on the correct side    0.5 (1 of 3 rates)");
  CHECK(lines[15] == "  most solved                         100.0% at rate 0.5 (median epoch 3)");
  CHECK(lines[16] ==
        "  fastest solving at least 90%        median epoch 3 at rate 0.5 (100.0% solved)");
  CHECK(ctnn_train::rate_grid_verdict("xor", three_rates()) ==
        "sweep xor: 3 learning rates x 4 runs; most solved at rate 0.5: 100.0% (median epoch 3)\n");
}

TEST_CASE("the findings give spans of rates, and break ties by the median epoch", "[rate_grid]") {
  // Solved runs of 10 per rate: 10, 9, 8, 10, 10 (median epochs 50, 40, 10, 30, 30).
  rate_grid_result grid;
  grid.rates = {0.01, 0.03, 0.1, 0.3, 1};
  const std::vector<std::size_t> solved = {10, 9, 8, 10, 10};
  const std::vector<std::size_t> median = {50, 40, 10, 30, 30};
  for (std::size_t i = 0; i < grid.rates.size(); ++i) {
    std::vector<sweep_run> runs;
    for (std::size_t k = 0; k < 10; ++k)
      runs.push_back(k < solved[i] ? made_run(k + 1, median[i]) : made_run(k + 1, std::nullopt));
    grid.sweeps.push_back(made_sweep(std::move(runs), std::vector<std::size_t>(100, solved[i])));
  }
  const std::string text = printed(grid, "or");
  CHECK(count(text,
              "  at least 90% on the correct side    0.01 .. 0.03, 0.3 .. 1 (4 of 5 rates)\n") ==
        1);
  CHECK(count(text, "  at least 99% on the correct side    0.01, 0.3 .. 1 (3 of 5 rates)\n") == 1);
  // 0.01, 0.3 and 1 solve all; 0.3 and 1 are faster, and 0.3 is the lower rate.
  CHECK(count(text,
              "  most solved                         100.0% at rate 0.3 (median epoch 30)\n") == 1);
  CHECK(
      count(
          text,
          "  fastest solving at least 90%        median epoch 30 at rate 0.3 (100.0% solved)\n") ==
      1);
  // Without families, the last column counts the runs not solved.
  CHECK(count(text, "  learning rate    side  in 0.2  in 0.1  median  diverged  not solved\n") ==
        1);
  CHECK(count(text, "           0.03   90.0%   90.0%    0.0%      40         0           1\n") ==
        1);
  CHECK(count(text, "stuck: plateau") == 0);

  SECTION("no rate solving any run") {
    for (sweep_result& sweep : grid.sweeps)
      for (sweep_run& run : sweep.runs) run = made_run(run.seed, std::nullopt);
    const std::string none = printed(grid, "or");
    CHECK(count(none, "  at least 90% on the correct side    no rate\n") == 1);
    CHECK(count(none, "  most solved                         no run was solved at any rate\n") ==
          1);
    CHECK(count(none, "  fastest solving at least 90%        no rate\n") == 1);
    CHECK(count(none, "           0.01    0.0%    0.0%    0.0%       -") == 1);
    CHECK(ctnn_train::rate_grid_verdict("or", grid) ==
          "sweep or: 5 learning rates x 10 runs; no run solved at any rate\n");
  }
}

TEST_CASE("40 rates of XOR with every stuck kind stay under 100 characters a line", "[rate_grid]") {
  rate_grid_result grid;
  grid.rates = parse_learning_rates("0.01:2:40", false);
  const std::vector<std::string> kinds = {plateau,
                                          saturated_01,
                                          "stuck: 10 saturated on the wrong side",
                                          "stuck: 00 on the wrong side",
                                          "stuck: 00, 11 on the wrong side",
                                          "stuck: 01, 10, 11 on the wrong side"};
  for (std::size_t i = 0; i < grid.rates.size(); ++i) {
    std::vector<sweep_run> runs;
    const std::size_t solved = 500 + 12 * i;
    for (std::size_t k = 0; k < solved; ++k) runs.push_back(made_run(k + 1, 1000 + k, solution));
    // The unsolved runs in blocks of 32: 16 of the first kind, 8 of the second, then 4, 2, 1 and
    // 1, so that the kinds' order is known (the last two tie, and go by name).
    for (std::size_t j = 0; j < 1000 - solved; ++j) {
      const std::size_t place = j % 32;
      const std::size_t kind = place < 16   ? 0
                               : place < 24 ? 1
                               : place < 28 ? 2
                               : place < 30 ? 3
                                            : place - 26;
      runs.push_back(made_run(solved + j + 1, std::nullopt, kinds[kind]));
    }
    grid.sweeps.push_back(
        made_sweep(std::move(runs), std::vector<std::size_t>(8000, 500 + 12 * i)));
  }
  const std::string text = printed(grid);
  for (const std::string& line : lines_of(text)) CHECK(line.size() < 100);
  const std::vector<std::string> lines = lines_of(text);
  REQUIRE(lines.size() > 6);
  // The most frequent kinds get columns, the rest one "other" column.
  CHECK(lines[6].find("plateau  01 saturated") != std::string::npos);
  CHECK(lines[6].ends_with("  other"));
  CHECK(count(text, "learning rate    side  in 0.2") == 1);
  // Rate 0.01: 500 runs solved from epochs 1000 to 1499, and 500 stuck: 15 blocks and 20 more,
  // so 256 on the plateau, 124 with 01 saturated and 60 + 30 + 15 + 15 others.
  CHECK(lines[7].ends_with(
      "   50.0%   50.0%    0.0%    1249         0      256           124    120"));
  const std::string summary = ctnn_train::rate_grid_summary_csv(grid);
  CHECK(lines_of(summary)[0] ==
        "learning_rate,runs,correct_side,within_0_2,within_0_1,diverged,median_solved_epoch,"
        "stuck_plateau_near_0_5,stuck_01_saturated_on_the_wrong_side,"
        "stuck_10_saturated_on_the_wrong_side,stuck_00_on_the_wrong_side,"
        "stuck_00_11_on_the_wrong_side,stuck_01_10_11_on_the_wrong_side");
  CHECK(lines_of(summary).size() == 41);
  CHECK(lines_of(summary)[1] == "0.01,1000,500,500,0,0,1249,256,124,60,30,15,15");
  CHECK(ctnn_train::rate_grid_verdict("xor", grid) ==
        "sweep xor: 40 learning rates x 1000 runs; most solved at rate 2: 96.8% (median epoch "
        "1483)\n");
}

TEST_CASE("the summary CSV has a row of counts per rate and a column per stuck kind",
          "[rate_grid]") {
  CHECK(ctnn_train::rate_grid_summary_csv(three_rates()) ==
        "learning_rate,runs,correct_side,within_0_2,within_0_1,diverged,median_solved_epoch,"
        "stuck_plateau_near_0_5,stuck_01_saturated_on_the_wrong_side\n"
        "0.1,4,1,1,0,0,6,2,1\n"
        "0.5,4,4,4,3,0,3,0,0\n"
        "2,4,3,3,1,1,1,0,0\n");
  rate_grid_result unsolved = three_rates();
  unsolved.sweeps[0].runs[0] = made_run(1, std::nullopt, plateau);
  CHECK(lines_of(ctnn_train::rate_grid_summary_csv(unsolved))[1] == "0.1,4,0,0,0,0,,3,1");
}

TEST_CASE("the heat map's CSV lists every rate at every epoch shown, with exact counts",
          "[rate_grid]") {
  rate_grid_result grid = three_rates();
  grid.rates[1] = 0.1 + 0.2;  // printed so that it reads back exactly
  const std::string csv = ctnn_train::rate_grid_heatmap_csv(grid, false);
  const std::vector<std::string> lines = lines_of(csv);
  REQUIRE(lines.size() == 31);
  CHECK(lines[0] == "learning_rate,epoch,solved,runs,fraction_solved");
  CHECK(lines[1] == "0.1,0,0,4,0");
  CHECK(lines[7] == "0.1,6,1,4,0.25");
  CHECK(lines[11] == "0.30000000000000004,0,0,4,0");
  CHECK(lines[14] == "0.30000000000000004,3,2,4,0.5");
  CHECK(lines[15] == "0.30000000000000004,4,3,4,0.75");
  CHECK(lines[20] == "0.30000000000000004,9,4,4,1");
  CHECK(lines[21] == "2,0,0,4,0");
  CHECK(lines[30] == "2,9,3,4,0.75");
  CHECK(ctnn_train::rate_grid_heatmap_csv(grid, true) == csv);
}

TEST_CASE("the heat map shows at most 200 epochs, each column at the last epoch it covers",
          "[rate_grid]") {
  using ctnn_train::heatmap_epochs;
  CHECK(heatmap_epochs(0).empty());
  CHECK(heatmap_epochs(3) == std::vector<std::size_t>{0, 1, 2});
  CHECK(heatmap_epochs(200).size() == 200);
  CHECK(heatmap_epochs(200).back() == 199);
  const std::vector<std::size_t> thousand = heatmap_epochs(1000);
  REQUIRE(thousand.size() == 200);
  for (std::size_t c = 0; c < 200; ++c) CHECK(thousand[c] == 5 * c + 4);
  // 450 epochs: columns of 2 or 3 epochs, together covering every epoch once.
  const std::vector<std::size_t> uneven = heatmap_epochs(450);
  REQUIRE(uneven.size() == 200);
  CHECK(uneven.front() == 1);
  CHECK(uneven.back() == 449);
  for (std::size_t c = 1; c < 200; ++c) {
    CHECK(uneven[c] - uneven[c - 1] >= 2);
    CHECK(uneven[c] - uneven[c - 1] <= 3);
  }
  CHECK(heatmap_epochs(201).back() == 200);
  CHECK(heatmap_epochs(201).size() == 200);
  CHECK(heatmap_epochs(1000, true).size() == 1000);

  SECTION("the CSV and the SVG sample the same epochs") {
    // 200 runs, one more solved after every 5th epoch: column c shows (c + 1) / 200 solved.
    rate_grid_result grid;
    grid.rates = {0.25};
    std::vector<sweep_run> runs;
    for (std::size_t k = 0; k < 200; ++k) runs.push_back(made_run(k + 1, 5 * k + 4));
    std::vector<std::size_t> solved(1000);
    for (std::size_t e = 0; e < 1000; ++e) solved[e] = (e + 1) / 5;
    grid.sweeps.push_back(made_sweep(std::move(runs), std::move(solved)));
    const std::vector<std::string> rows = lines_of(ctnn_train::rate_grid_heatmap_csv(grid, false));
    REQUIRE(rows.size() == 201);
    CHECK(rows[1] == "0.25,4,1,200,0.005");
    CHECK(rows[100] == "0.25,499,100,200,0.5");
    CHECK(rows[200] == "0.25,999,200,200,1");
    CHECK(lines_of(ctnn_train::rate_grid_heatmap_csv(grid, true)).size() == 1001);

    const std::string svg = ctnn_train::rate_grid_heatmap_svg(grid, "XOR");
    CHECK(well_formed(svg));
    const std::vector<std::string> cells = row_cells(svg, "0.25");
    REQUIRE(cells.size() == 200);  // every column a different colour
    CHECK(attribute(cells.front(), "fill") != "#440154");
    CHECK(attribute(cells[99], "fill") == "#21918c");  // 100 of 200: the middle stop
    CHECK(attribute(cells.back(), "fill") == "#fde725");
    CHECK(attribute(cells.front(), "x") == "100.00");
    CHECK(attribute(cells.front(), "width") == "2.70");
    CHECK(count(svg, "200 columns, each at its last epoch") == 1);
  }
}

TEST_CASE("the heat map draws a row per rate, coloured by the fraction solved", "[rate_grid]") {
  const std::string svg = ctnn_train::rate_grid_heatmap_svg(three_rates(), "XOR <rates> & \"x\"");
  CHECK(well_formed(svg));
  CHECK(
      svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
                      "xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"500\" "
                      "viewBox=\"0 0 760 500\""));
  CHECK(svg.ends_with("</svg>\n"));
  CHECK(count(svg, ">XOR &lt;rates&gt; &amp; &quot;x&quot;</text>") == 1);
  CHECK(count(svg, "<g class=\"rate-row\">") == 3);
  CHECK(
      count(svg, "<title>learning rate 0.1: 25.0% of runs solved after epoch 9 (1 of 4)</title>") ==
      1);
  CHECK(count(svg,
              "<title>learning rate 0.5: 100.0% of runs solved after epoch 9 (4 of 4)</title>") ==
        1);
  CHECK(count(svg, "<title>learning rate 2: 75.0% of runs solved after epoch 9 (3 of 4)</title>") ==
        1);
  CHECK(count(svg, ">epoch</text>") == 1);
  CHECK(count(svg, ">learning rate (log scale)</text>") == 1);
  CHECK(count(svg, ">0%</text>") == 1);
  CHECK(count(svg, ">100%</text>") == 1);
  // Rates 0.1 to 2 on a log scale: ticks at 0.05, 0.1, 0.2, 0.5, 1 and 2; epochs every 2.
  for (const std::string_view rate : {"0.05", "0.1", "0.2", "0.5", "1", "2"})
    CHECK(count(svg, fmt::format("text-anchor=\"end\">{}</text>", rate)) == 1);
  CHECK(count(svg, "text-anchor=\"end\">") == 6);
  for (const std::string_view epoch : {"0", "2", "4", "6", "8", "10"})
    CHECK(count(svg, fmt::format("text-anchor=\"middle\">{}</text>", epoch)) == 1);

  // Rate 0.5 is solved by 0, 0, 1, 2, 3, 3, 3, 3, 4, 4 of its 4 runs after epochs 0 to 9: five
  // colours, the stops for 0, 1/4, 1/2, 3/4 and 1, each cell 54 units wide.
  const std::vector<std::string> cells = row_cells(svg, "0.5");
  REQUIRE(cells.size() == 5);
  const std::vector<std::string> fills = {"#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"};
  const std::vector<std::string> xs = {"100.00", "208.00", "262.00", "316.00", "532.00"};
  const std::vector<std::string> widths = {"108.00", "54.00", "54.00", "216.00", "108.00"};
  for (std::size_t c = 0; c < cells.size(); ++c) {
    CHECK(attribute(cells[c], "fill") == fills[c]);
    CHECK(attribute(cells[c], "x") == xs[c]);
    CHECK(attribute(cells[c], "width") == widths[c]);
  }
  // Rows rise with the rate and share their edges; together they fill the plot's height.
  const std::vector<std::string> low = row_cells(svg, "0.1"), high = row_cells(svg, "2");
  REQUIRE(!low.empty());
  REQUIRE(!high.empty());
  const auto y = [&](const std::string& cell) { return std::stod(attribute(cell, "y")); };
  const auto height = [&](const std::string& cell) { return std::stod(attribute(cell, "height")); };
  CHECK(y(high.front()) == 70.0);
  CHECK_THAT(y(high.front()) + height(high.front()), WithinAbs(y(cells.front()), 0.011));
  CHECK_THAT(y(cells.front()) + height(cells.front()), WithinAbs(y(low.front()), 0.011));
  CHECK_THAT(y(low.front()) + height(low.front()), WithinAbs(420.0, 0.011));
  CHECK(attribute(low.front(), "fill") == "#440154");
  CHECK(attribute(low.back(), "fill") == "#3b528b");
  CHECK(ctnn_train::rate_grid_heatmap_svg(three_rates(), "XOR") ==
        ctnn_train::rate_grid_heatmap_svg(three_rates(), "XOR"));
}

TEST_CASE("a heat map of no epochs or no rates is a valid SVG that says so", "[rate_grid]") {
  rate_grid_result grid = three_rates();
  for (sweep_result& sweep : grid.sweeps) sweep.solved_after_epoch.clear();
  const std::string no_epochs = ctnn_train::rate_grid_heatmap_svg(grid, "XOR");
  CHECK(well_formed(no_epochs));
  CHECK(count(no_epochs, "no epochs") == 1);
  CHECK(count(no_epochs, "<rect ") == 1);  // the background
  CHECK(ctnn_train::rate_grid_heatmap_csv(grid, false) ==
        "learning_rate,epoch,solved,runs,fraction_solved\n");
  const std::string no_rates = ctnn_train::rate_grid_heatmap_svg({}, "XOR");
  CHECK(well_formed(no_rates));
  CHECK(count(no_rates, "no learning rates") == 1);

  SECTION("one rate, and rates too close for round ticks") {
    rate_grid_result one;
    one.rates = {0.37};
    one.sweeps.push_back(made_sweep({made_run(1, 0)}, {1, 1}));
    const std::string svg = ctnn_train::rate_grid_heatmap_svg(one, "one");
    CHECK(well_formed(svg));
    CHECK(row_cells(svg, "0.37").size() == 1);
    CHECK(count(svg, ">0.2</text>") == 1);
    one.rates = {0.51, 0.52};
    one.sweeps.push_back(one.sweeps.front());
    const std::string close = ctnn_train::rate_grid_heatmap_svg(one, "close");
    CHECK(count(close, ">0.51</text>") == 1);
    CHECK(count(close, ">0.52</text>") == 1);
  }
}

TEST_CASE("a grid whose sweeps do not match its rates is refused", "[rate_grid]") {
  rate_grid_result grid = three_rates();
  grid.rates.pop_back();
  CHECK_THROWS_AS(ctnn_train::rate_grid_summary_csv(grid), std::invalid_argument);
  grid = three_rates();
  grid.sweeps[1].runs.pop_back();
  CHECK_THROWS_AS(ctnn_train::rate_grid_heatmap_svg(grid, "x"), std::invalid_argument);
  grid = three_rates();
  grid.sweeps[2].solved_after_epoch.pop_back();
  CHECK_THROWS_AS(ctnn_train::rate_grid_heatmap_csv(grid, false), std::invalid_argument);
}
