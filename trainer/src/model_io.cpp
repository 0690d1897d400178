// Reads and writes model files and generated headers: the non-template core of model_io.hpp.
// SPDX-License-Identifier: BSL-1.0
#include "model_io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <system_error>

#include "errors.hpp"
#include "files.hpp"

namespace ctnn_train {

namespace {

using nlohmann::json;

/// A value from the file, for a message: JSON text, ASCII only, so that it stays on one line
/// whatever the file holds, and shortened when long.
std::string quoted(const json& value, std::size_t limit = 60) {
  std::string text = value.dump(-1, ' ', true, json::error_handler_t::replace);
  if (text.size() > limit) text = text.substr(0, limit - 3) + "...";
  return text;
}

[[noreturn]] void reject(const std::string& problem) { throw input_error(problem); }

const json& member(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end()) reject(fmt::format("{} has no \"{}\"", where, key));
  return *found;
}

/// A non-negative integer, or nothing when `value` is another kind of number or not a number.
bool is_count(const json& value) { return value.is_number_unsigned(); }

/// Reads `{"value": <number>, "exact": "<hex float>"}`, checking that both are there, agree, and
/// are finite, and (for float) that float holds the value exactly.
double read_parameter(const json& parameter, const std::string& where, bool is_float) {
  if (!parameter.is_object())
    reject(fmt::format("{} is not an object, but {}", where, quoted(parameter)));
  const json& exact = member(parameter, "exact", where);
  if (!exact.is_string()) {
    reject(fmt::format("{}: \"exact\" is not a string, but {}", where, quoted(exact)));
  }
  const double value = parse_hex_float(exact.get_ref<const std::string&>(), where);
  const json& decimal = member(parameter, "value", where);
  if (!decimal.is_number()) {
    reject(fmt::format("{}: \"value\" is not a number, but {}", where, quoted(decimal)));
  }
  if (!std::isfinite(value)) reject(fmt::format("{} is not finite", where));
  if (decimal.get<double>() != value) {
    reject(fmt::format("{}: \"value\" {} disagrees with \"exact\" {}", where, quoted(decimal),
                       quoted(exact)));
  }
  if (is_float && static_cast<double>(static_cast<float>(value)) != value) {
    reject(fmt::format("{}: {} is not a float value", where, quoted(exact)));
  }
  return value;
}

std::string identifier(std::string_view task) {
  std::string name;
  for (const char c : task) {
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_';
  }
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) name = "task_" + name;
  return name;
}

void check_finite(const std::filesystem::path& file, const model_shape& shape,
                  std::span<const double> values) {
  if (values.size() != shape.parameter_count) {
    throw input_error(fmt::format("cannot write {}: {} values for {} parameters", file,
                                  values.size(), shape.parameter_count));
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      throw input_error(fmt::format("cannot write {}: parameter {} is {}", file, i, values[i]));
    }
  }
}

/// What kind of file a non-regular `mode` is, for a message.
std::string_view file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

/// Closes a file descriptor when it goes out of scope.
struct file_descriptor {
  int number;
  explicit file_descriptor(int open_number) : number(open_number) {}
  file_descriptor(const file_descriptor&) = delete;
  file_descriptor& operator=(const file_descriptor&) = delete;
  ~file_descriptor() { ::close(number); }
};

