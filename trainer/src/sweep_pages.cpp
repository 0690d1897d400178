// The sweep's histogram, outcome chart, runs CSV and HTML page.
// SPDX-License-Identifier: BSL-1.0
#include "sweep_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace ctnn_train {

namespace {

constexpr std::string_view solved_within_0_1 = "solved, every output within 0.1";
constexpr std::string_view solved_only = "solved, not every output within 0.1";
constexpr std::string_view not_solved = "not solved";

bool is_solution(std::string_view family) { return family.starts_with("h = "); }

/// Whether the runs have solution families: XOR's do, the OR tasks' do not.
bool has_families(const sweep_result& result) {
  return std::any_of(result.runs.begin(), result.runs.end(),
                     [](const sweep_run& run) { return !run.family.empty(); });
}

std::size_t solved_count(const sweep_result& result) {
  std::size_t solved = 0;
  for (const sweep_run& run : result.runs) solved += run.result.solved();
  return solved;
}

std::string share(std::size_t count, std::size_t total) {
  return fmt::format(
      "{:.1f}%",
      total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total));
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

/// An SVG document as an element of an HTML page: without its XML declaration.
std::string inline_svg(std::string_view svg) {
  if (svg.starts_with("<?xml")) svg.remove_prefix(std::min(svg.size(), svg.find('\n') + 1));
  return std::string(svg);
}

// Sizes the pictures to the page, keeps the table readable on a phone (it scrolls sideways in its
// box) and in print (no controls, no scrolling box, rows not split across pages).
constexpr std::string_view page_style = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #222; background: white; line-height: 1.45; max-width: 80rem; margin: 0 auto;
  padding: 0.75rem; }
h1 { font-size: 1.45rem; margin: 0.5rem 0; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; overflow-wrap: anywhere; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; flex: 1 1 24rem; min-width: 0; max-width: 48rem; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: 0.9rem; color: #444; margin-top: 0.3rem; }
.table-box { overflow-x: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 0.85rem; }
caption { text-align: left; padding: 0.4rem 0.5rem; }
th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #e4e4e4; text-align: left;
  vertical-align: top; }
thead th { background: #f2f2f2; position: sticky; top: 0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.no { color: #b00000; font-weight: bold; }
td.outcome { min-width: 12rem; }
td.outputs { white-space: nowrap; }
td.parameters code { display: inline-block; min-width: 22rem; }
td.command code { white-space: nowrap; }
th button { font: inherit; font-weight: bold; border: 0; padding: 0; background: none;
  cursor: pointer; text-align: left; }
th[aria-sort="ascending"] button::after { content: " \25B2"; }
th[aria-sort="descending"] button::after { content: " \25BC"; }
.controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center;
  margin: 0.5rem 0; }
@media print {
  body { max-width: none; padding: 0; }
  .controls { display: none; }
  .table-box { overflow: visible; border: 0; }
  thead th { position: static; }
  tr, figure { break-inside: avoid; }
  figure { flex-basis: 100%; }
}
)";

// Sorting and filtering for the table, added by the script itself, so that a page read without
// scripts shows no control that does nothing. Plain ES5 DOM: nothing to load.
constexpr std::string_view page_script = R"(
(function () {
  "use strict";
  var table = document.getElementById("runs");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var controls = document.createElement("div");
  controls.className = "controls";
  controls.innerHTML =
    '<label>Show <select id="show"><option value="all">all runs</option>' +
    '<option value="yes">solved</option><option value="no">not solved</option></select></label>' +
    '<label>Seed or outcome <input id="filter" type="search" size="24"></label>' +
    '<span id="shown" role="status"></span>';
  var box = table.parentNode;
  box.parentNode.insertBefore(controls, box);
  var show = document.getElementById("show");
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  function apply() {
    var wanted = show.value, words = filter.value.trim().toLowerCase(), count = 0;
    rows.forEach(function (row) {
      var visible = (wanted === "all" || row.getAttribute("data-solved") === wanted) &&
        (words === "" || row.cells[0].textContent === words ||
         row.cells[3].textContent.toLowerCase().indexOf(words) >= 0);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = count + " of " + rows.length + " runs shown";
  }
  show.addEventListener("change", apply);
  filter.addEventListener("input", apply);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (header, column) {
    var type = header.getAttribute("data-sort");
    if (!type) return;
    var button = document.createElement("button");
    button.type = "button";
    while (header.firstChild) button.appendChild(header.firstChild);
    header.appendChild(button);
    button.addEventListener("click", function () {
      var descending = header.getAttribute("aria-sort") === "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var keyed = rows.map(function (row, index) {
        var cell = row.cells[column];
        var text = cell.hasAttribute("data-key") ? cell.getAttribute("data-key")
                                                 : cell.textContent;
        var key = type === "number" ? (text === "" ? null : Number(text)) : text.toLowerCase();
        return { row: row, key: key, index: index };
      });
      keyed.sort(function (a, b) {
        if (a.key === b.key) return a.index - b.index;
        if (a.key === null) return 1;  // not solved: last either way
        if (b.key === null) return -1;
        var order = a.key < b.key ? -1 : 1;
        return descending ? -order : order;
      });
      var fragment = document.createDocumentFragment();
      keyed.forEach(function (entry) { fragment.appendChild(entry.row); });
      body.appendChild(fragment);
    });
  });
  apply();
})();
)";

}  // namespace

