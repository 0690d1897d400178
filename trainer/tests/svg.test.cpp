// Tests the trainer's pictures: what each SVG shows, its CSV, and clean failures.
// SPDX-License-Identifier: BSL-1.0
#include "svg.hpp"

#include <cmath>
#include <cstdlib>
#include <ctnn/initialize.hpp>
#include <ctnn/network.hpp>
#include <ctnn/presets/homework.hpp>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "errors.hpp"
#include "scratch_directory.hpp"
#include "text_count.hpp"

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::xor_net;
using ctnn_test::read_text;
using ctnn_test::scratch_directory;
using deep_net = ctnn::network<ctnn::input<3>, ctnn::dense<4, ctnn::hyperbolic_tangent>,
                               ctnn::dense<2, ctnn::relu, ctnn::from<1, 0>>,
                               ctnn::dense<2, ctnn::logistic, ctnn::from<2, 0, 1>>>;

/// The path data of the learning curve.
std::string curve(const std::string& svg) {
  const auto start = svg.find("class=\"curve\" d=\"");
  if (start == std::string::npos) return {};
  const auto begin = start + 17;
  return svg.substr(begin, svg.find('"', begin) - begin);
}

const std::vector<std::string> xor_names = {"w_3", "w_4", "b_0", "w_0", "w_1", "w_2", "b_1"};

}  // namespace

