// libFuzzer target for the model loader, `ctnn_train::parse_model` and `read_model`, against the
// shape of every task of the trainer in float and double: any input either loads or gives an
// `input_error`; nothing else escapes, nothing crashes; read from a regular file it gets the same
// verdict and the same bits; and whatever loads exports a header, and saves and loads again to
// the same bits.
// SPDX-License-Identifier: BSL-1.0
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctnn/presets/homework.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "model_io.hpp"

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;

struct task_shape {
  std::string_view task;
  ctnn_train::model_shape shape;
};

// The trainer's tasks (trainer/src/tasks.hpp), each in both scalar types.
const std::vector<task_shape>& task_shapes() {
  static const std::vector<task_shape> shapes = {
      {"or", ctnn_train::shape_of<or_neuron, float>()},
      {"or", ctnn_train::shape_of<or_neuron, double>()},
      {"or-tanh", ctnn_train::shape_of<or_tanh_neuron, float>()},
      {"or-tanh", ctnn_train::shape_of<or_tanh_neuron, double>()},
      {"xor", ctnn_train::shape_of<xor_net, float>()},
      {"xor", ctnn_train::shape_of<xor_net, double>()},
  };
  return shapes;
}

/// A regular file the input is written to for `read_model`, removed at exit.
struct input_file {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ctnn_fuzz_model_loader." + std::to_string(::getpid()) + ".json");
  ~input_file() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

template <class Load>
std::optional<std::vector<double>> loaded(Load load) {
  try {
    return load();
  } catch (const ctnn_train::input_error&) {
    return std::nullopt;
  }
}

/// Checks `text` against one task's shape; `file` (holding `text`) is read too when given.
void check(std::string_view text, const std::filesystem::path* file, const task_shape& expected) {
  const std::string_view task = expected.task;
  const ctnn_train::model_shape& shape = expected.shape;
  const auto parsed = loaded([&] { return ctnn_train::parse_model(text, task, shape); });
  if (file != nullptr) {
    const auto read = loaded([&] { return ctnn_train::read_model(*file, task, shape); });
    if (parsed.has_value() != read.has_value()) std::abort();
    if (parsed && !same_bits(*parsed, *read)) std::abort();
  }
  if (!parsed) return;
  if (parsed->size() != shape.parameter_count) std::abort();
  const std::string header = ctnn_train::header_source(task, shape, *parsed);
  if (header.find("_" + shape.scalar + "_parameters{{") == std::string::npos) std::abort();
  const std::string saved = ctnn_train::model_json(task, shape, *parsed);
  if (!same_bits(ctnn_train::parse_model(saved, task, shape), *parsed)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const input_file file;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::ofstream(file.path, std::ios::binary | std::ios::trunc) << text;
  // The file is read against one shape per input, chosen by the input, to keep the fuzzer fast:
  // reading is the same for every shape, and so is parse_model's verdict once the text is read.
  const std::size_t read_for = size % task_shapes().size();
  for (std::size_t i = 0; i < task_shapes().size(); ++i) {
    check(text, i == read_for ? &file.path : nullptr, task_shapes()[i]);
  }
  return 0;
}
