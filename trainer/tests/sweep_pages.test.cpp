// Tests of the sweep's histogram, outcome chart, runs CSV and page, on results made by hand (so
// that every expected count is known) and on a small real sweep.
// SPDX-License-Identifier: BSL-1.0
#include "sweep_pages.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "sweep.hpp"
#include "tasks.hpp"
#include "text_count.hpp"

namespace {

using ctnn_train::sweep_result;
using ctnn_train::sweep_run;

/// A run of four patterns, solved from `solved_from` if it has a value, else not solved.
sweep_run made_run(std::uint64_t seed, std::optional<std::size_t> solved_from,
                   std::string family = {}, bool within_0_1 = false) {
  sweep_run run;
  run.seed = seed;
  run.result.patterns = 4;
  run.result.correct_side = solved_from ? 4 : 3;
  run.result.within_0_1 = within_0_1 ? 4 : 1;
  run.solved_from = solved_from;
  run.family = std::move(family);
  run.parameters = {0.5, -1.25, 3.0};
  run.outputs = {0.1, 0.9, 0.9, 0.9};
  return run;
}

ctnn_train::sweep_description xor_sweep(std::size_t epochs = 1000) {
  ctnn_train::sweep_description sweep{"xor", "double", {"w_3", "w_4", "b_0"}, {}};
  sweep.settings.base_seed = 1;
  sweep.settings.epochs = epochs;
  sweep.settings.learning_rate = 0.05;
  return sweep;
}

std::string page_of(const ctnn_train::sweep_description& sweep, const sweep_result& result) {
  return ctnn_train::sweep_page_html(
      sweep, result,
      {"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n", "", ""},
      {"sweep-xor-runs.csv"});
}

}  // namespace

TEST_CASE("histogram bins are round, whole and about sqrt(count) of them", "[sweep_pages]") {
  using ctnn_train::histogram_bin_width;
  // sqrt(57) -> 8 bins over 8000 epochs: 1000 each.
  CHECK(histogram_bin_width(8000, 57) == 1000);
  // sqrt(1000) -> 32 bins: 8000 / 32 = 250, which is 2.5 x 100.
  CHECK(histogram_bin_width(8000, 1000) == 250);
  // At least 5 bins, at most 50.
  CHECK(histogram_bin_width(1000, 4) == 200);
  CHECK(histogram_bin_width(1000, 1'000'000) == 20);
  // Never less than one epoch, and never 2.5 epochs.
  CHECK(histogram_bin_width(10, 1000) == 1);
  CHECK(histogram_bin_width(7, 2) == 2);
  CHECK(histogram_bin_width(12, 25) == 5);
}

TEST_CASE("the histogram counts every solved run once, in the bin of its epoch", "[sweep_pages]") {
  sweep_result result;
  const std::vector<std::size_t> epochs = {0, 3, 3, 17, 99, 250, 251, 999};
  for (std::size_t i = 0; i < epochs.size(); ++i) result.runs.push_back(made_run(i + 1, epochs[i]));
  result.runs.push_back(made_run(20, std::nullopt, "", false));
  result.runs.push_back(made_run(21, std::nullopt, "", false));

  const auto bins = ctnn_train::solved_epoch_histogram(result);
  REQUIRE(!bins.empty());
  std::size_t total = 0;
  CHECK(bins.front().low == 0);
  for (std::size_t i = 0; i < bins.size(); ++i) {
    total += bins[i].count;
    CHECK(bins[i].high - bins[i].low == bins.front().high - bins.front().low);
    if (i > 0) CHECK(bins[i].low == bins[i - 1].high);
  }
  CHECK(total == epochs.size());  // the 2 unsolved runs are not in it
  CHECK(bins.back().low <= 999);
  CHECK(bins.back().high > 999);
  for (const std::size_t epoch : epochs) {
    std::size_t holding = 0;
    for (const auto& bin : bins) holding += bin.low <= epoch && epoch < bin.high;
    CHECK(holding == 1);
  }

  const std::string svg = ctnn_train::solved_epoch_svg(xor_sweep(), result);
  std::size_t nonzero = 0;
  for (const auto& bin : bins) nonzero += bin.count > 0;
  CHECK(count(svg, "<rect class=\"bar\"") == nonzero);
  CHECK(count(svg, "2 of 10 runs not solved at the end") == 1);
  CHECK(count(svg, ">runs</text>") == 1);
  CHECK(count(svg, ">epoch solved from (bins of ") == 1);

  SECTION("no solved run: no bins, and the note says so") {
    sweep_result none;
    none.runs.push_back(made_run(1, std::nullopt));
    CHECK(ctnn_train::solved_epoch_histogram(none).empty());
    const std::string empty = ctnn_train::solved_epoch_svg(xor_sweep(), none);
    CHECK(count(empty, "<rect class=\"bar\"") == 0);
    CHECK(count(empty, "1 of 1 runs not solved") == 1);
  }
}

