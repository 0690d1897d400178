// Defines `ctnn_train::save_model`, `load_model` and `export_header`: trained parameters as JSON
// model files and as C++ headers, both exact to the bit.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/topology_name.hpp>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ctnn_train {

/// The name and version that every model file records; `load_model` reads only this version.
inline constexpr std::string_view model_format = "ctnn-model";
inline constexpr int model_format_version = 1;

/// The largest model file `read_model` reads, in bytes: a model of the trainer's tasks takes a
/// few KB, and a file past this is refused before it fills memory.
inline constexpr std::size_t model_file_size_limit = std::size_t{1} << 20;

/// How deeply `parse_model` lets arrays and objects nest: a model file needs 7 levels, and
/// deeper input is refused while it is parsed, before anything recursive sees it.
inline constexpr int model_nesting_limit = 32;

/// One layer of a topology as model files spell it; layer 0 is the input (no sources, fan-in 0,
/// no activation).
struct layer_shape {
  std::size_t width = 0;
  std::size_t fan_in = 0;
  std::vector<std::size_t> sources;
  std::string activation;
};

/// A topology and scalar type, as much of a network type as reading a model file needs: the
/// non-template core of the model functions below works on this.
struct model_shape {
  std::string topology;  // ctnn::topology_name<Net>()
  std::string scalar;    // "float" or "double"
  std::vector<layer_shape> layers;
  std::size_t parameter_count = 0;
};

/// Activation A's name in model files: its name in `ctnn::topology_name`, without ctnn's own
/// namespace ("logistic", "hyperbolic_tangent", "mylib::swish").
template <class A>
std::string model_activation_name() {
  std::string_view name = ctnn::activation_name<A>;
  if (name.starts_with("ctnn::")) name.remove_prefix(std::string_view("ctnn::").size());
  return std::string(name);
}

/// The shape of `ctnn::parameters<Net, T>`.
template <class Net, class T>
model_shape shape_of() {
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, double>,
                "ctnn_train model files hold float or double parameters");
  model_shape shape{ctnn::topology_name<Net>(),
                    std::is_same_v<T, float> ? "float" : "double",
                    {},
                    Net::parameter_count};
  shape.layers.push_back({Net::input_width, 0, {}, {}});
  [&]<std::size_t... L>(std::index_sequence<L...>) {
    (shape.layers.push_back(
         {Net::template width<L + 1>,
          Net::template fan_in<L + 1>,
          {Net::template sources<L + 1>.begin(), Net::template sources<L + 1>.end()},
          model_activation_name<typename Net::template activation<L + 1>>()}),
     ...);
  }
  (std::make_index_sequence<Net::layer_count - 1>{});
  return shape;
}

/// A unit's name in model files, headers and diagrams: `x_k` for inputs, `y_k` for outputs
/// (`y` alone for a single output), `h_k` for hidden units when there is one hidden layer (`h`
/// alone for a single unit), else `h<L>_k`.
std::string unit_name(const model_shape& shape, std::size_t layer, std::size_t unit);

/// The unit feeding the k-th input of every unit of `layer`, as (layer, unit).
std::pair<std::size_t, std::size_t> source_of(const model_shape& shape, std::size_t layer,
                                              std::size_t k);

/// `value` as a C99 hexadecimal floating-point string, e.g. "0x1.8p-1" or "-0x0p+0": exact, and
/// the same text whatever the locale.
std::string hex_float(double value);

/// Parses a string written by `hex_float`: an optional `-`, `0x`, hex digits with an optional
/// fraction, an optional binary exponent. Throws `input_error` (naming `what`) for anything else,
/// for a value outside double's range, or for any other spelling than `hex_float`'s (so a
/// mantissa too long for a double, which would round, is refused).
double parse_hex_float(std::string_view text, std::string_view what);

/// The model file for `values` (in ctnn's parameter order) of a network of this shape trained for
/// `task`. Each parameter appears as `{"value": <decimal>, "exact": "<hex float>"}`: the decimal
/// is for people, the hex float is what `parse_model` reads, and the two must agree.
std::string model_json(std::string_view task, const model_shape& shape,
                       std::span<const double> values);

/// Reads a model file's text, checking it against `task` and `shape`, and returns its parameters
/// in ctnn's order. Strict: the text must be exactly one JSON document (no NUL, nothing after
/// it), nested at most `model_nesting_limit` deep, with no key twice in an object and no key the
/// writer does not write; `version` the integer 1; every field `model_json` writes as it writes
/// it (task, topology, scalar, parameter count, each layer's index, activation and sources, each
/// unit's name, each weight's source); each "exact" spelled as `hex_float` spells it, and its
/// "value" the same double to the bit (so 0 and -0 differ); for float, a value float holds.
/// Throws `input_error` with one line naming the first problem, worded to follow
/// 'model file "<name>" ' ("has no \"layers\"", "is wrong in layer 1, unit 0: it ..."), text
/// from the file escaped to printable ASCII and shortened. The fuzzer calls this.
std::vector<double> parse_model(std::string_view text, std::string_view task,
                                const model_shape& shape);

/// `parse_model` on a file's contents; messages begin with the file's name. Reads only a regular
/// file (a symbolic link to one is fine) of at most `model_file_size_limit` bytes: a directory,
/// FIFO or device is refused without waiting on it or reading it, and a read error is an
/// `input_error` too.
std::vector<double> read_model(const std::filesystem::path& file, std::string_view task,
                               const model_shape& shape);

/// A C++ header defining `ctnn_trained::<task>_<scalar>_network` and the constexpr
/// `ctnn_trained::<task>_<scalar>_parameters` (e.g. `or_float_parameters`), values as
/// hexadecimal literals (non-identifier characters of `task` become `_`). The scalar type is in
/// the names so that a float and a double model of one task can be included together.
std::string header_source(std::string_view task, const model_shape& shape,
                          std::span<const double> values);

/// Writes `header_source` or `model_json` atomically, refusing non-finite values (JSON and
/// constexpr parameters have no room for them) with an `input_error` naming the file.
void write_model_json(const std::filesystem::path& file, std::string_view task,
                      const model_shape& shape, std::span<const double> values);
void write_header(const std::filesystem::path& file, std::string_view task,
                  const model_shape& shape, std::span<const double> values);

/// Writes `params`, trained for `task`, to a JSON model file, atomically; see `model_json`.
template <class Net, class T>
void save_model(const std::filesystem::path& file, std::string_view task,
                const ctnn::parameters<Net, T>& params) {
  const std::vector<double> values(std::begin(params.values), std::end(params.values));
  write_model_json(file, task, shape_of<Net, T>(), values);
}

/// Reads the parameters of a `Net` in `T` trained for `task` from a file `save_model` wrote,
/// bit for bit as they were saved; throws `input_error` as `parse_model` does.
template <class Net, class T>
ctnn::parameters<Net, T> load_model(const std::filesystem::path& file, std::string_view task) {
  const std::vector<double> values = read_model(file, task, shape_of<Net, T>());
  ctnn::parameters<Net, T> params;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    params.values[i] = static_cast<T>(values[i]);
  }
  return params;
}

/// Writes a C++ header that defines `params` as a constexpr `ctnn::parameters<Net, T>`, so that
/// a program can include the trained network with no file to read at run time.
template <class Net, class T>
void export_header(const std::filesystem::path& file, std::string_view task,
                   const ctnn::parameters<Net, T>& params) {
  const std::vector<double> values(std::begin(params.values), std::end(params.values));
  write_header(file, task, shape_of<Net, T>(), values);
}

}  // namespace ctnn_train
