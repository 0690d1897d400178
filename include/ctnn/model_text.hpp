// Defines `ctnn::parameters_to_text` and `ctnn::parameters_from_text`: parameters as the text of a
// model file, a JSON document that records their network and scalar type and every value exactly.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/detail/float_text.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/json.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/detail/printable.hpp>
#include <ctnn/model_file_error.hpp>
#include <ctnn/model_shape.hpp>
#include <ctnn/parameters.hpp>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace CTNN_NAMESPACE {

/// A field of the caller's own that a model file records after its version, e.g. ctnn-train's
/// `{"task", "xor"}`: written by `parameters_to_text` and `save_parameters`, and required, with
/// this value, by `parameters_from_text` and `load_parameters`. A key is a name of letters,
/// digits and `_` that is not one of ctnn's own keys; a value is UTF-8.
struct model_field {
  std::string_view key;
  std::string_view value;
};

namespace detail {

/// What every model file says it is, and the version of the format it follows; a reader reads
/// only this version.
inline constexpr std::string_view model_format = "ctnn-model";
inline constexpr std::string_view model_format_version = "1";

/// How deeply a model file's arrays and objects may nest: it needs 7 levels, and deeper input
/// is refused as it is read.
inline constexpr std::size_t model_nesting_limit = 32;

/// The keys ctnn writes at the top of a model file, in order; `fields` go after the version.
inline constexpr std::string_view model_keys[] = {"format", "version",         "topology",
                                                  "scalar", "parameter_count", "layers"};

/// Refuses a field that a model file could not hold, or that would collide with ctnn's own
/// keys or another field.
inline void check_model_fields(std::span<const model_field> fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view key = fields[i].key;
    const std::string name = "model field " + in_quotes(key, 60);
    const bool word = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!word) throw model_file_error(name + " is not a key of letters, digits and '_'");
    if (std::find(std::begin(model_keys), std::end(model_keys), key) != std::end(model_keys)) {
      throw model_file_error(name + " is one of ctnn's own keys");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (fields[j].key == key) throw model_file_error(name + " is given twice");
    }
    if (!json::is_utf8(fields[i].value)) {
      throw model_file_error(name + " has a value that is not UTF-8 text");
    }
  }
}

/// Refuses a value that neither JSON nor a constexpr literal can hold: "parameter 4 is nan".
inline void check_finite_values(std::span<const double> values, std::string_view subject) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      throw model_file_error(std::string(subject) + ": parameter " + std::to_string(i) + " is " +
                             (std::isnan(values[i]) ? "nan"
                              : values[i] < 0       ? "-inf"
                                                    : "inf"));
    }
  }
}

/// The model file of `values`, parameters of a network of `shape`, with `fields`. Each
/// parameter is `{"value": <decimal>, "exact": "<hex float>"}`: the decimal for people, the hex
/// float what a reader reads; the two agree. A float parameter is written as the double it
/// converts to. The values must be finite, the fields checked.
inline std::string model_json(const model_shape& shape, std::span<const double> values,
                              std::span<const model_field> fields) {
  json::writer out;
  const auto parameter = [&](std::size_t index) {
    out.key("value");
    out.raw(decimal_text(values[index], true));
    out.key("exact");
    out.string(hex_float(values[index]));
  };
  out.open_object();
  out.key("format");
  out.string(model_format);
  out.key("version");
  out.raw(model_format_version);
  for (const model_field& field : fields) {
    out.key(field.key);
    out.string(field.value);
  }
  out.key("topology");
  out.string(shape.topology);
  out.key("scalar");
  out.string(shape.scalar);
  out.key("parameter_count");
  out.raw(std::to_string(shape.parameter_count));
  out.key("layers");
  out.open_array();
  for (std::size_t layer = shape.input_group_count; layer < shape.layers.size(); ++layer) {
    const model_layer& current = shape.layers[layer];
    out.open_object();
    out.key("layer");
    out.raw(std::to_string(layer));
    out.key("activation");
    out.string(current.activation);
    out.key("sources");
    out.open_array();
    for (const std::size_t source : current.sources) out.raw(std::to_string(source));
    out.close_array();
    out.key("units");
    out.open_array();
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      out.open_object();
      out.key("unit");
      out.string(shape.unit_name(layer, unit));
      out.key("weights");
      out.open_array();
      for (std::size_t k = 0; k < current.fan_in; ++k) {
        const auto [source_layer, source_unit] = shape.source_of(layer, k);
        out.open_object();
        out.key("from");
        out.string(shape.unit_name(source_layer, source_unit));
        parameter(current.weight_offset + unit * current.fan_in + k);
        out.close_object();
      }
      out.close_array();
      out.key("bias");
      out.open_object();
      parameter(current.weight_offset + current.width * current.fan_in + unit);
      out.close_object();
      out.close_object();
    }
    out.close_array();
    out.close_object();
  }
  out.close_array();
  out.close_object();
  return out.finish();
}