TEST_CASE("the outcome chart counts XOR's families, solutions first, then stuck runs",
          "[sweep_pages]") {
  sweep_result result;
  const std::vector<std::string> families = {
      "h = AND, inhibits the output", "stuck: plateau near 0.5",
      "h = OR, excites the output",   "h = OR, excites the output",
      "stuck: plateau near 0.5",      "h = OR, excites the output",
      "stuck: plateau near 0.5",      "stuck: 01 saturated on the wrong side"};
  for (std::size_t i = 0; i < families.size(); ++i)
    result.runs.push_back(
        made_run(i + 1, families[i].starts_with("h") ? std::optional<std::size_t>(5) : std::nullopt,
                 families[i]));
  const auto bars = ctnn_train::outcome_bars(result);
  REQUIRE(bars.size() == 4);
  CHECK(bars[0].label == "h = OR, excites the output");
  CHECK(bars[0].count == 3);
  CHECK(bars[0].good);
  CHECK(bars[1].label == "h = AND, inhibits the output");
  CHECK(bars[1].count == 1);
  CHECK(bars[2].label == "stuck: plateau near 0.5");
  CHECK(bars[2].count == 3);
  CHECK(!bars[2].good);
  CHECK(bars[3].label == "stuck: 01 saturated on the wrong side");
  CHECK(bars[3].count == 1);

  const std::string svg = ctnn_train::outcomes_svg(xor_sweep(), result);
  CHECK(count(svg, "<rect class=\"bar good\"") == 2);
  CHECK(count(svg, "<rect class=\"bar bad\"") == 2);
  CHECK(count(svg, ">3 (37.5%)</text>") == 2);
}

TEST_CASE("for the OR tasks, outcomes are solved within 0.1, solved, or not solved",
          "[sweep_pages]") {
  sweep_result result;
  result.runs.push_back(made_run(1, 10, "", true));
  result.runs.push_back(made_run(2, 12, "", true));
  result.runs.push_back(made_run(3, 40, "", false));
  const auto bars = ctnn_train::outcome_bars(result);
  REQUIRE(bars.size() == 3);
  CHECK(bars[0].label == "solved, every output within 0.1");
  CHECK(bars[0].count == 2);
  CHECK(bars[1].label == "solved, not every output within 0.1");
  CHECK(bars[1].count == 1);
  CHECK(bars[2].label == "not solved");
  CHECK(bars[2].count == 0);  // listed even when no run fell in it
  CHECK(!bars[2].good);
  CHECK(ctnn_train::outcome_category(made_run(4, std::nullopt)) == "not solved");
}

TEST_CASE("each run's command repeats the sweep's settings exactly", "[sweep_pages]") {
  auto sweep = xor_sweep(8000);
  CHECK(ctnn_train::reproduce_command(sweep, 27) ==
        "ctnn-train xor --seed 27 --epochs 8000 --learning-rate 0.05 --scalar double");
  sweep.task = "or-tanh";
  sweep.scalar = "float";
  sweep.settings.epochs = 0;
  sweep.settings.learning_rate = 0.1 + 0.2;  // not 0.3: the command must not round it
  const std::string command = ctnn_train::reproduce_command(sweep, 18446744073709551615u);
  CHECK(command ==
        "ctnn-train or-tanh --seed 18446744073709551615 --epochs 0 --learning-rate "
        "0.30000000000000004 --scalar float");
  CHECK(ctnn_train::sweep_command(sweep, 64) ==
        "ctnn-train sweep or-tanh --seeds 64 --seed 1 --epochs 0 --learning-rate "
        "0.30000000000000004 --scalar float");
}

TEST_CASE("parameters are listed as the shortest decimal that reads back exactly",
          "[sweep_pages]") {
  CHECK(ctnn_train::exact_number(static_cast<double>(0.1f), "float") == "0.1");
  CHECK(ctnn_train::exact_number(static_cast<double>(0.1f), "double") == "0.10000000149011612");
  CHECK(ctnn_train::exact_number(0.1, "double") == "0.1");
  // from_chars, not stod: stod refuses a subnormal as out of range.
  for (const double value : {std::nextafter(1.0, 2.0), -6.416360727452377, 1e-300, 5e-324}) {
    const std::string text = ctnn_train::exact_number(value, "double");
    double read = 0;
    std::from_chars(text.data(), text.data() + text.size(), read);
    CHECK(read == value);
  }
  const float single = std::nextafter(1.0f, 2.0f);
  const std::string text = ctnn_train::exact_number(single, "float");
  float read = 0;
  std::from_chars(text.data(), text.data() + text.size(), read);
  CHECK(read == single);
}

