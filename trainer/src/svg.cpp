// Draws the trainer's plots and network diagrams as SVG.
// SPDX-License-Identifier: BSL-1.0
#include "svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "files.hpp"

namespace ctnn_train {

namespace {

/// `text` as XML character data or attribute value: markup characters escaped, and control
/// characters, which XML 1.0 forbids, dropped.
std::string escape(std::string_view text) {
  std::string result;
  for (const char c : text) {
    switch (c) {
      case '&':
        result += "&amp;";
        break;
      case '<':
        result += "&lt;";
        break;
      case '>':
        result += "&gt;";
        break;
      case '"':
        result += "&quot;";
        break;
      case '\'':
        result += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') result += c;
    }
  }
  return result;
}

/// A weight or bias for a label: 2 decimals, or 3 significant digits once that is shorter (a
/// loaded model may hold any finite value, and 300 digits fit no label).
std::string short_number(double value) {
  return std::abs(value) < 1e6 ? fmt::format("{:.2f}", value) : fmt::format("{:.2e}", value);
}

/// A name such as "w_2" or "x_0" with its index as a subscript.
std::string subscripted(std::string_view name) {
  const auto underscore = name.find('_');
  if (underscore == std::string_view::npos) return escape(name);
  return fmt::format(R"({}<tspan dy="0.3em" font-size="75%">{}</tspan><tspan dy="-0.3em"></tspan>)",
                     escape(name.substr(0, underscore)), escape(name.substr(underscore + 1)));
}

std::string svg_header(double width, double height) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n",
      width, height);
}

/// Tick positions in [low, high]: multiples of 1, 2, 2.5 or 5 times a power of ten, about six;
/// with `whole`, whole numbers only (counts: no tick at 2.5 runs).
std::vector<double> ticks(double low, double high, double& step, bool whole = false) {
  const double raw = (high - low) / 6;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  step = 10 * magnitude;
  for (const double multiple : {1.0, 2.0, 2.5, 5.0}) {
    if (whole && (multiple * magnitude < 1 || (multiple == 2.5 && magnitude < 10))) continue;
    if (multiple * magnitude >= raw) {
      step = multiple * magnitude;
      break;
    }
  }
  if (whole) step = std::max(step, 1.0);
  std::vector<double> result;
  for (double k = std::ceil(low / step - 1e-9); k * step <= high + step * 1e-9; ++k) {
    result.push_back(k * step + 0.0);  // + 0.0 turns -0 into 0
  }
  return result;
}

std::string tick_label(double value, double step) {
  return step >= 1 ? fmt::format("{:.0f}", value) : fmt::format("{:g}", value);
}

/// The epochs to draw: all of them for short runs; for long ones the lowest and highest error
/// of each of 500 stretches (and any non-finite one, to keep its gap), in order.
std::vector<std::size_t> epochs_to_draw(std::span<const double> values) {
  const std::size_t count = values.size();
  std::vector<std::size_t> chosen;
  if (count <= 2000) {
    for (std::size_t i = 0; i < count; ++i) chosen.push_back(i);
    return chosen;
  }
  constexpr std::size_t stretches = 500;
  chosen.push_back(0);
  for (std::size_t stretch = 0; stretch < stretches; ++stretch) {
    const std::size_t begin = count * stretch / stretches;
    const std::size_t end = count * (stretch + 1) / stretches;
    std::size_t low = end, high = end, gap = end;
    for (std::size_t i = begin; i < end; ++i) {
      if (!std::isfinite(values[i])) {
        if (gap == end) gap = i;
      } else {
        if (low == end || values[i] < values[low]) low = i;
        if (high == end || values[i] > values[high]) high = i;
      }
    }
    std::size_t picks[] = {low, high, gap};
    std::sort(std::begin(picks), std::end(picks));
    for (const std::size_t pick : picks) {
      if (pick != end && pick != chosen.back()) chosen.push_back(pick);
    }
  }
  if (chosen.back() != count - 1) chosen.push_back(count - 1);
  return chosen;
}