TEST_CASE("a learning curve has a title, labelled axes with ticks, and its curve", "[svg]") {
  scratch_directory directory("learning_curve");
  std::vector<double> errors(8000);
  for (std::size_t epoch = 0; epoch < errors.size(); ++epoch) {
    errors[epoch] = 1.0 / (1.0 + 0.001 * static_cast<double>(epoch)) + 0.01 * std::sin(epoch * 0.1);
  }
  ctnn_train::write_learning_curve(directory.path / "curve.svg", directory.path / "curve.csv",
                                   errors, "stochastic gradient descent (XOR)");
  const std::string svg = read_text(directory.path / "curve.svg");
  CHECK(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  CHECK(svg.ends_with("</svg>\n"));
  CHECK(count(svg, ">stochastic gradient descent (XOR)</text>") == 1);
  CHECK(count(svg, "class=\"x-label\"") == 1);
  CHECK(count(svg, ">epoch</text>") == 1);
  CHECK(count(svg, ">error for epoch</text>") == 1);
  CHECK(count(svg, "class=\"frame\"") == 1);
  CHECK(count(svg, "class=\"tick\"") >= 8);
  CHECK(count(svg, ">0</text>") >= 1);
  CHECK(count(svg, ">2000</text>") == 1);
  CHECK(count(svg, ">6000</text>") == 1);
  SECTION("a long run is drawn from at most about 2000 points, one stroke") {
    const std::string data = curve(svg);
    CHECK(count(data, "M") == 1);
    const std::size_t points = count(data, "L") + 1;
    CHECK(points >= 500);
    CHECK(points <= 2002);
  }
  SECTION("the CSV holds every epoch's error exactly") {
    std::istringstream csv(read_text(directory.path / "curve.csv"));
    std::string line;
    std::getline(csv, line);
    CHECK(line == "epoch,error");
    std::size_t epoch = 0;
    bool exact = true;
    while (std::getline(csv, line)) {
      const auto comma = line.find(',');
      exact = exact && std::stoul(line.substr(0, comma)) == epoch &&
              std::strtod(line.c_str() + comma + 1, nullptr) == errors[epoch];
      ++epoch;
    }
    CHECK(exact);
    CHECK(epoch == errors.size());
  }
  CHECK(directory.files() == std::vector<std::string>{"curve.csv", "curve.svg"});
}

TEST_CASE("a short learning curve draws every epoch, leaving gaps where it diverged", "[svg]") {
  scratch_directory directory("gaps");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> errors = {3, 2, nan, 1.5, 1, std::numeric_limits<double>::infinity()};
  ctnn_train::write_learning_curve(directory.path / "c.svg", directory.path / "c.csv", errors, "t");
  const std::string data = curve(read_text(directory.path / "c.svg"));
  CHECK(count(data, "M") == 2);
  CHECK(count(data, "L") == 2);
  CHECK(read_text(directory.path / "c.csv") == "epoch,error\n0,3\n1,2\n2,nan\n3,1.5\n4,1\n5,inf\n");
}

TEST_CASE("an empty learning curve still has its axes", "[svg]") {
  scratch_directory directory("empty_curve");
  ctnn_train::write_learning_curve(directory.path / "c.svg", directory.path / "c.csv", {}, "t");
  const std::string svg = read_text(directory.path / "c.svg");
  CHECK(count(svg, "class=\"frame\"") == 1);
  CHECK(curve(svg).empty());
  CHECK(read_text(directory.path / "c.csv") == "epoch,error\n");
}

TEST_CASE("text in pictures is escaped as XML", "[svg]") {
  scratch_directory directory("escape");
  ctnn_train::write_solved_fraction(directory.path / "f.svg", directory.path / "f.csv",
                                    std::vector<double>{0, 0.5, 1}, "a < b & \"c\" > 'd'\x01");
  const std::string svg = read_text(directory.path / "f.svg");
  CHECK(count(svg, ">a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;</text>") == 1);
  CHECK(count(svg, "a < b") == 0);
  CHECK(count(svg, "\x01") == 0);
}

TEST_CASE("the fraction solved is plotted from 0 to 1 by epoch, with its CSV", "[svg]") {
  scratch_directory directory("fraction");
  ctnn_train::write_solved_fraction(directory.path / "f.svg", directory.path / "f.csv",
                                    std::vector<double>{0, 0.25, 0.75, 0.915}, "XOR sweep");
  const std::string svg = read_text(directory.path / "f.svg");
  CHECK(count(svg, ">fraction of runs solved</text>") == 1);
  CHECK(count(svg, ">epoch</text>") == 1);
  CHECK(count(svg, ">XOR sweep</text>") == 1);
  CHECK(count(svg, ">0.2</text>") >= 1);
  CHECK(count(svg, ">0.8</text>") >= 1);
  CHECK(read_text(directory.path / "f.csv") ==
        "epoch,fraction_solved\n0,0\n1,0.25\n2,0.75\n3,0.915\n");
}

TEST_CASE("the XOR diagram draws 4 units and its 5 weights, named and signed", "[svg]") {
  scratch_directory directory("xor_diagram");
  const ctnn::parameters<xor_net, double> params{{-6.42, 6.05, -3.44, 4.27, -4.26, 9.56, -2.33}};
  ctnn_train::write_network_diagram(directory.path / "xor.svg", params, xor_names, "XOR <trained>");
  const std::string svg = read_text(directory.path / "xor.svg");
  CHECK(count(svg, "<circle class=\"unit\"") == 4);
  // 7 parameters: 5 weights, each a connection, and 2 biases, each written under its unit.
  CHECK(count(svg, "<path class=\"connection\"") == 5);
  CHECK(count(svg, "class=\"weight\"") == 5);
  CHECK(count(svg, "class=\"bias\"") == 2);
  CHECK(count(svg, ">XOR &lt;trained&gt;</text>") == 1);
  CHECK(count(svg, "<title>x_0 \u2192 h: w_3 = -6.42</title>") == 1);
  CHECK(count(svg, "<title>x_1 \u2192 h: w_4 = 6.05</title>") == 1);
  CHECK(count(svg, "<title>x_0 \u2192 \u0177: w_0 = 4.27</title>") == 1);
  CHECK(count(svg, "<title>x_1 \u2192 \u0177: w_1 = -4.26</title>") == 1);
  CHECK(count(svg, "<title>h \u2192 \u0177: w_2 = 9.56</title>") == 1);
  CHECK(count(svg,
              "b<tspan dy=\"0.3em\" font-size=\"75%\">0</tspan><tspan dy=\"-0.3em\">"
              "</tspan> = -3.44</text>") == 1);
  CHECK(count(svg, "= -2.33</text>") == 1);
  // Red for negative, blue for positive; the widest line is the largest weight's.
  CHECK(count(svg, "marker-end=\"url(#arrow-negative)\"") == 2);
  CHECK(count(svg, "marker-end=\"url(#arrow-positive)\"") == 3);
  CHECK(count(svg, "stroke-width=\"8.00\" marker-end=\"url(#arrow-positive)\"") == 1);
  CHECK(count(svg, "class=\"legend\"") == 1);
  CHECK(count(svg, "input</text>") == 1);
  CHECK(count(svg, "hidden (logistic)</text>") == 1);
  CHECK(count(svg, "output (logistic)</text>") == 1);
}

TEST_CASE("a diagram of the largest finite weights has finite widths and short labels", "[svg]") {
  // 7 * 2.6e307 overflows: a loaded model wrote stroke-width="inf" and 300-digit labels.
  const double huge = std::numeric_limits<double>::max();
  const std::vector<double> values = {huge, -huge / 4, 1.0, 2.6e307, -0.5, huge / 2, -huge};
  const std::string svg = ctnn_train::network_diagram_svg(
      ctnn_train::make_network_diagram(ctnn::model_shape_of<xor_net, double>(), values, xor_names),
      "huge");
  CHECK(count(svg, "inf") == 0);
  CHECK(count(svg, "nan") == 0);
  CHECK(count(svg, "stroke-width=\"8.00\" marker-end") == 1);  // w_3 = DBL_MAX
  CHECK(count(svg, "<title>x_0 \u2192 \u0177: w_0 = 2.60e+307</title>") == 1);
  CHECK(count(svg, "= -1.80e+308</text>") == 1);               // b_1
  CHECK(count(svg, "stroke-width=\"2.75\" marker-end") == 1);  // w_4 = -DBL_MAX / 4
  CHECK(count(svg, "(largest 1.80e+308)") == 1);
}

TEST_CASE("a diagram reads each weight from the parameters' own layout", "[svg]") {
  const auto params = ctnn::initialize<deep_net, double>(5);
  const std::vector<double> values(std::begin(params.values), std::end(params.values));
  const auto diagram =
      ctnn_train::make_network_diagram(ctnn::model_shape_of<deep_net, double>(), values, {});
  REQUIRE(diagram.layers.size() == 4);
  CHECK(diagram.layers[1].size() == 4);
  CHECK(diagram.connections.size() == 4 * 3 + 2 * (4 + 3) + 2 * (2 + 3 + 4));
  std::size_t checked = 0;
  for (const auto& connection : diagram.connections) {
    const auto [layer, unit] = connection.to;
    if (layer == 3 && unit == 1) {
      // Output unit 1 reads [layer 2, input, layer 1], as from<2, 0, 1> says.
      const std::size_t k = checked++;
      CHECK(connection.weight == params.weight<3>(1, k));
      CHECK(connection.from.first == (k < 2 ? 2u : k < 5 ? 0u : 1u));
    }
  }
  CHECK(checked == 9);
  CHECK(*diagram.layers[2][1].bias == params.bias<2>(1));
  CHECK(diagram.layers[2][1].bias_name == "b");
  CHECK(diagram.layers[0][2].name == "x_2");
  CHECK(diagram.layers[1][3].name == "h1_3");
  CHECK(diagram.layers[3][1].name == "\u0177_1");
}

TEST_CASE("other diagrams have a circle per unit and a path per weight", "[svg]") {
  scratch_directory directory("diagrams");
  const std::array<std::string_view, 3> or_names = {"w_0", "w_1", "b"};
  ctnn_train::write_network_diagram(directory.path / "or.svg",
                                    ctnn::initialize<or_neuron, float>(1), or_names, "OR");
  const std::string or_svg = read_text(directory.path / "or.svg");
  CHECK(count(or_svg, "<circle class=\"unit\"") == 3);
  CHECK(count(or_svg, "<path class=\"connection\"") == 2);
  CHECK(count(or_svg, "<title>x_1 \u2192 \u0177: w_1 = ") == 1);

  ctnn_train::write_network_diagram(directory.path / "deep.svg",
                                    ctnn::initialize<deep_net, double>(1),
                                    std::span<const std::string>{}, "deep");
  const std::string deep_svg = read_text(directory.path / "deep.svg");
  CHECK(count(deep_svg, "<circle class=\"unit\"") == 3 + 4 + 2 + 2);
  CHECK(count(deep_svg, "<path class=\"connection\"") == 44);
}

TEST_CASE("a picture that cannot be written leaves no file behind", "[svg][files]") {
  scratch_directory directory("svg_fails");
  const auto missing = directory.path / "missing";
  CHECK_THROWS_WITH(
      ctnn_train::write_learning_curve(missing / "c.svg", directory.path / "c.csv",
                                       std::vector<double>{1, 2}, "t"),
      "cannot write \"" + (missing / "c.svg").string() + "\": No such file or directory");
  CHECK_THROWS_AS(ctnn_train::write_network_diagram(
                      missing / "n.svg", ctnn::initialize<xor_net, double>(1), xor_names, "t"),
                  ctnn_train::input_error);
  // The CSV was complete before the SVG failed; nothing half-written or temporary remains.
  CHECK(directory.files() == std::vector<std::string>{"c.csv"});
}

TEST_CASE("a curve's CSV lists every epoch up to its row limit, then evenly spaced ones", "[svg]") {
  const auto epochs = [](std::size_t count, bool every_epoch) {
    return ctnn_train::csv_epochs(count, every_epoch);
  };
  CHECK(epochs(0, false).empty());
  CHECK(epochs(3, false) == std::vector<std::size_t>{0, 1, 2});
  CHECK(epochs(ctnn_train::curve_csv_rows, false).size() == ctnn_train::curve_csv_rows);
  for (const std::size_t count : {ctnn_train::curve_csv_rows + 1, std::size_t{300'000},
                                  std::size_t{9'999'999}, std::size_t{10'000'000}}) {
    INFO(count);
    const std::vector<std::size_t> thinned = epochs(count, false);
    CHECK(thinned.size() <= ctnn_train::curve_csv_rows);
    CHECK(thinned.size() > ctnn_train::curve_csv_rows / 2);  // the least step that fits
    CHECK(thinned.front() == 0);
    CHECK(thinned.back() == count - 1);
    const std::size_t step = thinned[1] - thinned[0];
    bool evenly_spaced = true;
    for (std::size_t i = 1; i + 1 < thinned.size(); ++i)
      evenly_spaced = evenly_spaced && thinned[i] - thinned[i - 1] == step;
    CHECK(evenly_spaced);
    CHECK(epochs(count, true).size() == count);
  }
}
