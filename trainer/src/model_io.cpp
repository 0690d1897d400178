// Reads and writes model files and generated headers: the non-template core of model_io.hpp.
// SPDX-License-Identifier: BSL-1.0
#include "model_io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fmt/std.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

#include "errors.hpp"
#include "files.hpp"

namespace ctnn_train {

namespace {

using nlohmann::json;

/// Text from the file, for a message: printable ASCII only (other bytes as `\xNN`, a newline as
/// `\n`), so that it stays on one line whatever the file holds, and cut after `limit` characters.
/// `in_quotes` escapes `"` and `\` too.
std::string printable(std::string_view text, std::size_t limit, bool in_quotes) {
  std::string shown;
  for (const char c : text) {
    if (shown.size() >= limit) {
      shown += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (in_quotes && (c == '"' || c == '\\')) {
      shown += '\\';
      shown += c;
    } else if (c == '\n') {
      shown += "\\n";
    } else if (c == '\t') {
      shown += "\\t";
    } else if (c == '\r') {
      shown += "\\r";
    } else if (byte >= 0x20 && byte < 0x7f) {
      shown += c;
    } else {
      shown += fmt::format("\\x{:02x}", byte);
    }
  }
  return shown;
}

/// A value from the file, for a message: a string in quotes, a number as JSON writes it, a short
/// flat array in full, any other array or object as `[...]` or `{...}`. Never dumps a nested
/// value, whose text could be long or deep.
std::string quoted(const json& value, std::size_t limit = 60) {
  if (value.is_string()) {
    return '"' + printable(value.get_ref<const std::string&>(), limit, true) + '"';
  }
  if (value.is_array()) {
    const bool flat = value.size() <= 8 &&
                      std::none_of(value.begin(), value.end(),
                                   [](const json& element) { return element.is_structured(); });
    if (!flat) return "[...]";
    std::string shown = "[";
    for (const json& element : value) {
      if (shown.size() > 1) shown += ", ";
      shown += quoted(element, 12);
    }
    return shown + ']';
  }
  if (value.is_object()) return "{...}";
  return printable(value.dump(), limit, false);
}

[[noreturn]] void reject(const std::string& problem) { throw input_error(problem); }

// Messages follow 'model file "<name>" ', so each is a predicate: "has no \"layers\"" about the
// whole model, "is wrong in layer 1, unit 0: it has no \"bias\"" about a part of it.

/// Rejects `problem` about the part of the model at `location` ("layer 2, unit 0"), or about the
/// whole model when `location` is empty; `problem` starts with a verb ("has", "is").
[[noreturn]] void reject_in(const std::string& location, const std::string& problem) {
  if (location.empty()) reject(problem);
  reject(fmt::format("is wrong in {}: it {}", location, problem));
}

/// Rejects `problem` about a field of the part at `location`, e.g. `"unit" is "y", not "h"`.
[[noreturn]] void reject_field(const std::string& location, const std::string& problem) {
  if (location.empty()) reject(problem);
  reject(fmt::format("is wrong in {}: its {}", location, problem));
}

const json& member(const json& object, const char* key, const std::string& location) {
  const auto found = object.find(key);
  if (found == object.end()) reject_in(location, fmt::format("has no \"{}\"", key));
  return *found;
}

/// Refuses a key of `object` that the writer never writes: a model file is not hand-extended.
void check_keys(const json& object, std::initializer_list<std::string_view> known,
                const std::string& location) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      reject_in(location, fmt::format("has an unknown key {}", quoted(json(key))));
    }
  }
}

/// Checks that `object[key]` is the non-negative integer `expected`.
void check_index(const json& object, const char* key, std::size_t expected,
                 const std::string& location) {
  const json& value = member(object, key, location);
  if (!value.is_number_unsigned() || value.get<std::size_t>() != expected) {
    reject_field(location, fmt::format("\"{}\" is {}, not {}", key, quoted(value), expected));
  }
}

/// Checks that `object[key]` is the string `expected`.
void check_name(const json& object, const char* key, std::string_view expected,
                const std::string& location) {
  const json& value = member(object, key, location);
  if (!value.is_string() || value.get_ref<const std::string&>() != expected) {
    reject_field(location, fmt::format("\"{}\" is {}, not \"{}\"", key, quoted(value), expected));
  }
}

