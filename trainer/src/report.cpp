// The report's helpers that need no network type: text wrapping and output paths.
// SPDX-License-Identifier: BSL-1.0
#include "report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <system_error>

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

void prepare_output_directory(const std::filesystem::path& out) {
  std::error_code error;
  if (std::filesystem::is_directory(out, error)) return;
  if (std::filesystem::exists(out, error))
    throw input_error("--out: '" + out.string() + "' exists and is not a directory");
  if (!std::filesystem::create_directories(out, error) || error)
    throw input_error("--out: cannot create directory '" + out.string() + "': " + error.message());
}

}  // namespace ctnn_train
