// Tests the HTML report's page: the snapshot schedule, the plateau and solved markers, the JSON
// it embeds and its escaping, and that it asks for nothing from the network.
// SPDX-License-Identifier: BSL-1.0
#include "html_report.hpp"

#include <cmath>
#include <ctnn/model_shape.hpp>
#include <ctnn/presets/homework.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "tasks.hpp"
#include "text_count.hpp"

namespace {

using ctnn_train::epoch_stretch;

/// The epochs of a run of `epochs` whose parameters the report keeps.
std::vector<std::size_t> snapshots(std::size_t epochs) {
  std::vector<std::size_t> result;
  const std::size_t k = ctnn_train::snapshot_interval(epochs);
  for (std::size_t t = 0; t <= epochs; t += k) result.push_back(t);
  if (result.back() != epochs) result.push_back(epochs);
  return result;
}

/// A small XOR report's data: three snapshots, a short curve.
ctnn_train::html_report_data xor_data() {
  using task = ctnn_train::task<ctnn_train::task_kind::logical_xor>;
  ctnn_train::html_report_data data;
  data.task = "xor";
  data.description = "logical XOR";
  data.topology = "xor_net";
  data.scalar = "double";
  data.learning_rate = 0.05;
  data.epochs = 2;
  data.seed = 1;
  data.parameters_from = "drawn";
  data.shape = ctnn::model_shape_of<ctnn_train::xor_net, double>();
  data.parameter_names.assign(task::parameter_names.begin(), task::parameter_names.end());
  data.patterns = {{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
  data.targets = {0, 1, 1, 0};
  data.snapshots = {{0, std::nullopt, {0.1, 1.0 / 3, -1e-300, 5e-324, -2.5, 1e300, 7}},
                    {1, 1.25, {1, 2, 3, 4, 5, 6, 7}},
                    {2, 1.125, {-1, -2, -3, -4, -5, -6, -7}}};
  data.errors = {1.25, 1.125};
  data.solved = {false, false, true};
  data.gradient_check = "Gradient check\n";
  data.verdict = "xor: not solved";
  data.files = {"xor-report.html"};
  return data;
}

/// The JSON in the page's data element, as a browser's JSON.parse reads it.
nlohmann::json page_data(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const std::size_t start = page.find(open) + open.size();
  const std::string text = page.substr(start, page.find("</script>", start) - start);
  return nlohmann::json::parse(text);
}

}  // namespace

TEST_CASE("the report keeps the first, every k-th and the last parameters, at most 500",
          "[html_report]") {
  for (const std::size_t epochs : {0UL, 1UL, 2UL, 7UL, 498UL, 499UL, 500UL, 501UL, 1000UL, 5000UL,
                                   8000UL, 12345UL, 1000000UL, 10000000UL}) {
    CAPTURE(epochs);
    const std::size_t k = ctnn_train::snapshot_interval(epochs);
    const std::vector<std::size_t> kept = snapshots(epochs);
    CHECK(kept.front() == 0);
    CHECK(kept.back() == epochs);
    CHECK(kept.size() <= ctnn_train::report_snapshot_limit);
    // k is the least of 1, 2, 5, 10, 20, 50, ... that fits.
    std::size_t smaller = 0;
    for (std::size_t scale = 1; scale < k; scale *= 10)
      for (const std::size_t step : {scale, 2 * scale, 5 * scale})
        if (step < k) smaller = step;
    if (smaller > 0) {
      const std::size_t more = epochs / smaller + 1 + (epochs % smaller != 0);
      CHECK(more > ctnn_train::report_snapshot_limit);
    }
    for (std::size_t t = 0; t <= std::min<std::size_t>(epochs, 3000); ++t) {
      const bool expected = t == 0 || t == epochs || t % k == 0;
      if (ctnn_train::is_snapshot(t, epochs) != expected) FAIL("epoch " << t);
    }
  }
  // XOR's default run: every 20 epochs, 401 snapshots (the page's size in the README).
  CHECK(ctnn_train::snapshot_interval(8000) == 20);
  CHECK(snapshots(8000).size() == 401);
  CHECK(ctnn_train::snapshot_interval(498) == 1);
  CHECK(snapshots(12345).back() == 12345);
}

TEST_CASE("the plateau is the longest stretch within 5%, above a tenth of the highest error",
          "[html_report]") {
  std::vector<double> errors;
  // 50 epochs falling from 3, 1000 on a plateau near 1 (within 2%), then a fall to 0.001 and a
  // long tail creeping toward 0 (within 5% for long stretches, but below the floor).
  for (int i = 0; i < 50; ++i) errors.push_back(3.0 - 0.01 * i);
  for (int i = 0; i < 1000; ++i) errors.push_back(1.0 + 0.01 * std::sin(i));
  for (int i = 0; i < 1000; ++i) errors.push_back(0.9 * std::pow(0.001 / 0.9, i / 999.0));
  for (int i = 0; i < 3000; ++i) errors.push_back(0.001 * (1 - i * 1e-6));
  SECTION("its epochs are counted from 1, the first epoch's error ending after 1 epoch") {
    const std::optional<epoch_stretch> plateau = ctnn_train::find_plateau(errors);
    REQUIRE(plateau);
    CHECK(plateau->first == 51);
    CHECK(plateau->last == 1050);
  }
  SECTION("a tail above the floor would be a plateau") {
    for (double& error : errors) error = std::max(error, 0.35);
    const std::optional<epoch_stretch> plateau = ctnn_train::find_plateau(errors);
    REQUIRE(plateau);
    CHECK(plateau->last == errors.size());
  }
  SECTION("a stuck run's plateau lasts to the end") {
    errors.resize(1050);
    const std::optional<epoch_stretch> plateau = ctnn_train::find_plateau(errors);
    REQUIRE(plateau);
    CHECK(plateau->last == 1050);
  }
  SECTION("a spread of more than 5% ends it") {
    errors[549] = 1.06;
    const std::optional<epoch_stretch> plateau = ctnn_train::find_plateau(errors);
    REQUIRE(plateau);
    CHECK(plateau->first == 551);
    CHECK(plateau->last == 1050);
  }
}

TEST_CASE("a steady fall or a short flat stretch is no plateau", "[html_report]") {
  std::vector<double> falling;
  for (int i = 0; i < 5000; ++i) falling.push_back(1.5 * std::exp(-i / 500.0));
  CHECK_FALSE(ctnn_train::find_plateau(falling));
  std::vector<double> flat(ctnn_train::plateau_min_epochs - 1, 1.0);
  CHECK_FALSE(ctnn_train::find_plateau(flat));
  flat.push_back(1.0);
  CHECK(ctnn_train::find_plateau(flat));
  CHECK_FALSE(ctnn_train::find_plateau({}));
}

TEST_CASE("solved after: the first epoch from which every output stays right", "[html_report]") {
  using v = std::vector<bool>;
  CHECK(ctnn_train::solved_after(v{false, false, true, true}) == 2);
  CHECK(ctnn_train::solved_after(v{true, false, true, false, true}) == 4);
  CHECK(ctnn_train::solved_after(v{true, true}) == 0);
  CHECK(ctnn_train::solved_after(v{true, false, true}) == 2);
  CHECK_FALSE(ctnn_train::solved_after(v{true, true, false}));
  CHECK_FALSE(ctnn_train::solved_after(v{}));
}

TEST_CASE("the report's units take their parameters where ctnn keeps them", "[html_report]") {
  using task = ctnn_train::task<ctnn_train::task_kind::logical_xor>;
  const auto units = ctnn_train::report_units(ctnn::model_shape_of<ctnn_train::xor_net, double>());
  REQUIRE(units.size() == 2);
  const auto name = [](std::size_t i) { return std::string(task::parameter_names[i]); };
  CHECK(units[0].name == "h");
  CHECK(units[0].sources == std::vector<std::string>{"x_0", "x_1"});
  CHECK(name(units[0].weights[0]) == "w_3");
  CHECK(name(units[0].weights[1]) == "w_4");
  CHECK(name(units[0].bias) == "b_0");
  CHECK(units[1].name == "y");
  CHECK(units[1].sources == std::vector<std::string>{"x_0", "x_1", "h"});
  CHECK(units[1].source_layers == std::vector<std::size_t>{0, 0, 1});
  CHECK(name(units[1].weights[0]) == "w_0");
  CHECK(name(units[1].weights[1]) == "w_1");
  CHECK(name(units[1].weights[2]) == "w_2");
  CHECK(name(units[1].bias) == "b_1");
  const auto single =
      ctnn_train::report_units(ctnn::model_shape_of<ctnn_train::or_neuron, double>());
  REQUIRE(single.size() == 1);
  CHECK(single[0].weights == std::vector<std::size_t>{0, 1});
  CHECK(single[0].bias == 2);
  CHECK(single[0].activation == "logistic");
}

TEST_CASE("the page's JSON holds every snapshot's parameters exactly", "[html_report]") {
  const ctnn_train::html_report_data data = xor_data();
  const nlohmann::json json = page_data(ctnn_train::html_report(data));
  REQUIRE(json["snapshots"].size() == data.snapshots.size());
  for (std::size_t i = 0; i < data.snapshots.size(); ++i) {
    CHECK(json["snapshots"][i]["epoch"] == data.snapshots[i].epoch);
    CHECK(json["snapshots"][i]["parameters"].get<std::vector<double>>() ==
          data.snapshots[i].parameters);
  }
  CHECK(json["snapshots"][0]["error"].is_null());
  CHECK(json["snapshots"][2]["error"] == 1.125);
  CHECK(json["solved_after"] == 2);
  CHECK(json["plateau"].is_null());
  CHECK(json["interval"] == 1);
  CHECK(json["units"][1]["bias"] == 6);
}

TEST_CASE("text that would end the page's script or data element is escaped", "[html_report]") {
  CHECK(ctnn_train::script_safe_json(R"({"a":"</script><!--x"})") ==
        R"({"a":"<\/script><\u0021--x"})");
  ctnn_train::html_report_data data = xor_data();
  const std::string hostile = "</script><script>alert(1)</script><!-- \"quoted\" \\ \n";
  data.task = hostile;
  data.verdict = hostile;
  data.gradient_check = "</pre>" + hostile;
  data.problem_5 = hostile;
  data.files = {hostile};
  const std::string page = ctnn_train::html_report(data);
  // The template's two script elements, and no other.
  CHECK(count(page, "</script") == 2);
  CHECK(count(page, "<!--") == 0);
  CHECK(count(page, "</pre>") == 2);  // the gradient check's and Problem 5's
  CHECK(page_data(page)["task"] == hostile);
}

TEST_CASE("the page asks for nothing from the network", "[html_report]") {
  const std::string page = ctnn_train::html_report(xor_data());
  std::size_t links = 0;
  for (const std::string scheme : {"http://", "https://", "//cdn", "url(http"}) {
    for (auto at = page.find(scheme); at != std::string::npos; at = page.find(scheme, at + 1)) {
      ++links;
      CHECK(page.compare(at, 26, "http://www.w3.org/2000/svg") == 0);
    }
  }
  CHECK(links >= 1);  // the script's SVG namespace
  CHECK(count(page, "<link") == 0);
  CHECK(count(page, " src=") == 0);
  CHECK(count(page, "@import") == 0);
  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(count(page, "<!--ctnn:") == 0);
}