/// The contents of `file`, a regular file of at most `model_file_size_limit` bytes, reading no
/// more than one byte past the limit: a device, FIFO or endless file is refused, not read.
std::string read_model_text(const std::filesystem::path& file) {
  const auto cannot_read = [&](std::string_view why) {
    return input_error(fmt::format("cannot read model file {}: {}", file, why));
  };
  // O_NONBLOCK so that opening a FIFO with no writer returns at once (it is refused below).
  const int number = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (number < 0) {
    const int error = errno;
    if (error == ENOENT) {
      struct stat link {};
      const bool dangling = ::lstat(file.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
      throw cannot_read(dangling ? "no such file (a dangling symbolic link)" : "no such file");
    }
    if (error == EACCES) throw cannot_read("permission denied");
    throw cannot_read(std::generic_category().message(error));
  }
  const file_descriptor descriptor{number};
  struct stat status {};
  if (::fstat(descriptor.number, &status) != 0) {
    throw cannot_read(std::generic_category().message(errno));
  }
  if (!S_ISREG(status.st_mode)) {
    throw input_error(
        fmt::format("model file {} is not a regular file ({})", file, file_kind(status.st_mode)));
  }
  const auto too_large = [&] {
    return input_error(fmt::format("model file {} is larger than {} MiB, the limit for model files",
                                   file, model_file_size_limit >> 20));
  };
  // The size fstat reports is only a hint: files in /proc say 0 and a file may grow.
  if (static_cast<std::uintmax_t>(status.st_size) > model_file_size_limit) throw too_large();
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const std::size_t wanted = std::min(sizeof buffer, model_file_size_limit + 1 - text.size());
    const ssize_t got = ::read(descriptor.number, buffer, wanted);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw cannot_read(std::generic_category().message(errno));
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > model_file_size_limit) throw too_large();
  }
  return text;
}

}  // namespace

std::string unit_name(const model_shape& shape, std::size_t layer, std::size_t unit) {
  const std::size_t last = shape.layers.size() - 1;
  const bool alone = shape.layers[layer].width == 1;
  if (layer == 0) return fmt::format("x_{}", unit);
  if (layer == last) return alone ? "y" : fmt::format("y_{}", unit);
  if (shape.layers.size() == 3) return alone ? "h" : fmt::format("h_{}", unit);
  return fmt::format("h{}_{}", layer, unit);
}

std::pair<std::size_t, std::size_t> source_of(const model_shape& shape, std::size_t layer,
                                              std::size_t k) {
  for (const std::size_t source : shape.layers[layer].sources) {
    if (k < shape.layers[source].width) return {source, k};
    k -= shape.layers[source].width;
  }
  return {shape.layers.size(), 0};
}

std::string hex_float(double value) { return fmt::format("{:a}", value); }

double parse_hex_float(std::string_view text, std::string_view what) {
  const std::string_view original = text;
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  // from_chars would also take a second sign, "inf" or "nan" here: only digits may follow 0x.
  if (!(text.starts_with("0x") || text.starts_with("0X")) || text.size() < 3 ||
      !std::isxdigit(static_cast<unsigned char>(text[2]))) {
    reject(fmt::format("{}: {} is not a hexadecimal float like \"0x1.8p-1\"", what,
                       quoted(json(original))));
  }
  text.remove_prefix(2);
  double magnitude = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), magnitude, std::chars_format::hex);
  if (error == std::errc::result_out_of_range) {
    reject(fmt::format("{}: {} is out of range", what, quoted(json(original))));
  }
  if (error != std::errc{} || end != text.data() + text.size()) {
    reject(fmt::format("{}: {} is not a hexadecimal float like \"0x1.8p-1\"", what,
                       quoted(json(original))));
  }
  return negative ? -magnitude : magnitude;
}