struct plot_labels {
  std::string_view title;
  std::string_view x_label;
  std::string_view y_label;
};

/// Where a plot's frame is drawn, and the ranges of x and y it shows.
struct plot_area {
  double left, right, top, bottom;
  double x_low, x_high, y_low, y_high;

  double x_at(double x) const { return left + (right - left) * (x - x_low) / (x_high - x_low); }
  double y_at(double y) const { return bottom - (bottom - top) * (y - y_low) / (y_high - y_low); }
};

}  // namespace

std::string x_tick_markup(double x, double bottom, std::string_view label) {
  return fmt::format(
      "<line class=\"tick\" x1=\"{0:.2f}\" y1=\"{1}\" x2=\"{0:.2f}\" y2=\"{2}\" "
      "stroke=\"black\"/>"
      "<text class=\"tick-label\" x=\"{0:.2f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
      x, bottom, bottom + 5, bottom + 19, label);
}

std::string y_tick_markup(double y, double left, std::string_view label) {
  return fmt::format(
      "<line class=\"tick\" x1=\"{1}\" y1=\"{0:.2f}\" x2=\"{2}\" y2=\"{0:.2f}\" "
      "stroke=\"black\"/>"
      "<text class=\"tick-label\" x=\"{3}\" y=\"{0:.2f}\" dy=\"0.35em\" "
      "text-anchor=\"end\">{4}</text>\n",
      y, left - 5, left, left - 8, label);
}

std::string frame_markup(double left, double top, double right, double bottom) {
  return fmt::format(
      "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" "
      "stroke=\"black\"/>\n",
      left, top, right - left, bottom - top);
}

namespace {

/// A plot's title, frame, ticks (whole numbers only on the axes marked `whole`) and axis labels.
std::string titled_axes(const plot_area& area, const plot_labels& labels, bool whole_x,
                        bool whole_y) {
  const double left = area.left, right = area.right, top = area.top, bottom = area.bottom;
  const auto x_at = [&](double x) { return area.x_at(x); };
  const auto y_at = [&](double y) { return area.y_at(y); };
  std::string svg = fmt::format(
      "<text class=\"title\" x=\"{}\" y=\"30\" text-anchor=\"middle\" font-size=\"16\">{}</text>\n",
      (left + right) / 2, escape(labels.title));
  svg += "<g class=\"axes\" font-size=\"12\" stroke-width=\"1\">\n";
  double step = 1;
  for (const double x : ticks(area.x_low, area.x_high, step, whole_x)) {
    svg += x_tick_markup(x_at(x), bottom, tick_label(x, step));
  }
  for (const double y : ticks(area.y_low, area.y_high, step, whole_y)) {
    svg += y_tick_markup(y_at(y), left, tick_label(y, step));
  }
  svg += frame_markup(left, top, right, bottom) + "</g>\n";
  svg += fmt::format(
      "<text class=\"x-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
      "font-size=\"14\">{}</text>\n",
      (left + right) / 2, bottom + 45, escape(labels.x_label));
  svg += fmt::format(
      "<text class=\"y-label\" transform=\"translate(25 {}) rotate(-90)\" text-anchor=\"middle\" "
      "font-size=\"14\">{}</text>\n",
      (top + bottom) / 2, escape(labels.y_label));
  return svg;
}

/// A line plot of `values` against their index, in the manner of matplotlib's default figure.
std::string line_plot(std::span<const double> values, const plot_labels& labels, double y_low,
                      double y_high) {
  constexpr double width = 640, height = 480;
  const double x_high = values.size() > 1 ? static_cast<double>(values.size() - 1) : 1.0;
  const plot_area area{80, 610, 50, 410, 0, x_high, y_low, y_high};
  const auto x_at = [&](double x) { return area.x_at(x); };
  const auto y_at = [&](double y) { return area.y_at(y); };
  std::string svg = svg_header(width, height) + titled_axes(area, labels, false, false);

  std::string path;
  bool pen_down = false;
  for (const std::size_t i : epochs_to_draw(values)) {
    if (!std::isfinite(values[i])) {
      pen_down = false;
      continue;
    }
    path += fmt::format("{}{:.2f},{:.2f} ", pen_down ? 'L' : 'M', x_at(static_cast<double>(i)),
                        y_at(values[i]));
    pen_down = true;
  }
  if (!path.empty()) {
    path.pop_back();
    svg += fmt::format(
        "<path class=\"curve\" d=\"{}\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" "
        "stroke-linejoin=\"round\"/>\n",
        path);
  }
  return svg + "</svg>\n";
}

std::string csv(std::string_view header, std::span<const double> values, bool every_epoch) {
  std::string text = fmt::format("{}\n", header);
  for (const std::size_t i : csv_epochs(values.size(), every_epoch))
    text += fmt::format("{},{}\n", i, values[i]);
  return text;
}

struct point {
  double x, y;
};

point toward(point from, point to, double distance) {
  const double dx = to.x - from.x, dy = to.y - from.y;
  const double length = std::hypot(dx, dy);
  if (length == 0) return from;
  return {from.x + dx / length * distance, from.y + dy / length * distance};
}

}  // namespace

