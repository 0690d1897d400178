// Defines `ctnn_train::save_model`, `load_model` and `export_header`: the trainer's model files
// and headers, ctnn's (<ctnn/model_file.hpp>, <ctnn/export_header.hpp>) with the task a model was
// trained for, and ctnn's errors as the trainer's `input_error`s.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/export_header.hpp>
#include <ctnn/model_file.hpp>
#include <ctnn/parameters.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "errors.hpp"

namespace ctnn_train {

/// The largest model file `load_model` reads: ctnn's limit, 1 MiB.
inline constexpr std::size_t model_file_size_limit = ctnn::model_file_size_limit;

/// Runs `action`, turning a `ctnn::model_file_error` into an `input_error` with the same line.
template <class Action>
decltype(auto) with_input_errors(Action&& action) {
  try {
    return std::forward<Action>(action)();
  } catch (const ctnn::model_file_error& error) {
    throw input_error(error.what());
  }
}

/// The model file for `params` trained for `task`: ctnn's, with `"task": "<task>"` after the
/// version. Throws `input_error` for a value that is not finite.
template <class Net, class T>
std::string model_json(std::string_view task, const ctnn::parameters<Net, T>& params) {
  return with_input_errors([&] { return ctnn::parameters_to_text(params, {{"task", task}}); });
}

/// The parameters in `text`, a model file of a `Net` in T trained for `task`, as `model_json`
/// writes it; throws `input_error` with ctnn's line ("model text holds a model for task
/// \"or\", not \"xor\""). The fuzzer calls this.
template <class Net, class T>
ctnn::parameters<Net, T> parse_model(std::string_view text, std::string_view task) {
  return with_input_errors([&] {
    return ctnn::parameters_from_text<Net, T>(text, {{"task", task}});
  });
}

/// Writes `params`, trained for `task`, to a model file, atomically (`ctnn::save_parameters`).
template <class Net, class T>
void save_model(const std::filesystem::path& file, std::string_view task,
                const ctnn::parameters<Net, T>& params) {
  with_input_errors([&] { ctnn::save_parameters(file, params, {{"task", task}}); });
}

/// Reads the parameters of a `Net` in `T` trained for `task` from a file `save_model` wrote, bit
/// for bit (`ctnn::load_parameters`); throws `input_error` with ctnn's line, e.g. `model file
/// "m.json" holds a model for task "or", not "xor"`.
template <class Net, class T>
ctnn::parameters<Net, T> load_model(const std::filesystem::path& file, std::string_view task) {
  return with_input_errors([&] { return ctnn::load_parameters<Net, T>(file, {{"task", task}}); });
}

/// The names a header exported for `task` in `scalar` uses: `ctnn_trained::<task>_<scalar>_network`
/// and `ctnn_trained::<task>_<scalar>_parameters` (e.g. `or_float_parameters`; characters of
/// `task` that C++ does not take in a name become `_`). The scalar type is in the names so that
/// a float and a double model of one task can be included together.
struct exported_names {
  std::string variable, network_alias, note;
  exported_names(std::string_view task, std::string_view scalar);
  ctnn::header_options options() const {
    return {.namespace_name = "ctnn_trained",
            .variable = variable,
            .network_alias = network_alias,
            .note = note};
  }
};

/// A C++ header defining `params`, trained for `task`, as a constexpr value under
/// `exported_names`, values as hexadecimal literals.
template <class Net, class T>
std::string header_source(std::string_view task, const ctnn::parameters<Net, T>& params) {
  const exported_names names(task, ctnn::model_shape_of<Net, T>().scalar);
  return with_input_errors([&] { return ctnn::header_text(params, names.options()); });
}

/// Writes `header_source(task, params)` to `file`, atomically (`ctnn::export_header`).
template <class Net, class T>
void export_header(const std::filesystem::path& file, std::string_view task,
                   const ctnn::parameters<Net, T>& params) {
  const exported_names names(task, ctnn::model_shape_of<Net, T>().scalar);
  with_input_errors([&] { ctnn::export_header(file, params, names.options()); });
}

}  // namespace ctnn_train