std::string reproduce_command(const sweep_description& sweep, std::uint64_t seed) {
  // The rate as the sweep parsed it, shortest round trip: the single run parses the same double.
  return fmt::format("ctnn-train {} --seed {} --epochs {} --learning-rate {} --scalar {}",
                     sweep.task, seed, sweep.settings.epochs, sweep.settings.learning_rate,
                     sweep.scalar);
}

std::string sweep_command(const sweep_description& sweep, std::size_t runs) {
  return fmt::format(
      "ctnn-train sweep {} --seeds {} --seed {} --epochs {} --learning-rate {} --scalar {}",
      sweep.task, runs, sweep.settings.base_seed, sweep.settings.epochs,
      sweep.settings.learning_rate, sweep.scalar);
}

std::string exact_number(double value, std::string_view scalar) {
  // fmt's "{}" is the shortest round trip of the type it is given.
  return scalar == "float" ? fmt::format("{}", static_cast<float>(value))
                           : fmt::format("{}", value);
}

std::size_t histogram_bin_width(std::size_t span, std::size_t count) {
  const double wanted = std::clamp(std::ceil(std::sqrt(static_cast<double>(count))), 5.0, 50.0);
  const double raw = static_cast<double>(span) / wanted;
  for (std::size_t magnitude = 1;; magnitude *= 10) {
    for (const double multiple : {1.0, 2.0, 2.5, 5.0}) {
      const double width = multiple * static_cast<double>(magnitude);
      if (width == std::floor(width) && width >= raw) return static_cast<std::size_t>(width);
    }
  }
}

std::vector<histogram_bin> solved_epoch_histogram(const sweep_result& result) {
  std::vector<std::size_t> epochs;
  for (const sweep_run& run : result.runs)
    if (run.solved_from) epochs.push_back(*run.solved_from);
  if (epochs.empty()) return {};
  const std::size_t span = *std::max_element(epochs.begin(), epochs.end()) + 1;
  const std::size_t width = histogram_bin_width(span, epochs.size());
  std::vector<histogram_bin> bins((span + width - 1) / width);
  for (std::size_t i = 0; i < bins.size(); ++i) bins[i] = {i * width, (i + 1) * width, 0};
  for (const std::size_t epoch : epochs) ++bins[epoch / width].count;
  return bins;
}

std::string outcome_category(const sweep_run& run) {
  if (!run.family.empty()) return run.family;
  if (!run.result.solved()) return std::string(not_solved);
  return std::string(run.result.within_0_1 == run.result.patterns ? solved_within_0_1
                                                                  : solved_only);
}

std::vector<chart_bar> outcome_bars(const sweep_result& result) {
  const bool families = has_families(result);
  std::map<std::string, std::size_t> counts;
  for (const sweep_run& run : result.runs) ++counts[outcome_category(run)];
  std::vector<chart_bar> bars;
  if (!families) {
    for (const std::string_view category : {solved_within_0_1, solved_only, not_solved})
      bars.push_back(
          {std::string(category), counts[std::string(category)], category != not_solved});
    return bars;
  }
  for (const auto& [category, count] : counts)
    bars.push_back({category, count, is_solution(category)});
  std::sort(bars.begin(), bars.end(), [](const chart_bar& a, const chart_bar& b) {
    if (a.good != b.good) return a.good;
    return a.count != b.count ? a.count > b.count : a.label < b.label;
  });
  return bars;
}