std::vector<std::size_t> csv_epochs(std::size_t count, bool every_epoch) {
  const std::size_t step =
      every_epoch || count <= curve_csv_rows ? 1 : (count - 1) / (curve_csv_rows - 1) + 1;
  std::vector<std::size_t> epochs;
  for (std::size_t i = 0; i < count; i += step) epochs.push_back(i);
  if (count > 0 && epochs.back() != count - 1) epochs.push_back(count - 1);
  return epochs;
}

std::string learning_curve_svg(std::span<const double> errors, std::string_view title) {
  double high = 0, low = 0;
  for (const double error : errors) {
    if (std::isfinite(error)) {
      high = std::max(high, error);
      low = std::min(low, error);
    }
  }
  if (high == low) high = low + 1;
  const double margin = (high - low) * 0.05;
  return line_plot(errors, {title, "epoch", "error for epoch"}, low < 0 ? low - margin : 0,
                   high + margin);
}

std::string learning_curve_csv(std::span<const double> errors, bool every_epoch) {
  return csv("epoch,error", errors, every_epoch);
}

std::string solved_fraction_svg(std::span<const double> fraction_by_epoch, std::string_view title) {
  return line_plot(fraction_by_epoch, {title, "epoch", "fraction of runs solved"}, 0, 1.05);
}

std::string solved_fraction_csv(std::span<const double> fraction_by_epoch, bool every_epoch) {
  return csv("epoch,fraction_solved", fraction_by_epoch, every_epoch);
}

std::string escape_markup(std::string_view text) { return escape(text); }

std::string histogram_svg(std::span<const histogram_bin> bins, std::string_view title,
                          std::string_view note, std::string_view x_label,
                          std::string_view y_label) {
  constexpr double width = 640, height = 480;
  std::size_t highest = 1;
  for (const histogram_bin& bin : bins) highest = std::max(highest, bin.count);
  const double x_low = bins.empty() ? 0.0 : static_cast<double>(bins.front().low);
  const double x_high = bins.empty() ? 1.0 : static_cast<double>(bins.back().high);
  const plot_area area{80, 610, 60, 410, x_low, x_high, 0, static_cast<double>(highest) * 1.05};
  std::string svg = svg_header(width, height);
  if (!note.empty())
    svg += fmt::format(
        "<text class=\"note\" x=\"{}\" y=\"50\" text-anchor=\"middle\" font-size=\"12\" "
        "fill=\"#555\">{}</text>\n",
        (area.left + area.right) / 2, escape(note));
  svg += "<g class=\"bars\" fill=\"#1f77b4\" stroke=\"white\" stroke-width=\"0.5\">\n";
  for (const histogram_bin& bin : bins) {
    if (bin.count == 0) continue;
    const double x = area.x_at(static_cast<double>(bin.low));
    const double y = area.y_at(static_cast<double>(bin.count));
    svg += fmt::format(
        "<rect class=\"bar\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\">"
        "<title>{} to {}: {}</title></rect>\n",
        x, y, area.x_at(static_cast<double>(bin.high)) - x, area.bottom - y, bin.low, bin.high - 1,
        bin.count);
  }
  svg += "</g>\n";
  // The axes last, so that the frame is drawn over the bars' edges.
  svg += titled_axes(area, {title, x_label, y_label}, true, true);
  return svg + "</svg>\n";
}

