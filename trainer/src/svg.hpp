// Defines the trainer's pictures: the learning curve, the fraction of runs solved by epoch, and
// a diagram of a trained network, as SVG files (with the curves' data as CSV).
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/model_shape.hpp>
#include <ctnn/parameters.hpp>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "files.hpp"

namespace ctnn_train {

/// The learning curve's SVG document and CSV text, as `write_learning_curve` writes them.
std::string learning_curve_svg(std::span<const double> errors, std::string_view title);
std::string learning_curve_csv(std::span<const double> errors, bool every_epoch = false);

/// The solved fraction's SVG document and CSV text, as `write_solved_fraction` writes them.
std::string solved_fraction_svg(std::span<const double> fraction_by_epoch, std::string_view title);
std::string solved_fraction_csv(std::span<const double> fraction_by_epoch,
                                bool every_epoch = false);

/// Error per epoch against epoch, titled and with labelled axes like the homework's matplotlib
/// plot, as `svg`; the errors as `csv` (`epoch,error`; see csv_epochs). Long runs are drawn from at
/// most about 2000 points (each stretch's lowest and highest), so the curve keeps its shape;
/// non-finite errors leave a gap. Both files are written atomically; throws `input_error` if they
/// cannot be.
void write_learning_curve(const std::filesystem::path& svg, const std::filesystem::path& csv,
                          std::span<const double> errors, std::string_view title,
                          bool every_epoch = false);

/// The fraction of runs solved after each epoch, 0 to 1, as `svg`, and as `csv`
/// (`epoch,fraction_solved`); as `write_learning_curve` otherwise.
void write_solved_fraction(const std::filesystem::path& svg, const std::filesystem::path& csv,
                           std::span<const double> fraction_by_epoch, std::string_view title,
                           bool every_epoch = false);

/// The most rows a curve's CSV has unless every epoch is asked for: 10^7 epochs made 300 MB.
inline constexpr std::size_t curve_csv_rows = 100'000;

/// The epochs of `count` that a curve's CSV lists: all of them, or if there are more than
/// curve_csv_rows and not `every_epoch`, every k-th from 0 (k the least that fits) and the last.
std::vector<std::size_t> csv_epochs(std::size_t count, bool every_epoch);

/// The axes' markup every picture shares: a tick below the x axis (at `bottom`) at `x`, one left of
/// the y axis (at `left`) at `y`, each with its label, and a plot's frame. Coordinates in SVG
/// units.
std::string x_tick_markup(double x, double bottom, std::string_view label);
std::string y_tick_markup(double y, double left, std::string_view label);
std::string frame_markup(double left, double top, double right, double bottom);

/// A unit of a network diagram: its name (`x_0`, `h`, `y`, ...) and, except for inputs, its
/// bias and the bias's name.
struct diagram_unit {
  std::string name;
  std::optional<double> bias;
  std::string bias_name;
};

/// A connection of a network diagram, from a unit to a unit of a later layer, with its weight.
struct diagram_connection {
  std::pair<std::size_t, std::size_t> from;  // (layer, unit)
  std::pair<std::size_t, std::size_t> to;
  double weight = 0;
  std::string name;
};

/// What a network diagram shows: units layer by layer (the input first), with a caption per
/// layer, and every connection.
struct network_diagram {
  std::vector<std::vector<diagram_unit>> layers;
  std::vector<std::string> captions;
  std::vector<diagram_connection> connections;
};

/// The diagram of a network of `shape` with parameters `values` in ctnn's order, named by
/// `parameter_names` when it has one name per parameter.
network_diagram make_network_diagram(const ctnn::model_shape& shape, std::span<const double> values,
                                     std::span<const std::string> parameter_names);

/// `diagram` as an SVG document: units as circles in columns by layer, with their biases beneath
/// them; connections as arrows, blue for positive and red for negative weights, as wide as their
/// weight is large, labelled with name and value; connections that skip a layer curve around it.
std::string network_diagram_svg(const network_diagram& diagram, std::string_view title);

/// The diagram of `params` as an SVG document, parameters named as `write_network_diagram` says.
template <class Net, class T>
std::string network_diagram_svg(const ctnn::parameters<Net, T>& params,
                                std::span<const std::string> parameter_names,
                                std::string_view title) {
  const std::vector<double> values(std::begin(params.values), std::end(params.values));
  return network_diagram_svg(
      make_network_diagram(ctnn::model_shape_of<Net, T>(), values, parameter_names), title);
}

/// Writes the diagram of `params` as `svg`, atomically, naming parameters by `parameter_names`
/// (in ctnn's order, e.g. the homework's `w_3, w_4, b_0, w_0, w_1, w_2, b_1` for XOR) when it
/// has one name per parameter.
template <class Net, class T>
void write_network_diagram(const std::filesystem::path& svg, const ctnn::parameters<Net, T>& params,
                           std::span<const std::string> parameter_names, std::string_view title) {
  write_file_atomically(svg, network_diagram_svg(params, parameter_names, title));
}

/// The same, with names as string views (as `ctnn_train::task<...>::parameter_names` holds them).
template <class Net, class T>
void write_network_diagram(const std::filesystem::path& svg, const ctnn::parameters<Net, T>& params,
                           std::span<const std::string_view> parameter_names,
                           std::string_view title) {
  const std::vector<std::string> names(parameter_names.begin(), parameter_names.end());
  write_network_diagram(svg, params, std::span<const std::string>(names), title);
}

/// `text` as XML or HTML character data or attribute value: markup characters escaped (&, <, >,
/// and both quotes), and control characters, which XML 1.0 forbids, dropped.
std::string escape_markup(std::string_view text);

/// One bar of a histogram: `count` values in [low, high).
struct histogram_bin {
  std::size_t low = 0, high = 0, count = 0;
};

/// A histogram as an SVG document, in the manner of the line plots: a title, with `note` (e.g.
/// what the histogram leaves out) beneath it when not empty, labelled axes with whole-number
/// ticks, and one bar per bin, each with a tooltip giving its range and count.
std::string histogram_svg(std::span<const histogram_bin> bins, std::string_view title,
                          std::string_view note, std::string_view x_label,
                          std::string_view y_label);

/// One bar of a bar chart: what it counts, how many, and whether it is a good outcome (drawn in
/// blue) or a bad one (red).
struct chart_bar {
  std::string label;
  std::size_t count = 0;
  bool good = true;
};

/// Horizontal bars, one per entry in the order given, labelled on the left and with count and
/// share of `total` at their end, as an SVG document; a legend names the two colours by
/// `good_name` and `bad_name`.
std::string bar_chart_svg(std::span<const chart_bar> bars, std::size_t total,
                          std::string_view title, std::string_view x_label,
                          std::string_view good_name, std::string_view bad_name);

}  // namespace ctnn_train