/// A non-negative integer, or nothing when `value` is another kind of number or not a number.
bool is_count(const json& value) { return value.is_number_unsigned(); }

/// Reads `{"value": <number>, "exact": "<hex float>"}` (with `"from"` first for a weight, checked
/// by the caller), checking that both are there, agree to the bit, and are finite, and (for
/// float) that float holds the value exactly.
double read_parameter(const json& parameter, const std::string& location, bool is_float,
                      bool is_weight) {
  if (!parameter.is_object()) {
    reject_in(location, fmt::format("is not an object, but {}", quoted(parameter)));
  }
  if (is_weight) {
    check_keys(parameter, {"from", "value", "exact"}, location);
  } else {
    check_keys(parameter, {"value", "exact"}, location);
  }
  const json& exact = member(parameter, "exact", location);
  if (!exact.is_string()) {
    reject_field(location, fmt::format("\"exact\" is not a string, but {}", quoted(exact)));
  }
  const double value =
      parse_hex_float(exact.get_ref<const std::string&>(), "is wrong in " + location);
  const json& decimal = member(parameter, "value", location);
  if (!decimal.is_number()) {
    reject_field(location, fmt::format("\"value\" is not a number, but {}", quoted(decimal)));
  }
  if (!std::isfinite(value)) reject_in(location, "is not finite");
  // Bit for bit: 0 and -0 compare equal as doubles, but are different parameters.
  if (std::bit_cast<std::uint64_t>(decimal.get<double>()) != std::bit_cast<std::uint64_t>(value)) {
    reject(fmt::format("is wrong in {}: \"value\" {} disagrees with \"exact\" {}", location,
                       quoted(decimal), quoted(exact)));
  }
  if (is_float && static_cast<double>(static_cast<float>(value)) != value) {
    reject(fmt::format("is wrong in {}: {} is not a float value", location, quoted(exact)));
  }
  return value;
}