std::string model_json(std::string_view task, const model_shape& shape,
                       std::span<const double> values) {
  nlohmann::ordered_json model;
  model["format"] = model_format;
  model["version"] = model_format_version;
  model["task"] = task;
  model["topology"] = shape.topology;
  model["scalar"] = shape.scalar;
  model["parameter_count"] = shape.parameter_count;
  const auto parameter = [&](std::size_t index) {
    return nlohmann::ordered_json{{"value", values[index]}, {"exact", hex_float(values[index])}};
  };
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  std::size_t offset = 0;
  for (std::size_t layer = 1; layer < shape.layers.size(); ++layer) {
    const layer_shape& current = shape.layers[layer];
    nlohmann::ordered_json units = nlohmann::ordered_json::array();
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      nlohmann::ordered_json weights = nlohmann::ordered_json::array();
      for (std::size_t k = 0; k < current.fan_in; ++k) {
        const auto [source_layer, source_unit] = source_of(shape, layer, k);
        nlohmann::ordered_json weight{{"from", unit_name(shape, source_layer, source_unit)}};
        weight.update(parameter(offset + unit * current.fan_in + k));
        weights.push_back(std::move(weight));
      }
      units.push_back({{"unit", unit_name(shape, layer, unit)},
                       {"weights", std::move(weights)},
                       {"bias", parameter(offset + current.width * current.fan_in + unit)}});
    }
    layers.push_back({{"layer", layer},
                      {"activation", current.activation},
                      {"sources", current.sources},
                      {"units", std::move(units)}});
    offset += current.width * (current.fan_in + 1);
  }
  model["layers"] = std::move(layers);
  return model.dump(2) + '\n';
}

std::vector<double> parse_model(std::string_view text, std::string_view task,
                                const model_shape& shape) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) reject("is empty");
  json model;
  try {
    model = json::parse(text);
  } catch (const json::exception& error) {
    // A parse_error, or an out_of_range for a number too large for a double (found by the
    // fuzzer). what() starts with "[json.exception.parse_error.101] ", which tells a reader
    // nothing.
    std::string_view why = error.what();
    if (const auto bracket = why.find("] "); why.starts_with('[') && bracket != why.npos) {
      why.remove_prefix(bracket + 2);
    }
    reject(fmt::format("is not valid JSON ({})", why));
  }
  if (!model.is_object()) reject("is not a ctnn model file: not a JSON object");
  const auto format = model.find("format");
  if (format == model.end() || *format != model_format) {
    reject(fmt::format("is not a ctnn model file: \"format\" is {}, not \"{}\"",
                       format == model.end() ? "missing" : quoted(*format), model_format));
  }
  const json& version = member(model, "version", "the model");
  if (version != model_format_version) {
    reject(fmt::format("has format version {}; this program reads version {}", quoted(version),
                       model_format_version));
  }
  const json& file_task = member(model, "task", "the model");
  if (!file_task.is_string() || file_task != task) {
    reject(fmt::format("holds a model for task {}, not \"{}\"", quoted(file_task), task));
  }
  const json& topology = member(model, "topology", "the model");
  if (!topology.is_string() || topology != shape.topology) {
    reject(fmt::format("has topology {}, but task \"{}\" uses {}", quoted(topology, 300), task,
                       shape.topology));
  }
  const json& scalar = member(model, "scalar", "the model");
  if (!scalar.is_string() || scalar != shape.scalar) {
    reject(fmt::format("holds {} parameters, not {}", quoted(scalar), shape.scalar));
  }
  const json& count = member(model, "parameter_count", "the model");
  if (!is_count(count) || count.get<std::size_t>() != shape.parameter_count) {
    reject(fmt::format("declares {} parameters, but the topology has {}", quoted(count),
                       shape.parameter_count));
  }
  const json& layers = member(model, "layers", "the model");
  if (!layers.is_array() || layers.size() != shape.layers.size() - 1) {
    reject(fmt::format("has {} layers, but the topology has {}",
                       layers.is_array() ? std::to_string(layers.size()) : quoted(layers),
                       shape.layers.size() - 1));
  }
  const bool is_float = shape.scalar == "float";
  std::vector<double> values(shape.parameter_count);
  std::size_t offset = 0;
  for (std::size_t layer = 1; layer < shape.layers.size(); ++layer) {
    const layer_shape& expected = shape.layers[layer];
    const json& entry = layers[layer - 1];
    const std::string where = fmt::format("layer {}", layer);
    if (!entry.is_object()) reject(fmt::format("{} is not an object", where));
    const json& units = member(entry, "units", where);
    if (!units.is_array() || units.size() != expected.width) {
      reject(fmt::format("{} has {} units, but the topology has {}", where,
                         units.is_array() ? std::to_string(units.size()) : quoted(units),
                         expected.width));
    }
    for (std::size_t unit = 0; unit < expected.width; ++unit) {
      const std::string unit_where = fmt::format("{}, unit {}", where, unit);
      if (!units[unit].is_object()) reject(fmt::format("{} is not an object", unit_where));
      const json& weights = member(units[unit], "weights", unit_where);
      if (!weights.is_array() || weights.size() != expected.fan_in) {
        reject(fmt::format("{} has {} weights, but the topology has {}", unit_where,
                           weights.is_array() ? std::to_string(weights.size()) : quoted(weights),
                           expected.fan_in));
      }
      for (std::size_t k = 0; k < expected.fan_in; ++k) {
        values[offset + unit * expected.fan_in + k] =
            read_parameter(weights[k], fmt::format("{}, weight {}", unit_where, k), is_float);
      }
      values[offset + expected.width * expected.fan_in + unit] = read_parameter(
          member(units[unit], "bias", unit_where), fmt::format("{}, bias", unit_where), is_float);
    }
    offset += expected.width * (expected.fan_in + 1);
  }
  return values;
}