TEST_CASE("the runs CSV has a row per run, families with commas quoted", "[sweep_pages]") {
  sweep_result result;
  result.runs.push_back(made_run(1, 5, "h = AND, inhibits the output"));
  result.runs.push_back(made_run(2, std::nullopt, "stuck: plateau near 0.5"));
  const std::string csv = ctnn_train::sweep_runs_csv(xor_sweep(), result);
  CHECK(
      csv.starts_with("seed,solved,solved_from,outcome,output_00,output_01,output_10,output_11,"
                      "w_3,w_4,b_0,command\n"));
  CHECK(count(csv, "\n") == 3);
  CHECK(count(csv,
              "\n1,1,5,\"h = AND, inhibits the output\",0.1,0.9,0.9,0.9,0.5,-1.25,3,"
              "ctnn-train xor --seed 1 ") == 1);
  CHECK(count(csv, "\n2,0,,stuck: plateau near 0.5,") == 1);
}

TEST_CASE("the page lists every run with its command, escaped, and fetches nothing",
          "[sweep_pages]") {
  sweep_result result;
  for (std::uint64_t seed = 1; seed <= 5; ++seed)
    result.runs.push_back(made_run(seed, seed * 10, "h = OR, excites the output"));
  result.runs.push_back(made_run(6, std::nullopt, "stuck: <b>\"x\" & 'y'</b>"));
  auto sweep = xor_sweep();
  sweep.parameter_names = {"w<1>", "b&", "q\"'"};
  const std::string page = page_of(sweep, result);

  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(page.ends_with("</html>\n"));
  CHECK(count(page, "<tr id=\"seed-") == 6);
  for (std::uint64_t seed = 1; seed <= 6; ++seed)
    CHECK(count(page, fmt::format("<code>ctnn-train xor --seed {} --epochs 1000 --learning-rate "
                                  "0.05 --scalar double</code>",
                                  seed)) == 1);
  CHECK(count(page, "stuck: &lt;b&gt;&quot;x&quot; &amp; &apos;y&apos;&lt;/b&gt;") >= 1);
  CHECK(count(page, "<b>") == 0);
  CHECK(count(page, "w&lt;1&gt;, b&amp;, q&quot;&apos;") == 1);
  // The picture inline, without its XML declaration, which HTML does not allow.
  CHECK(count(page, "<?xml") == 0);
  CHECK(count(page, "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>") == 1);
  // Nothing from the network: the only URL is the SVG namespace, and no element loads anything.
  CHECK(count(page, "http://") == count(page, "http://www.w3.org/2000/svg\""));
  CHECK(count(page, "https://") == 0);
  CHECK(count(page, " src=") == 0);
  CHECK(count(page, "<link") == 0);
  CHECK(count(page, "@import") == 0);
  CHECK(count(page, "<a href=\"sweep-xor-runs.csv\">") == 1);
  CHECK(count(page, "1 run not solved at the end is not counted") == 1);
  result.runs.pop_back();
  CHECK(count(page_of(sweep, result), "Every run was solved.") == 1);
}

TEST_CASE("a page of more than page_table_rows runs lists the first ones and says so",
          "[sweep_pages]") {
  sweep_result result;
  for (std::uint64_t seed = 1; seed <= ctnn_train::page_table_rows + 3; ++seed)
    result.runs.push_back(made_run(seed, 1));
  const std::string page = page_of(xor_sweep(), result);
  CHECK(count(page, "<tr id=\"seed-") == ctnn_train::page_table_rows);
  CHECK(count(page, fmt::format("<tr id=\"seed-{}\"", ctnn_train::page_table_rows)) == 1);
  CHECK(count(page, fmt::format("the first {} of the {} runs", ctnn_train::page_table_rows,
                                ctnn_train::page_table_rows + 3)) == 1);
}

TEST_CASE("a real sweep's page, histogram and chart agree with its runs", "[sweep_pages]") {
  using xor_task = ctnn_train::task<ctnn_train::task_kind::logical_xor>;
  ctnn_train::sweep_description sweep = xor_sweep(2000);
  sweep.parameter_names.assign(xor_task::parameter_names.begin(), xor_task::parameter_names.end());
  sweep.settings.runs = 20;
  sweep.settings.threads = 2;
  const sweep_result result = ctnn_train::run_sweep<xor_task, double>(sweep.settings);
  std::size_t solved = 0;
  for (const auto& run : result.runs) solved += run.solved_from.has_value();
  std::size_t binned = 0, charted = 0;
  for (const auto& bin : ctnn_train::solved_epoch_histogram(result)) binned += bin.count;
  for (const auto& bar : ctnn_train::outcome_bars(result)) charted += bar.count;
  CHECK(binned == solved);
  CHECK(charted == result.runs.size());
  const std::string page = page_of(sweep, result);
  CHECK(count(page, "<tr id=\"seed-") == 20);
  CHECK(count(page, "data-solved=\"yes\"") == solved);
}