std::string bar_chart_svg(std::span<const chart_bar> bars, std::size_t total,
                          std::string_view title, std::string_view x_label,
                          std::string_view good_name, std::string_view bad_name) {
  constexpr const char* good = "#1f77b4";
  constexpr const char* bad = "#d62728";
  constexpr double row = 26, top = 55, width = 760;
  std::size_t longest = 0, highest = 1;
  for (const chart_bar& bar : bars) {
    longest = std::max(longest, bar.label.size());
    highest = std::max(highest, bar.count);
  }
  // About 6.5 units a character at font size 12, so that every label fits left of its bar.
  const double left = std::clamp(6.5 * static_cast<double>(longest) + 20, 100.0, 400.0);
  const double bottom = top + row * static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  const plot_area area{left, width - 110, top, bottom, 0, static_cast<double>(highest) * 1.05, 0,
                       1};
  const double height = bottom + 100;
  std::string svg = svg_header(width, height);
  svg += fmt::format(
      "<text class=\"title\" x=\"{}\" y=\"30\" text-anchor=\"middle\" font-size=\"16\">{}</text>\n",
      width / 2, escape(title));
  svg += "<g class=\"bars\" font-size=\"12\">\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const chart_bar& bar = bars[i];
    const double y = top + row * static_cast<double>(i);
    const double end = area.x_at(static_cast<double>(bar.count));
    const double share =
        total == 0 ? 0.0 : 100.0 * static_cast<double>(bar.count) / static_cast<double>(total);
    svg += fmt::format(
        "<text class=\"bar-label\" x=\"{:.2f}\" y=\"{:.2f}\" dy=\"0.35em\" "
        "text-anchor=\"end\">{}</text>"
        "<rect class=\"bar {}\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{}\" "
        "fill=\"{}\"><title>{}: {} of {}</title></rect>"
        "<text class=\"bar-count\" x=\"{:.2f}\" y=\"{:.2f}\" dy=\"0.35em\">{} ({:.1f}%)</text>\n",
        left - 8, y + row / 2, escape(bar.label), bar.good ? "good" : "bad", left, y + 4,
        end - left, row - 8, bar.good ? good : bad, escape(bar.label), bar.count, total, end + 5,
        y + row / 2, bar.count, share);
  }
  svg += "</g>\n<g class=\"axes\" font-size=\"12\" stroke-width=\"1\">\n";
  double step = 1;
  for (const double x : ticks(area.x_low, area.x_high, step, true)) {
    svg += x_tick_markup(area.x_at(x), bottom, tick_label(x, step));
  }
  svg += fmt::format(
      "<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"black\"/>"
      "<line class=\"axis\" x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{1}\" stroke=\"black\"/>\n"
      "</g>\n",
      left, bottom, area.right, top);
  svg += fmt::format(
      "<text class=\"x-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
      "font-size=\"14\">{}</text>\n",
      (left + area.right) / 2, bottom + 42, escape(x_label));
  svg += fmt::format(
      "<g class=\"legend\" font-size=\"12\">"
      "<rect x=\"20\" y=\"{0}\" width=\"14\" height=\"14\" fill=\"{1}\"/>"
      "<text x=\"40\" y=\"{2}\" dy=\"0.35em\">{3}</text>"
      "<rect x=\"{4}\" y=\"{0}\" width=\"14\" height=\"14\" fill=\"{5}\"/>"
      "<text x=\"{6}\" y=\"{2}\" dy=\"0.35em\">{7}</text></g>\n",
      height - 30, good, height - 23, escape(good_name),
      60 + 6.5 * static_cast<double>(good_name.size()), bad,
      80 + 6.5 * static_cast<double>(good_name.size()), escape(bad_name));
  return svg + "</svg>\n";
}

