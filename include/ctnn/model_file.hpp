// Defines `ctnn::save_parameters` and `ctnn::load_parameters`: parameters in model files, exact to
// the bit, refused when they do not match the network, the scalar type or the file's format.
// Opt-in (POSIX, <filesystem>): not in <ctnn.hpp>.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/detail/file_io.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/model_file_error.hpp>
#include <ctnn/model_shape.hpp>
#include <ctnn/model_text.hpp>
#include <ctnn/parameters.hpp>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

namespace CTNN_NAMESPACE {

/// The largest model file `load_parameters` reads: 1 MiB.
inline constexpr std::size_t model_file_size_limit = detail::model_file_size_limit;

/// Writes `params` (T float or double) to `file` as `parameters_to_text` writes them, with
/// `fields`, atomically: through a temporary file beside it and a rename, so that `file` is
/// replaced whole or, on any failure, left as it was with no temporary file behind. A symbolic
/// link to a regular file is followed; a directory, device, FIFO or socket is refused. Throws
/// `model_file_error` `cannot write "<file>": <why>` (e.g. "parameter 4 is nan", "No such file
/// or directory"), having written nothing.
template <class Net, class T>
void save_parameters(const std::filesystem::path& file, const parameters<Net, T>& params,
                     std::initializer_list<model_field> fields = {}) {
  const std::vector<double> values = detail::values_of(params);
  detail::check_model_fields(fields);
  detail::check_finite_values(values, "cannot write " + detail::quoted_path(file));
  detail::write_file_atomically(file, detail::model_json(model_shape_of<Net, T>(), values, fields));
}

/// The parameters in `file`, a model file that `save_parameters` wrote for a `Net` in T with
/// `fields`, bit for bit; checked as `parameters_from_text` checks text. Reads only a regular
/// file (or a symbolic link to one) of at most `model_file_size_limit` bytes, refusing a
/// directory, FIFO or device at once, without waiting on it or reading it. Throws
/// `model_file_error` `model file "<file>" <problem>` or `cannot read model file "<file>":
/// <why>`; what the caller holds is untouched, as the result is assigned only on success.
template <class Net, class T>
parameters<Net, T> load_parameters(const std::filesystem::path& file,
                                   std::initializer_list<model_field> fields = {}) {
  detail::check_model_fields(fields);
  const model_shape shape = model_shape_of<Net, T>();
  const std::string text = detail::read_model_file_text(file);
  try {
    return detail::parameters_from_values<Net, T>(
        detail::model_json_reader(shape, fields).read(text));
  } catch (const model_file_error& problem) {
    throw model_file_error("model file " + detail::quoted_path(file) + ' ' + problem.what());
  }
}

}  // namespace CTNN_NAMESPACE