std::string solved_epoch_svg(const sweep_description& sweep, const sweep_result& result) {
  const std::size_t total = result.runs.size();
  const std::size_t unsolved = total - solved_count(result);
  const std::string note =
      unsolved == 0 ? fmt::format("all {} runs solved by the end", total)
                    : fmt::format(
                          "{} of {} runs not solved at the end (after {} epochs) are not "
                          "in the histogram",
                          unsolved, total, sweep.settings.epochs);
  const std::vector<histogram_bin> bins = solved_epoch_histogram(result);
  return histogram_svg(bins,
                       fmt::format("epoch at which runs became solved ({}, seeds {} ..)",
                                   sweep.task, sweep.settings.base_seed),
                       note,
                       bins.empty() ? "epoch solved from"
                                    : fmt::format("epoch solved from (bins of {} epochs)",
                                                  bins.front().high - bins.front().low),
                       "runs");
}

std::string outcomes_svg(const sweep_description& sweep, const sweep_result& result) {
  const bool xor_families = has_families(result);
  return bar_chart_svg(
      outcome_bars(result), result.runs.size(),
      fmt::format("{} of {} runs ({}, seeds {} ..)",
                  xor_families ? "solution families and stuck runs" : "outcomes",
                  result.runs.size(), sweep.task, sweep.settings.base_seed),
      "runs",
      xor_families ? "solved: the hidden unit's function, its effect on the output" : "solved",
      xor_families ? "stuck (may be on the correct side by chance)" : "not solved");
}

std::string sweep_runs_csv(const sweep_description& sweep, const sweep_result& result) {
  std::string text = "seed,solved,solved_from,outcome,output_00,output_01,output_10,output_11";
  for (const std::string& name : sweep.parameter_names) text += "," + csv_field(name);
  text += ",command\n";
  for (const sweep_run& run : result.runs) {
    text += fmt::format("{},{},{},{}", run.seed, run.result.solved() ? 1 : 0,
                        run.solved_from ? fmt::format("{}", *run.solved_from) : std::string(),
                        csv_field(outcome_category(run)));
    for (std::size_t n = 0; n < run.result.patterns; ++n)
      text += fmt::format(",{}", run.outputs[n]);
    for (const double value : run.parameters) text += "," + exact_number(value, sweep.scalar);
    text += "," + reproduce_command(sweep, run.seed) + "\n";
  }
  return text;
}