void write_learning_curve(const std::filesystem::path& svg, const std::filesystem::path& csv_file,
                          std::span<const double> errors, std::string_view title,
                          bool every_epoch) {
  write_file_atomically(csv_file, learning_curve_csv(errors, every_epoch));
  write_file_atomically(svg, learning_curve_svg(errors, title));
}

void write_solved_fraction(const std::filesystem::path& svg, const std::filesystem::path& csv_file,
                           std::span<const double> fraction_by_epoch, std::string_view title,
                           bool every_epoch) {
  write_file_atomically(csv_file, solved_fraction_csv(fraction_by_epoch, every_epoch));
  write_file_atomically(svg, solved_fraction_svg(fraction_by_epoch, title));
}

network_diagram make_network_diagram(const ctnn::model_shape& shape, std::span<const double> values,
                                     std::span<const std::string> parameter_names) {
  const bool named = parameter_names.size() == values.size();
  const auto name = [&](std::size_t index) {
    return named ? parameter_names[index] : std::string();
  };
  network_diagram diagram;
  const std::size_t last = shape.layers.size() - 1;
  std::size_t offset = 0;
  for (std::size_t layer = 0; layer <= last; ++layer) {
    const ctnn::model_layer& current = shape.layers[layer];
    std::vector<diagram_unit> units;
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      std::string unit_label = shape.unit_name(layer, unit);
      // The homework writes the network's output as y-hat.
      if (layer == last && layer > 0) unit_label.replace(0, 1, "\u0177");
      if (layer == 0) {
        units.push_back({std::move(unit_label), std::nullopt, {}});
        continue;
      }
      const std::size_t bias = offset + current.width * current.fan_in + unit;
      units.push_back({std::move(unit_label), values[bias], named ? name(bias) : "b"});
      for (std::size_t k = 0; k < current.fan_in; ++k) {
        const std::size_t weight = offset + unit * current.fan_in + k;
        diagram.connections.push_back(
            {shape.source_of(layer, k), {layer, unit}, values[weight], name(weight)});
      }
    }
    diagram.layers.push_back(std::move(units));
    diagram.captions.push_back(
        layer == 0      ? std::string("input")
        : layer == last ? fmt::format("output ({})", current.activation)
        : last == 2     ? fmt::format("hidden ({})", current.activation)
                        : fmt::format("hidden layer {} ({})", layer, current.activation));
    if (layer > 0) offset += current.width * (current.fan_in + 1);
  }
  return diagram;
}