/// Reads a model file's text as `model_json` writes it, checking every part against `shape` and
/// `fields`, and returns its parameters in ctnn's order. Throws `model_file_error` with one
/// predicate naming the first problem ("has no \"layers\"", "is wrong in layer 1, unit 0: it has
/// no \"bias\""), text from the file quoted as printable ASCII and cut short.
class model_json_reader {
 public:
  model_json_reader(const model_shape& shape, std::span<const model_field> fields)
      : shape_(shape), fields_(fields) {}

  std::vector<double> read(std::string_view text) const {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) reject("is empty");
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
      reject("holds a NUL byte at offset " + std::to_string(nul) + "; a model file is JSON text");
    }
    const json::value model = json::reader(text, model_nesting_limit).document();
    if (model.kind != json::kind::object) reject("is not a ctnn model file: not a JSON object");
    const json::value* format = model.find("format");
    if (format == nullptr || format->kind != json::kind::string || format->text != model_format) {
      reject("is not a ctnn model file: \"format\" is " +
             (format == nullptr ? std::string("missing") : shown(*format)) + ", not \"" +
             std::string(model_format) + '"');
    }
    for (const std::string& key : model.keys) {
      const bool known =
          std::find(std::begin(model_keys), std::end(model_keys), key) != std::end(model_keys) ||
          std::any_of(fields_.begin(), fields_.end(),
                      [&](const model_field& field) { return field.key == key; });
      if (!known) reject("has an unknown key " + in_quotes(key, 60));
    }
    const json::value& version = member(model, "version", "");
    // The integer 1: "1.0" or "1e0" are 1 too, but not as the writer writes it.
    if (version.kind != json::kind::number || version.text != model_format_version) {
      reject("has format version " + shown(version) + "; this program reads version " +
             std::string(model_format_version));
    }
    for (const model_field& field : fields_) {
      const json::value& value = member(model, std::string(field.key).c_str(), "");
      if (value.kind != json::kind::string || value.text != field.value) {
        reject("holds a model for " + std::string(field.key) + ' ' + shown(value) + ", not " +
               in_quotes(field.value, 60));
      }
    }
    const json::value& topology = member(model, "topology", "");
    if (topology.kind != json::kind::string || topology.text != shape_.topology) {
      const std::string program =
          fields_.empty() ? std::string("this program")
                          : std::string(fields_[0].key) + ' ' + in_quotes(fields_[0].value, 60);
      reject("has topology " + shown(topology, 300) + ", but " + program + " uses " +
             shape_.topology);
    }
    const json::value& scalar = member(model, "scalar", "");
    if (scalar.kind != json::kind::string || scalar.text != shape_.scalar) {
      reject("holds " + shown(scalar) + " parameters, not " + shape_.scalar);
    }
    const json::value& count = member(model, "parameter_count", "");
    if (!is_count(count, shape_.parameter_count)) {
      reject("declares " + shown(count) + " parameters, but the topology has " +
             std::to_string(shape_.parameter_count));
    }
    const json::value& layers = member(model, "layers", "");
    const std::size_t dense_layers = shape_.dense_layer_count();
    if (layers.kind != json::kind::array || layers.elements.size() != dense_layers) {
      reject("has " +
             (layers.kind == json::kind::array ? std::to_string(layers.elements.size())
                                               : shown(layers)) +
             " layers, but the topology has " + std::to_string(dense_layers));
    }
    std::vector<double> values(shape_.parameter_count);
    for (std::size_t i = 0; i < dense_layers; ++i) {
      read_layer(layers.elements[i], shape_.input_group_count + i, values);
    }
    return values;
  }

 private:
  const model_shape& shape_;
  std::span<const model_field> fields_;

  [[noreturn]] static void reject(const std::string& problem) { throw model_file_error(problem); }

  /// Rejects `problem` about the part at `location` ("layer 2, unit 0"), or about the whole
  /// model when `location` is empty; `problem` starts with a verb ("has", "is").
  [[noreturn]] static void reject_in(const std::string& location, const std::string& problem) {
    if (location.empty()) reject(problem);
    reject("is wrong in " + location + ": it " + problem);
  }

  /// Rejects `problem` about a field of the part at `location`, e.g. `"unit" is "y", not "h"`.
  [[noreturn]] static void reject_field(const std::string& location, const std::string& problem) {
    reject("is wrong in " + location + ": its " + problem);
  }

  /// A value from the file, for a message: a string in quotes, a number as written, a short flat
  /// array in full, any other array or object as `[...]` or `{...}`, cut after `limit`
  /// characters: never a nested value, whose text could be long or deep.
  static std::string shown(const json::value& value, std::size_t limit = 60) {
    switch (value.kind) {
      case json::kind::string:
        return in_quotes(value.text, limit);
      case json::kind::object:
        return "{...}";
      case json::kind::array: {
        const bool flat = value.elements.size() <= 8 &&
                          std::none_of(value.elements.begin(), value.elements.end(),
                                       [](const json::value& e) { return e.is_structured(); });
        if (!flat) return "[...]";
        std::string text = "[";
        for (const json::value& element : value.elements) {
          if (text.size() > 1) text += ", ";
          text += shown(element, 12);
        }
        return text + ']';
      }
      default:
        return printable(value.text, limit);
    }
  }

  /// Whether `value` is the non-negative integer `expected`, written as the writer writes it.
  static bool is_count(const json::value& value, std::size_t expected) {
    return value.kind == json::kind::number && value.text == std::to_string(expected);
  }

  static const json::value& member(const json::value& object, const char* key,
                                   const std::string& location) {
    const json::value* found = object.find(key);
    if (found == nullptr) reject_in(location, std::string("has no \"") + key + '"');
    return *found;
  }

  /// Refuses a key of `object` that the writer never writes: a model file is not hand-extended.
  static void check_keys(const json::value& object, std::initializer_list<std::string_view> known,
                         const std::string& location) {
    for (const std::string& key : object.keys) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        reject_in(location, "has an unknown key " + in_quotes(key, 60));
      }
    }
  }

  static void check_index(const json::value& object, const char* key, std::size_t expected,
                          const std::string& location) {
    const json::value& value = member(object, key, location);
    if (!is_count(value, expected)) {
      reject_field(location, '"' + std::string(key) + "\" is " + shown(value) + ", not " +
                                 std::to_string(expected));
    }
  }

  static void check_name(const json::value& object, const char* key, std::string_view expected,
                         const std::string& location) {
    const json::value& value = member(object, key, location);
    if (value.kind != json::kind::string || value.text != expected) {
      reject_field(location, '"' + std::string(key) + "\" is " + shown(value) + ", not \"" +
                                 std::string(expected) + '"');
    }
  }

  /// Reads `{"value": <number>, "exact": "<hex float>"}` (with "from" first for a weight, which
  /// the caller checks): both there and the same double to the bit, and for float a value that
  /// float holds.
  double read_parameter(const json::value& parameter, const std::string& location,
                        bool is_weight) const {
    if (parameter.kind != json::kind::object) {
      reject_in(location, "is not an object, but " + shown(parameter));
    }
    if (is_weight) {
      check_keys(parameter, {"from", "value", "exact"}, location);
    } else {
      check_keys(parameter, {"value", "exact"}, location);
    }
    const json::value& exact = member(parameter, "exact", location);
    if (exact.kind != json::kind::string) {
      reject_field(location, "\"exact\" is not a string, but " + shown(exact));
    }
    const double value = parse_hex_float(exact.text, "is wrong in " + location);
    const json::value& decimal = member(parameter, "value", location);
    if (decimal.kind != json::kind::number) {
      reject_field(location, "\"value\" is not a number, but " + shown(decimal));
    }
    // Bit for bit: 0 and -0 compare equal as doubles, but are different parameters. A decimal
    // out of double's range is no double at all.
    double read_decimal = 0;
    const char* const end = decimal.text.data() + decimal.text.size();
    const auto [stop, error] = std::from_chars(decimal.text.data(), end, read_decimal);
    if (error != std::errc{} || stop != end ||
        std::bit_cast<std::uint64_t>(read_decimal) != std::bit_cast<std::uint64_t>(value)) {
      reject("is wrong in " + location + ": \"value\" " + shown(decimal) +
             " disagrees with \"exact\" " + shown(exact));
    }
    if (shape_.scalar == "float" && static_cast<double>(static_cast<float>(value)) != value) {
      reject("is wrong in " + location + ": " + shown(exact) + " is not a float value");
    }
    return value;
  }

  void read_layer(const json::value& entry, std::size_t layer, std::vector<double>& values) const {
    const model_layer& expected = shape_.layers[layer];
    const std::string where = "layer " + std::to_string(layer);
    if (entry.kind != json::kind::object) reject_in(where, "is not an object");
    check_keys(entry, {"layer", "activation", "sources", "units"}, where);
    check_index(entry, "layer", layer, where);
    check_name(entry, "activation", expected.activation, where);
    const json::value& sources = member(entry, "sources", where);
    const bool same_sources =
        sources.kind == json::kind::array && sources.elements.size() == expected.sources.size() &&
        std::equal(
            sources.elements.begin(), sources.elements.end(), expected.sources.begin(),
            [](const json::value& source, std::size_t wanted) { return is_count(source, wanted); });
    if (!same_sources) {
      std::string wanted;
      for (const std::size_t source : expected.sources) {
        wanted += (wanted.empty() ? "" : ", ") + std::to_string(source);
      }
      reject_field(where, "\"sources\" are " + shown(sources) + ", not [" + wanted + ']');
    }
    const json::value& units = member(entry, "units", where);
    if (units.kind != json::kind::array || units.elements.size() != expected.width) {
      reject_in(where, "has " +
                           (units.kind == json::kind::array ? std::to_string(units.elements.size())
                                                            : shown(units)) +
                           " units, but the topology has " + std::to_string(expected.width));
    }
    for (std::size_t unit = 0; unit < expected.width; ++unit) {
      const json::value& entry_unit = units.elements[unit];
      const std::string unit_where = where + ", unit " + std::to_string(unit);
      if (entry_unit.kind != json::kind::object) reject_in(unit_where, "is not an object");
      check_keys(entry_unit, {"unit", "weights", "bias"}, unit_where);
      check_name(entry_unit, "unit", shape_.unit_name(layer, unit), unit_where);
      const json::value& weights = member(entry_unit, "weights", unit_where);
      if (weights.kind != json::kind::array || weights.elements.size() != expected.fan_in) {
        reject_in(unit_where,
                  "has " +
                      (weights.kind == json::kind::array ? std::to_string(weights.elements.size())
                                                         : shown(weights)) +
                      " weights, but the topology has " + std::to_string(expected.fan_in));
      }
      for (std::size_t k = 0; k < expected.fan_in; ++k) {
        const std::string weight_where = unit_where + ", weight " + std::to_string(k);
        const json::value& weight = weights.elements[k];
        if (weight.kind == json::kind::object) {
          const auto [source_layer, source_unit] = shape_.source_of(layer, k);
          check_name(weight, "from", shape_.unit_name(source_layer, source_unit), weight_where);
        }
        values[expected.weight_offset + unit * expected.fan_in + k] =
            read_parameter(weight, weight_where, true);
      }
      values[expected.weight_offset + expected.width * expected.fan_in + unit] =
          read_parameter(member(entry_unit, "bias", unit_where), unit_where + ", bias", false);
    }
  }
};

