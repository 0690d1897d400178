// libFuzzer target for the model loader's core, `ctnn_train::parse_model`: any input either
// loads or gives an `input_error`; nothing else escapes, nothing crashes, and whatever loads
// saves and loads again to the same bits.
// SPDX-License-Identifier: BSL-1.0
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctnn/activation.hpp>
#include <ctnn/network.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "model_io.hpp"

namespace {

using xor_net = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>,
                              ctnn::dense<1, ctnn::logistic, ctnn::from<0, 1>>>;

void check(std::string_view text, const ctnn_train::model_shape& shape) {
  std::vector<double> values;
  try {
    values = ctnn_train::parse_model(text, "xor", shape);
  } catch (const ctnn_train::input_error&) {
    return;
  }
  if (values.size() != shape.parameter_count) std::abort();
  const std::string saved = ctnn_train::model_json("xor", shape, values);
  const std::vector<double> again = ctnn_train::parse_model(saved, "xor", shape);
  if (std::memcmp(again.data(), values.data(), values.size() * sizeof(double)) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ctnn_train::model_shape double_shape = ctnn_train::shape_of<xor_net, double>();
  static const ctnn_train::model_shape float_shape = ctnn_train::shape_of<xor_net, float>();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, double_shape);
  check(text, float_shape);
  return 0;
}
