// The report's helpers that need no network type: text wrapping and the run's output files.
// SPDX-License-Identifier: BSL-1.0
#include "report.hpp"

#include <fmt/format.h>

#include <cmath>

namespace ctnn_train {

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::string result;
  std::string line(indent);
  bool line_empty = true;
  while (!text.empty()) {
    const std::size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    const std::size_t end = std::min(text.find(' '), text.size());
    const std::string_view word = text.substr(0, end);
    text.remove_prefix(end);
    if (!line_empty && line.size() + 1 + word.size() > width) {
      result += line + '\n';
      line = indent;
      line_empty = true;
    }
    if (!line_empty) line += ' ';
    line += word;
    line_empty = false;
  }
  if (!line_empty) result += line + '\n';
  return result;
}

std::string readable_number(double value) {
  return std::abs(value) < 1e8 ? fmt::format("{:.4f}", value) : fmt::format("{:.4e}", value);
}

std::filesystem::path output_file(const std::filesystem::path& out, std::string_view task,
                                  std::string_view suffix) {
  return out / (std::string(task) + std::string(suffix));
}

run_outputs::run_outputs(const run_settings& settings, std::string_view task) {
  files.create_directory(settings.out, "--out");
  if (settings.epochs > 0) {
    curve_svg = files.reserve(output_file(settings.out, task, "-learning-curve.svg"), "--out");
    curve_csv = files.reserve(output_file(settings.out, task, "-learning-curve.csv"), "--out");
  }
  diagram = files.reserve(output_file(settings.out, task, "-network.svg"), "--out");
  report = files.reserve(output_file(settings.out, task, "-report.html"), "--out");
  if (settings.save) save = files.reserve(*settings.save, "--save");
  if (settings.export_header) header = files.reserve(*settings.export_header, "--export-header");
}

void check_finite_parameters(std::span<const double> values, std::string_view flag,
                             const std::filesystem::path& file) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      throw input_error(fmt::format("{}: cannot write '{}': parameter {} is {}", flag,
                                    file.string(), i, values[i]));
    }
  }
}

}  // namespace ctnn_train
