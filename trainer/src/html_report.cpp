// The HTML report's page: its snapshot schedule, plateau and solved markers, JSON and the filled
// template.
// SPDX-License-Identifier: BSL-1.0
#include "html_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <deque>

#include "svg.hpp"
#include "web_assets.hpp"

namespace ctnn_train {

namespace {

std::size_t snapshot_count(std::size_t epochs, std::size_t k) {
  return epochs / k + 1 + (epochs % k != 0 ? 1 : 0);
}

/// A number as JSON: the shortest text that reads back as the same double; null if not finite.
std::string json_number(double value) {
  return std::isfinite(value) ? fmt::format("{}", value) : std::string("null");
}

std::string json_numbers(std::span<const double> values) {
  std::string text = "[";
  for (std::size_t i = 0; i < values.size(); ++i) text += (i ? "," : "") + json_number(values[i]);
  return text + "]";
}

template <class Range>
std::string json_strings(const Range& values) {
  std::string text = "[";
  bool first = true;
  for (const auto& value : values) {
    text += (first ? "" : ",") + json_string(value);
    first = false;
  }
  return text + "]";
}

/// The learning curve as [epochs trained, error] pairs: every epoch, or for a long run the lowest
/// and highest of every `step` epochs (in their order), so that the curve keeps its shape.
inline constexpr std::size_t curve_buckets = 1000;

std::size_t curve_step(std::size_t epochs) {
  return epochs <= 2 * curve_buckets ? 1 : (epochs + curve_buckets - 1) / curve_buckets;
}

std::string json_curve(std::span<const double> errors) {
  const std::size_t step = curve_step(errors.size());
  std::string text = "[";
  const auto point = [&](std::size_t i) {
    text += fmt::format("{}[{},{}]", text.size() > 1 ? "," : "", i + 1,
                        std::isfinite(errors[i]) ? fmt::format("{:.6g}", errors[i]) : "null");
  };
  for (std::size_t first = 0; first < errors.size(); first += step) {
    const std::size_t end = std::min(errors.size(), first + step);
    std::size_t low = first, high = first;
    for (std::size_t i = first; i < end; ++i) {
      if (errors[i] < errors[low]) low = i;
      if (errors[i] > errors[high]) high = i;
    }
    point(std::min(low, high));
    if (low != high) point(std::max(low, high));
  }
  return text + "]";
}

void replace_all(std::string& text, std::string_view placeholder, std::string_view value) {
  for (std::size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
}

}  // namespace

std::size_t snapshot_interval(std::size_t epochs) {
  for (std::size_t scale = 1;; scale *= 10) {
    for (const std::size_t k : {scale, 2 * scale, 5 * scale}) {
      if (snapshot_count(epochs, k) <= report_snapshot_limit) return k;
    }
  }
}

bool is_snapshot(std::size_t trained, std::size_t epochs) {
  return trained == 0 || trained == epochs || trained % snapshot_interval(epochs) == 0;
}

std::optional<epoch_stretch> find_plateau(std::span<const double> errors) {
  double highest = 0;
  for (const double error : errors)
    if (std::isfinite(error)) highest = std::max(highest, error);
  const double floor = plateau_floor * highest;
  // The longest window ending at each epoch, its lowest and highest kept by monotonic queues.
  std::deque<std::size_t> lows, highs;
  std::optional<epoch_stretch> best;
  std::size_t start = 0;
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const double error = errors[i];
    if (!std::isfinite(error) || error < floor || error <= 0) {
      start = i + 1;
      lows.clear();
      highs.clear();
      continue;
    }
    while (!lows.empty() && errors[lows.back()] >= error) lows.pop_back();
    while (!highs.empty() && errors[highs.back()] <= error) highs.pop_back();
    lows.push_back(i);
    highs.push_back(i);
    while (errors[highs.front()] > plateau_spread * errors[lows.front()]) {
      ++start;
      if (lows.front() < start) lows.pop_front();
      if (highs.front() < start) highs.pop_front();
    }
    if (!best || i - start > best->last - best->first) best = epoch_stretch{start, i};
  }
  if (!best || best->last - best->first + 1 < plateau_min_epochs) return std::nullopt;
  return epoch_stretch{best->first + 1, best->last + 1};
}

std::optional<std::size_t> solved_after(const std::vector<bool>& solved) {
  if (solved.empty() || !solved.back()) return std::nullopt;
  std::size_t t = solved.size() - 1;
  while (t > 0 && solved[t - 1]) --t;
  return t;
}

std::string json_string(std::string_view text) {
  std::string result = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        result += "\\\"";
        break;
      case '\\':
        result += "\\\\";
        break;
      case '\n':
        result += "\\n";
        break;
      case '\t':
        result += "\\t";
        break;
      case '\r':
        result += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          result += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          result += c;
    }
  }
  return result + "\"";
}

std::string script_safe_json(std::string_view json) {
  std::string text(json);
  replace_all(text, "</", "<\\/");
  replace_all(text, "<!--", "<\\u0021--");
  return text;
}

std::vector<report_unit> report_units(const ctnn::model_shape& shape) {
  std::vector<report_unit> units;
  for (std::size_t layer = shape.input_group_count; layer < shape.layers.size(); ++layer) {
    const ctnn::model_layer& current = shape.layers[layer];
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      report_unit result;
      result.name = shape.unit_name(layer, unit);
      result.layer = layer;
      result.activation = current.activation;
      for (std::size_t k = 0; k < current.fan_in; ++k) {
        const auto [source_layer, source_unit] = shape.source_of(layer, k);
        result.sources.push_back(shape.unit_name(source_layer, source_unit));
        result.source_layers.push_back(source_layer);
        result.weights.push_back(current.weight_offset + unit * current.fan_in + k);
      }
      result.bias = current.weight_offset + current.width * current.fan_in + unit;
      units.push_back(std::move(result));
    }
  }
  return units;
}

