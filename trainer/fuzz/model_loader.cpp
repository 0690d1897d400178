// libFuzzer target for the model loader, `ctnn_train::parse_model` and `load_model` (ctnn's
// `parameters_from_text` and `load_parameters` with the trainer's task), against every task of
// the trainer in float and double: any input either loads or gives an `input_error`; nothing
// else escapes, nothing crashes; read from a regular file it gets the same verdict and the same
// bits; and whatever loads exports a header, and saves and loads again to the same bits.
// SPDX-License-Identifier: BSL-1.0
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctnn/presets/homework.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "errors.hpp"
#include "model_io.hpp"

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;

/// A regular file the input is written to for `load_model`, removed at exit.
struct input_file {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ctnn_fuzz_model_loader." + std::to_string(::getpid()) + ".json");
  ~input_file() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

template <class Net, class T>
bool same_bits(const ctnn::parameters<Net, T>& a, const ctnn::parameters<Net, T>& b) {
  return std::memcmp(a.values, b.values, sizeof a.values) == 0;
}

template <class Load>
auto loaded(Load load) -> std::optional<decltype(load())> {
  try {
    return load();
  } catch (const ctnn_train::input_error&) {
    return std::nullopt;
  }
}

/// Checks `text` against a `Net` in T trained for `task`; `file` (holding `text`) is read too
/// when given.
template <class Net, class T>
void check(std::string_view text, const std::filesystem::path* file, std::string_view task) {
  const auto parsed = loaded([&] { return ctnn_train::parse_model<Net, T>(text, task); });
  if (file != nullptr) {
    const auto read = loaded([&] { return ctnn_train::load_model<Net, T>(*file, task); });
    if (parsed.has_value() != read.has_value()) std::abort();
    if (parsed && !same_bits(*parsed, *read)) std::abort();
  }
  if (!parsed) return;
  const std::string header = ctnn_train::header_source(task, *parsed);
  const std::string scalar = ctnn::model_shape_of<Net, T>().scalar;
  if (header.find("_" + scalar + "_parameters{{") == std::string::npos) std::abort();
  const std::string saved = ctnn_train::model_json(task, *parsed);
  if (!same_bits(ctnn_train::parse_model<Net, T>(saved, task), *parsed)) std::abort();
}

/// One of the trainer's tasks in one scalar type.
struct task_check {
  std::string_view task;
  void (*check)(std::string_view, const std::filesystem::path*, std::string_view);
};

// The trainer's tasks (trainer/src/tasks.hpp), each in both scalar types.
constexpr std::array<task_check, 6> task_checks = {{
    {"or", check<or_neuron, float>},
    {"or", check<or_neuron, double>},
    {"or-tanh", check<or_tanh_neuron, float>},
    {"or-tanh", check<or_tanh_neuron, double>},
    {"xor", check<xor_net, float>},
    {"xor", check<xor_net, double>},
}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const input_file file;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::ofstream(file.path, std::ios::binary | std::ios::trunc) << text;
  // The file is read against one task and type per input, chosen by the input, to keep the
  // fuzzer fast: reading is the same for every one, and so is the verdict once the text is read.
  const std::size_t read_for = size % task_checks.size();
  for (std::size_t i = 0; i < task_checks.size(); ++i) {
    task_checks[i].check(text, i == read_for ? &file.path : nullptr, task_checks[i].task);
  }
  return 0;
}