std::string sweep_page_html(const sweep_description& sweep, const sweep_result& result,
                            const sweep_pictures& pictures, const std::vector<std::string>& files) {
  const std::size_t total = result.runs.size();
  const std::size_t solved = solved_count(result);
  std::size_t within_0_1 = 0;
  std::vector<std::size_t> solved_from;
  for (const sweep_run& run : result.runs) {
    within_0_1 += run.result.within_0_1 == run.result.patterns;
    if (run.solved_from) solved_from.push_back(*run.solved_from);
  }
  const std::uint64_t last_seed = sweep.settings.base_seed + (total == 0 ? 0 : total - 1);
  const std::string heading = fmt::format("Sweep of {}: {} runs, seeds {} to {}", sweep.task, total,
                                          sweep.settings.base_seed, last_seed);

  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      escape_markup(heading), page_style, escape_markup(heading));

  page += "<dl class=\"summary\">\n";
  const auto entry = [&](std::string_view term, const std::string& html) {
    page += fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, html);
  };
  entry("Settings",
        escape_markup(fmt::format("learning rate {}, {} epochs, {}", sweep.settings.learning_rate,
                                  sweep.settings.epochs, sweep.scalar)));
  entry("Solved", escape_markup(fmt::format(
                      "{} of {} runs ({}) on the correct side of 0.5 at the end; {} "
                      "({}) within 0.1 of every target",
                      solved, total, share(solved, total), within_0_1, share(within_0_1, total))));
  entry("Became solved",
        solved_from.empty()
            ? std::string("no run was solved")
            : escape_markup(
                  fmt::format("from epoch {} (10th percentile), {} (median), {} (90th percentile)",
                              percentile(solved_from, 10), percentile(solved_from, 50),
                              percentile(solved_from, 90))));
  entry("Again", fmt::format("<code>{}</code>", escape_markup(sweep_command(sweep, total))));
  std::string links;
  for (const std::string& file : files)
    links += fmt::format("{}<a href=\"{}\">{}</a>", links.empty() ? "" : ", ", escape_markup(file),
                         escape_markup(file));
  entry("Files", links);
  page += "</dl>\n";

  page += "<h2>Pictures</h2>\n<div class=\"figures\">\n";
  page += fmt::format(
      "<figure id=\"solved-fraction\">\n{}<figcaption>The fraction of runs solved (every output "
      "on the correct side of 0.5) after each epoch.</figcaption>\n</figure>\n",
      inline_svg(pictures.solved_fraction));
  page += fmt::format(
      "<figure id=\"solved-epoch\">\n{}<figcaption>When the {} solved runs became solved: the "
      "first epoch after which every output stayed on the correct side of 0.5 to the end. "
      "{}</figcaption>\n</figure>\n",
      inline_svg(pictures.solved_epoch), solved,
      total == solved ? std::string("Every run was solved.")
      : total - solved == 1
          ? std::string("1 run not solved at the end is not counted here.")
          : fmt::format("{} runs not solved at the end are not counted here.", total - solved));
  page += fmt::format(
      "<figure id=\"outcomes\">\n{}<figcaption>{}</figcaption>\n</figure>\n</div>\n",
      inline_svg(pictures.outcomes),
      has_families(result)
          ? "How each run ended: its solution family (what the hidden unit computes, and "
            "whether it excites or inhibits the output) or how it is stuck. A run on the "
            "plateau near 0.5 counts as stuck even when its outputs happen to be on the "
            "correct side."
          : "How each run ended. The OR tasks have one unit and so no solution families: a run "
            "is solved with every output within 0.1 of its target, solved only on the correct "
            "side of 0.5, or not solved.");

  const std::size_t rows = std::min(total, page_table_rows);
  page += "<h2>Runs</h2>\n";
  if (rows < total)
    page += fmt::format(
        "<p>The table lists the first {} of the {} runs; the runs CSV has every one.</p>\n", rows,
        total);
  std::string names;
  for (const std::string& name : sweep.parameter_names)
    names += (names.empty() ? "" : ", ") + escape_markup(name);
  page += fmt::format(
      "<div class=\"table-box\">\n<table id=\"runs\">\n<caption>Each run with the command that "
      "trains it alone, to the same parameters bit for bit.</caption>\n<thead><tr>"
      "<th data-sort=\"number\">Seed</th><th data-sort=\"text\">Solved</th>"
      "<th data-sort=\"number\">Solved from epoch</th><th data-sort=\"text\">Outcome</th>"
      "<th>Outputs for 00, 01, 10, 11</th><th>Final parameters ({}), exact</th>"
      "<th>Command that reproduces it</th></tr></thead>\n<tbody>\n",
      names);
  for (std::size_t i = 0; i < rows; ++i) {
    const sweep_run& run = result.runs[i];
    const bool is_solved = run.result.solved();
    std::string outputs, parameters;
    for (std::size_t n = 0; n < run.result.patterns; ++n)
      outputs += fmt::format("{}{:.3f}", n == 0 ? "" : " ", run.outputs[n]);
    for (const double value : run.parameters)
      parameters += (parameters.empty() ? "" : " ") + exact_number(value, sweep.scalar);
    page += fmt::format(
        "<tr id=\"seed-{0}\" data-solved=\"{1}\"><td class=\"number\">{0}</td>"
        "<td class=\"{1}\">{1}</td><td class=\"number\"{2}>{3}</td><td class=\"outcome\">{4}</td>"
        "<td class=\"outputs\">{5}</td><td class=\"parameters\"><code>{6}</code></td>"
        "<td class=\"command\"><code>{7}</code></td></tr>\n",
        run.seed, is_solved ? "yes" : "no", run.solved_from ? "" : " data-key=\"\"",
        run.solved_from ? fmt::format("{}", *run.solved_from) : std::string("\u2014"),
        escape_markup(outcome_category(run)), outputs, parameters,
        escape_markup(reproduce_command(sweep, run.seed)));
  }
  page += "</tbody>\n</table>\n</div>\n";
  page += fmt::format("<script>{}</script>\n</body>\n</html>\n", page_script);
  return page;
}

}  // namespace ctnn_train