std::vector<double> read_model(const std::filesystem::path& file, std::string_view task,
                               const model_shape& shape) {
  const std::string text = read_model_text(file);
  try {
    return parse_model(text, task, shape);
  } catch (const input_error& problem) {
    throw input_error(fmt::format("model file {} {}", file, problem.what()));
  }
}

std::string header_source(std::string_view task, const model_shape& shape,
                          std::span<const double> values) {
  const std::string name = identifier(task);
  const bool is_float = shape.scalar == "float";
  const std::string suffix = is_float ? "f" : "";
  // The shortest decimal that reads back as the value, in the header's own scalar type.
  const auto decimal = [&](double value) {
    return is_float ? fmt::format("{}", static_cast<float>(value)) : fmt::format("{}", value);
  };
  std::string source = fmt::format(
      "// Defines ctnn_trained::{0}_parameters, written by ctnn-train: the trained parameters of\n"
      "// task \"{1}\" as a constexpr value, exact to the bit (hexadecimal literals).\n"
      "#pragma once\n"
      "\n"
      "#include <ctnn.hpp>\n"
      "\n"
      "namespace ctnn_trained {{\n"
      "\n"
      "using {0}_network = {2};\n"
      "\n"
      "inline constexpr ctnn::parameters<{0}_network, {3}> {0}_parameters{{{{\n",
      name, task, shape.topology, shape.scalar);
  std::size_t offset = 0;
  for (std::size_t layer = 1; layer < shape.layers.size(); ++layer) {
    const layer_shape& current = shape.layers[layer];
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      for (std::size_t k = 0; k < current.fan_in; ++k) {
        const auto [source_layer, source_unit] = source_of(shape, layer, k);
        const double value = values[offset + unit * current.fan_in + k];
        source += fmt::format("    {}{},  // {} -> {}: {}\n", hex_float(value), suffix,
                              unit_name(shape, source_layer, source_unit),
                              unit_name(shape, layer, unit), decimal(value));
      }
    }
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      const double value = values[offset + current.width * current.fan_in + unit];
      source += fmt::format("    {}{},  // bias of {}: {}\n", hex_float(value), suffix,
                            unit_name(shape, layer, unit), decimal(value));
    }
    offset += current.width * (current.fan_in + 1);
  }
  source += "}};\n\n}  // namespace ctnn_trained\n";
  return source;
}

void write_model_json(const std::filesystem::path& file, std::string_view task,
                      const model_shape& shape, std::span<const double> values) {
  check_finite(file, shape, values);
  write_file_atomically(file, model_json(task, shape, values));
}

void write_header(const std::filesystem::path& file, std::string_view task,
                  const model_shape& shape, std::span<const double> values) {
  check_finite(file, shape, values);
  write_file_atomically(file, header_source(task, shape, values));
}

}  // namespace ctnn_train