std::string network_diagram_svg(const network_diagram& diagram, std::string_view title) {
  constexpr double radius = 26, column = 230, row = 130, arrow = 11;
  constexpr const char* positive = "#1f5fbf";
  constexpr const char* negative = "#d62728";
  std::size_t tallest = 1;
  std::size_t widest_skip = 1;
  for (const auto& units : diagram.layers) tallest = std::max(tallest, units.size());
  for (const auto& connection : diagram.connections) {
    widest_skip = std::max(widest_skip, connection.to.first - connection.from.first);
  }
  // A connection that skips layers bows out by this much at its middle, to pass the units
  // between its ends.
  const auto bow = [](std::size_t span) { return span < 2 ? 0.0 : 75.0 + 45.0 * (span - 2); };
  const double room = bow(widest_skip) + 20;
  const double left = 90;
  const double width = std::max(640.0, 2 * left + column * (diagram.layers.size() - 1));
  const double top = 95 + room;
  const double middle = top + row * (tallest - 1) / 2;
  const double legend = middle + row * (tallest - 1) / 2 + room + 70;
  const double height = legend + 75;
  const auto center = [&](std::pair<std::size_t, std::size_t> unit) {
    const double count = static_cast<double>(diagram.layers[unit.first].size());
    return point{left + column * static_cast<double>(unit.first) +
                     (width - 2 * left - column * (diagram.layers.size() - 1)) / 2,
                 middle + row * (static_cast<double>(unit.second) - (count - 1) / 2)};
  };
  double largest = 0;
  for (const auto& connection : diagram.connections) {
    largest = std::max(largest, std::abs(connection.weight));
  }
  const auto stroke_width = [&](double weight) {
    // The ratio first: 7 |w| overflows for |w| above DBL_MAX / 7, which a loaded model may hold.
    return largest == 0 ? 1.0 : 1.0 + 7.0 * (std::abs(weight) / largest);
  };

  std::string svg = svg_header(width, height);
  svg += fmt::format(
      "<defs>\n"
      "<marker id=\"arrow-positive\" viewBox=\"0 0 10 10\" refX=\"0\" refY=\"5\" "
      "markerWidth=\"{0}\" markerHeight=\"{0}\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
      "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"{1}\"/></marker>\n"
      "<marker id=\"arrow-negative\" viewBox=\"0 0 10 10\" refX=\"0\" refY=\"5\" "
      "markerWidth=\"{0}\" markerHeight=\"{0}\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
      "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"{2}\"/></marker>\n"
      "</defs>\n",
      arrow, positive, negative);
  svg += fmt::format(
      "<text class=\"title\" x=\"{}\" y=\"30\" text-anchor=\"middle\" font-size=\"16\">{}</text>\n",
      width / 2, escape(title));
  for (std::size_t layer = 0; layer < diagram.layers.size(); ++layer) {
    svg += fmt::format(
        "<text class=\"caption\" x=\"{:.2f}\" y=\"60\" text-anchor=\"middle\" font-size=\"13\" "
        "fill=\"#555\">{}</text>\n",
        center({layer, 0}).x, escape(diagram.captions[layer]));
  }

  // Wider connections first, so that narrow ones stay visible on top of them; equal widths in
  // their own order. (Not std::stable_sort: libstdc++ 12's calls get_temporary_buffer, which
  // Clang 19 reports as deprecated from inside the system header.)
  std::vector<std::size_t> order(diagram.connections.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double width_a = std::abs(diagram.connections[a].weight);
    const double width_b = std::abs(diagram.connections[b].weight);
    return width_a != width_b ? width_a > width_b : a < b;
  });
  std::string labels;
  svg += "<g class=\"connections\" fill=\"none\">\n";
  for (const std::size_t i : order) {
    const diagram_connection& connection = diagram.connections[i];
    const point from = center(connection.from), to = center(connection.to);
    const std::size_t span = connection.to.first - connection.from.first;
    // Bow away from the middle row, so that curves from the upper half pass above the units
    // between and those from the lower half below.
    double side = from.y < middle - 1 ? -1 : from.y > middle + 1 ? 1 : to.y > middle + 1 ? 1 : -1;
    const point control{(from.x + to.x) / 2, (from.y + to.y) / 2 + side * 2 * bow(span)};
    const point start = toward(from, control, radius);
    const point end = toward(to, control, radius + arrow);
    const point label{(start.x + 2 * control.x + end.x) / 4, (start.y + 2 * control.y + end.y) / 4};
    const bool is_negative = connection.weight < 0;
    const std::string value = short_number(connection.weight);
    const std::string text = connection.name.empty() ? value : connection.name + " = " + value;
    svg += fmt::format(
        "<path class=\"connection\" d=\"M{:.2f},{:.2f} Q{:.2f},{:.2f} {:.2f},{:.2f}\" "
        "stroke=\"{}\" stroke-width=\"{:.2f}\" marker-end=\"url(#arrow-{})\">"
        "<title>{} \u2192 {}: {}</title></path>\n",
        start.x, start.y, control.x, control.y, end.x, end.y, is_negative ? negative : positive,
        stroke_width(connection.weight), is_negative ? "negative" : "positive",
        escape(diagram.layers[connection.from.first][connection.from.second].name),
        escape(diagram.layers[connection.to.first][connection.to.second].name), escape(text));
    // A box as wide as the text (about 7 units a character at this size), so that the label
    // reads clearly over any line.
    const double box = 7.0 * static_cast<double>(text.size()) + 8;
    labels += fmt::format(
        "<rect class=\"weight-box\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"18\" "
        "rx=\"3\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"{}\" stroke-width=\"0.8\"/>"
        "<text class=\"weight\" x=\"{:.2f}\" y=\"{:.2f}\" dy=\"0.35em\" fill=\"{}\">{}</text>\n",
        label.x - box / 2, label.y - 9, box, is_negative ? negative : positive, label.x, label.y,
        is_negative ? negative : positive,
        connection.name.empty() ? escape(value)
                                : subscripted(connection.name) + " = " + escape(value));
  }
  svg += "</g>\n<g class=\"units\">\n";
  for (std::size_t layer = 0; layer < diagram.layers.size(); ++layer) {
    for (std::size_t unit = 0; unit < diagram.layers[layer].size(); ++unit) {
      const diagram_unit& current = diagram.layers[layer][unit];
      const point at = center({layer, unit});
      svg += fmt::format(
          "<circle class=\"unit\" cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"{}\" fill=\"#f7f7f7\" "
          "stroke=\"#222\" stroke-width=\"1.5\"><title>{}</title></circle>\n"
          "<text class=\"unit-name\" x=\"{:.2f}\" y=\"{:.2f}\" dy=\"0.35em\" "
          "text-anchor=\"middle\" "
          "font-size=\"17\" font-style=\"italic\">{}</text>\n",
          at.x, at.y, radius, escape(current.name), at.x, at.y, subscripted(current.name));
      if (current.bias) {
        labels += fmt::format(
            "<text class=\"bias\" x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\" "
            "fill=\"{}\">{} = {}</text>\n",
            at.x, at.y + radius + 17, *current.bias < 0 ? negative : positive,
            subscripted(current.bias_name), short_number(*current.bias));
      }
    }
  }
  svg += "</g>\n";
  // Labels last, so that no line crosses their text.
  svg += "<g class=\"labels\" font-size=\"13\" text-anchor=\"middle\">\n" + labels + "</g>\n";
  svg += fmt::format(
      "<g class=\"legend\" font-size=\"12\">\n"
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{4}\" stroke-width=\"3\"/>"
      "<text x=\"{3}\" y=\"{1}\" dy=\"0.35em\">positive weight (excitatory)</text>\n"
      "<line x1=\"{0}\" y1=\"{5}\" x2=\"{2}\" y2=\"{5}\" stroke=\"{6}\" stroke-width=\"3\"/>"
      "<text x=\"{3}\" y=\"{5}\" dy=\"0.35em\">negative weight (inhibitory)</text>\n"
      "<text x=\"{0}\" y=\"{7}\" dy=\"0.35em\">line width \u221d |weight| (largest {8}); "
      "under each unit: its bias</text>\n</g>\n",
      20, legend, 50, 58, positive, legend + 20, negative, legend + 40, short_number(largest));
  return svg + "</svg>\n";
}

}  // namespace ctnn_train