std::string html_report_json(const html_report_data& data) {
  const std::vector<report_unit> units = report_units(data.shape);
  std::string json = "{";
  json += fmt::format("\"task\":{},\"epochs\":{},\"seed\":{},\"interval\":{},\"curve_step\":{},",
                      json_string(data.task), data.epochs, data.seed,
                      snapshot_interval(data.epochs), curve_step(data.errors.size()));
  json += fmt::format("\"parameter_names\":{},", json_strings(data.parameter_names));
  // Layers of unit names, and each layer's caption as the network SVG writes it.
  std::vector<std::string> inputs, layers, captions;
  const std::size_t last = data.shape.layers.size() - 1;
  for (std::size_t layer = 0; layer <= last; ++layer) {
    std::vector<std::string> names;
    for (std::size_t unit = 0; unit < data.shape.layers[layer].width; ++unit)
      names.push_back(data.shape.unit_name(layer, unit));
    if (layer < data.shape.input_group_count)
      inputs.insert(inputs.end(), names.begin(), names.end());
    layers.push_back(json_strings(names));
    const std::string& activation = data.shape.layers[layer].activation;
    captions.push_back(layer < data.shape.input_group_count ? "input"
                       : layer == last                      ? fmt::format("output ({})", activation)
                       : last == 2                          ? fmt::format("hidden ({})", activation)
                                   : fmt::format("hidden layer {} ({})", layer, activation));
  }
  json += fmt::format("\"inputs\":{},\"layers\":[{}],\"captions\":{},", json_strings(inputs),
                      fmt::join(layers, ","), json_strings(captions));
  json += "\"units\":[";
  for (std::size_t i = 0; i < units.size(); ++i) {
    const report_unit& unit = units[i];
    json += fmt::format(
        "{}{{\"name\":{},\"layer\":{},\"activation\":{},\"sources\":{},\"source_layers\":[{}],"
        "\"weights\":[{}],\"bias\":{}}}",
        i ? "," : "", json_string(unit.name), unit.layer, json_string(unit.activation),
        json_strings(unit.sources), fmt::join(unit.source_layers, ","),
        fmt::join(unit.weights, ","), unit.bias);
  }
  json += "],\"patterns\":[";
  for (std::size_t n = 0; n < data.patterns.size(); ++n)
    json += fmt::format("{}{}", n ? "," : "", json_numbers(data.patterns[n]));
  json += fmt::format("],\"targets\":{},", json_numbers(data.targets));
  json += "\"snapshots\":[";
  for (std::size_t i = 0; i < data.snapshots.size(); ++i) {
    const report_snapshot& s = data.snapshots[i];
    json += fmt::format("{}{{\"epoch\":{},\"error\":{},\"parameters\":{}}}", i ? "," : "", s.epoch,
                        s.error ? json_number(*s.error) : "null", json_numbers(s.parameters));
  }
  json += fmt::format("],\"curve\":{},", json_curve(data.errors));
  const std::optional<epoch_stretch> plateau = find_plateau(data.errors);
  json += plateau ? fmt::format("\"plateau\":{{\"first\":{},\"last\":{}}},", plateau->first,
                                plateau->last)
                  : std::string("\"plateau\":null,");
  const std::optional<std::size_t> solved = solved_after(data.solved);
  json += fmt::format("\"solved_after\":{}}}", solved ? std::to_string(*solved) : "null");
  return json;
}

std::string html_report(const html_report_data& data) {
  std::string page(web::report_html);
  const std::string title = fmt::format("ctnn-train {}: {}", data.task, data.description);
  std::string files;
  for (const std::string& file : data.files)
    files += fmt::format("<li><code>{}</code></li>", escape_markup(file));
  const std::string problem_5 =
      data.problem_5.empty()
          ? std::string()
          : fmt::format(
                "<section id=\"problem5-section\" class=\"problem5\">\n<h2>Problem 5: how the "
                "network computes XOR</h2>\n<pre>{}</pre>\n</section>",
                escape_markup(data.problem_5));
  const std::string settings =
      fmt::format("{}; learning rate {}, {} epochs, seed {}, {}; parameters {}", data.topology,
                  data.learning_rate, data.epochs, data.seed, data.scalar, data.parameters_from);
  // The data and the script go in last, so that nothing in them is taken for a placeholder.
  replace_all(page, "<!--ctnn:title-->", escape_markup(title));
  replace_all(page, "<!--ctnn:settings-->", escape_markup(settings));
  replace_all(page, "<!--ctnn:verdict-->", escape_markup(data.verdict));
  replace_all(page, "<!--ctnn:gradient-->", escape_markup(data.gradient_check));
  replace_all(page, "<!--ctnn:problem5-->", problem_5);
  replace_all(page, "<!--ctnn:files-->", files);
  replace_all(page, "<!--ctnn:style-->", web::report_css);
  replace_all(page, "<!--ctnn:script-->", web::report_js);
  replace_all(page, "<!--ctnn:data-->", script_safe_json(html_report_json(data)));
  return page;
}

}  // namespace ctnn_train