/// The values of `params` as doubles, in ctnn's order.
template <class Net, class T>
std::vector<double> values_of(const parameters<Net, T>& params) {
  return std::vector<double>(std::begin(params.values), std::end(params.values));
}

/// `values`, read from a model file of `shape`, as `ctnn::parameters<Net, T>`.
template <class Net, class T>
parameters<Net, T> parameters_from_values(const std::vector<double>& values) {
  parameters<Net, T> params;
  for (std::size_t i = 0; i < Net::parameter_count; ++i)
    params.values[i] = static_cast<T>(values[i]);
  return params;
}

}  // namespace detail

/// The text of a model file holding `params` (T float or double): a JSON document that records
/// the format ("ctnn-model", version 1), `fields`, Net's `topology_name`, T, the parameter count,
/// and layer by dense layer its activation, its sources and each unit's weights (named by the
/// units they come from: `x_0`, `h_1`, ...) and bias, each as `{"value": <decimal>, "exact":
/// "<hex float>"}`. Throws `model_file_error` "cannot write model text: parameter 4 is nan" for
/// a value that is not finite, and for a field that `model_field` does not allow.
template <class Net, class T>
std::string parameters_to_text(const parameters<Net, T>& params,
                               std::initializer_list<model_field> fields = {}) {
  const std::vector<double> values = detail::values_of(params);
  detail::check_model_fields(fields);
  detail::check_finite_values(values, "cannot write model text");
  return detail::model_json(model_shape_of<Net, T>(), values, fields);
}

/// The parameters in `text`, a model file as `parameters_to_text` writes it for a `Net` in T with
/// `fields`, bit for bit. Strict: one JSON document (no NUL, nothing after it, no key twice in an
/// object, none the writer does not write, nesting at most 32 deep), version 1, every field
/// `fields` names with its value, Net's topology, T, the parameter count, each layer's index,
/// activation and sources and each unit's and source's name as written, each "exact" spelled as
/// written and its "value" the same double (0 and -0 differ), for float a value float holds.
/// Throws `model_file_error` "model text <problem>", e.g. `model text holds "float" parameters,
/// not double`.
template <class Net, class T>
parameters<Net, T> parameters_from_text(std::string_view text,
                                        std::initializer_list<model_field> fields = {}) {
  detail::check_model_fields(fields);
  const model_shape shape = model_shape_of<Net, T>();
  try {
    return detail::parameters_from_values<Net, T>(
        detail::model_json_reader(shape, fields).read(text));
  } catch (const model_file_error& problem) {
    throw model_file_error(std::string("model text ") + problem.what());
  }
}

}  // namespace CTNN_NAMESPACE