/// Parses `text` as one JSON document, refusing what nlohmann's parser would let through or
/// choke on: a NUL (its lexer takes one for the end of the input, ignoring what follows), nesting
/// deeper than `model_nesting_limit` (a value that deep could overflow the stack of any recursive
/// code that meets it), and a key twice in one object (nlohmann keeps the last).
json parse_json(std::string_view text) {
  if (const auto nul = text.find('\0'); nul != text.npos) {
    reject(fmt::format("holds a NUL byte at offset {}; a model file is JSON text", nul));
  }
  // The keys of each object being parsed, innermost last.
  std::vector<std::set<std::string>> open_objects;
  const json::parser_callback_t watch = [&](int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        // `depth` counts the arrays and objects around this one.
        if (depth >= model_nesting_limit) {
          reject(
              fmt::format("nests arrays and objects deeper than {} levels", model_nesting_limit));
        }
        if (event == json::parse_event_t::object_start) open_objects.emplace_back();
        break;
      case json::parse_event_t::key:
        if (!open_objects.back().insert(parsed.get<std::string>()).second) {
          reject(fmt::format("has the key {} twice in one object", quoted(parsed)));
        }
        break;
      case json::parse_event_t::object_end:
        open_objects.pop_back();
        break;
      default:
        break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), watch);
  } catch (const json::exception& error) {
    // A parse_error, or an out_of_range for a number too large for a double (found by the
    // fuzzer). what() starts with "[json.exception.parse_error.101] ", which tells a reader
    // nothing, and may quote the file's bytes.
    std::string_view why = error.what();
    if (const auto bracket = why.find("] "); why.starts_with('[') && bracket != why.npos) {
      why.remove_prefix(bracket + 2);
    }
    reject(fmt::format("is not valid JSON ({})", printable(why, 200, false)));
  }
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
  const double value = negative ? -magnitude : magnitude;
  // from_chars rounds a mantissa longer than a double holds; only the spelling hex_float writes
  // is exact by construction, so anything else (a rounded value, or "0x1.80p-1") is refused.
  if (hex_float(value) != original) {
    reject(
        fmt::format("{}: {} is not a double spelled exactly as this program writes it; the "
                    "nearest double is \"{}\"",
                    what, quoted(json(original)), hex_float(value)));
  }
  return value;
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
  const json model = parse_json(text);
  if (!model.is_object()) reject("is not a ctnn model file: not a JSON object");
  const auto format = model.find("format");
  if (format == model.end() || *format != model_format) {
    reject(fmt::format("is not a ctnn model file: \"format\" is {}, not \"{}\"",
                       format == model.end() ? "missing" : quoted(*format), model_format));
  }
  check_keys(model,
             {"format", "version", "task", "topology", "scalar", "parameter_count", "layers"}, "");
  const json& version = member(model, "version", "");
  // The integer 1: json compares 1.0 equal to 1, but the writer never writes 1.0.
  if (!version.is_number_integer() || version != model_format_version) {
    reject(fmt::format("has format version {}; this program reads version {}", quoted(version),
                       model_format_version));
  }
  const json& file_task = member(model, "task", "");
  if (!file_task.is_string() || file_task != task) {
    reject(fmt::format("holds a model for task {}, not \"{}\"", quoted(file_task), task));
  }
  const json& topology = member(model, "topology", "");
  if (!topology.is_string() || topology != shape.topology) {
    reject(fmt::format("has topology {}, but task \"{}\" uses {}", quoted(topology, 300), task,
                       shape.topology));
  }
  const json& scalar = member(model, "scalar", "");
  if (!scalar.is_string() || scalar != shape.scalar) {
    reject(fmt::format("holds {} parameters, not {}", quoted(scalar), shape.scalar));
  }
  const json& count = member(model, "parameter_count", "");
  if (!is_count(count) || count.get<std::size_t>() != shape.parameter_count) {
    reject(fmt::format("declares {} parameters, but the topology has {}", quoted(count),
                       shape.parameter_count));
  }
  const json& layers = member(model, "layers", "");
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
    if (!entry.is_object()) reject_in(where, "is not an object");
    check_keys(entry, {"layer", "activation", "sources", "units"}, where);
    check_index(entry, "layer", layer, where);
    check_name(entry, "activation", expected.activation, where);
    const json& sources = member(entry, "sources", where);
    const bool same_sources =
        sources.is_array() && sources.size() == expected.sources.size() &&
        std::equal(sources.begin(), sources.end(), expected.sources.begin(),
                   [](const json& source, std::size_t wanted) {
                     return source.is_number_unsigned() && source.get<std::size_t>() == wanted;
                   });
    if (!same_sources) {
      reject_field(where, fmt::format("\"sources\" are {}, not [{}]", quoted(sources),
                                      fmt::join(expected.sources, ", ")));
    }
    const json& units = member(entry, "units", where);
    if (!units.is_array() || units.size() != expected.width) {
      reject_in(where, fmt::format("has {} units, but the topology has {}",
                                   units.is_array() ? std::to_string(units.size()) : quoted(units),
                                   expected.width));
    }
    for (std::size_t unit = 0; unit < expected.width; ++unit) {
      const std::string unit_where = fmt::format("{}, unit {}", where, unit);
      if (!units[unit].is_object()) reject_in(unit_where, "is not an object");
      check_keys(units[unit], {"unit", "weights", "bias"}, unit_where);
      check_name(units[unit], "unit", unit_name(shape, layer, unit), unit_where);
      const json& weights = member(units[unit], "weights", unit_where);
      if (!weights.is_array() || weights.size() != expected.fan_in) {
        reject_in(unit_where,
                  fmt::format("has {} weights, but the topology has {}",
                              weights.is_array() ? std::to_string(weights.size()) : quoted(weights),
                              expected.fan_in));
      }
      for (std::size_t k = 0; k < expected.fan_in; ++k) {
        const std::string weight_where = fmt::format("{}, weight {}", unit_where, k);
        if (weights[k].is_object()) {
          const auto [source_layer, source_unit] = source_of(shape, layer, k);
          check_name(weights[k], "from", unit_name(shape, source_layer, source_unit), weight_where);
        }
        values[offset + unit * expected.fan_in + k] =
            read_parameter(weights[k], weight_where, is_float, true);
      }
      values[offset + expected.width * expected.fan_in + unit] = read_parameter(
          member(units[unit], "bias", unit_where), unit_where + ", bias", is_float, false);
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
  // The scalar type is part of the names, so that the float and the double model of one task
  // can be included in one translation unit.
  const std::string name = identifier(task) + '_' + shape.scalar;
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
