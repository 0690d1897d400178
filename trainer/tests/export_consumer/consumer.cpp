// Uses the XOR networks that ctnn-train exported (double and float, both of task "xor", in one
// translation unit) with no training code and no file read at run time: their predictions hold
// at compile time and at run time.
// SPDX-License-Identifier: BSL-1.0
#include <cstdlib>
#include <iostream>
#include <type_traits>

#include "xor_double_parameters.hpp"
#include "xor_float_parameters.hpp"

namespace {

constexpr const auto& net = ctnn_trained::xor_double_parameters;
constexpr const auto& float_net = ctnn_trained::xor_float_parameters;

}  // namespace

// One task, two scalar types, two distinct names.
static_assert(std::is_same_v<std::remove_cvref_t<decltype(net)>,
                             ctnn::parameters<ctnn_trained::xor_double_network, double>>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(float_net)>,
                             ctnn::parameters<ctnn_trained::xor_float_network, float>>);

static_assert(ctnn::predict(net, {0.0, 0.0})[0] < 0.5);
static_assert(ctnn::predict(net, {0.0, 1.0})[0] > 0.5);
static_assert(ctnn::predict(net, {1.0, 0.0})[0] > 0.5);
static_assert(ctnn::predict(net, {1.0, 1.0})[0] < 0.5);
static_assert(ctnn::predict(float_net, {0.0f, 0.0f})[0] < 0.5f);
static_assert(ctnn::predict(float_net, {0.0f, 1.0f})[0] > 0.5f);
static_assert(ctnn::predict(float_net, {1.0f, 0.0f})[0] > 0.5f);
static_assert(ctnn::predict(float_net, {1.0f, 1.0f})[0] < 0.5f);

int main() {
  constexpr double inputs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  constexpr double targets[4] = {0, 1, 1, 0};
  // At run time the same values, computed by the same functions, must agree with compile time.
  constexpr double compile_time = ctnn::predict(net, {1.0, 0.0})[0];
  volatile double one = 1.0;
  if (ctnn::predict(net, {double(one), 0.0})[0] != compile_time) {
    std::cerr << "consumer: run-time prediction differs from compile time\n";
    return EXIT_FAILURE;
  }
  bool solved = true;
  for (int n = 0; n < 4; ++n) {
    const double output = ctnn::predict(net, {inputs[n][0], inputs[n][1]})[0];
    const float float_output = ctnn::predict(
        float_net, {static_cast<float>(inputs[n][0]), static_cast<float>(inputs[n][1])})[0];
    solved = solved && (output > 0.5) == (targets[n] > 0.5) &&
             (float_output > 0.5f) == (targets[n] > 0.5);
    std::cout << "input [" << inputs[n][0] << ", " << inputs[n][1] << "] output " << output
              << " (float " << float_output << ") target " << targets[n] << '\n';
  }
  std::cout << (solved ? "exported XOR solved\n" : "exported XOR NOT solved\n");
  return solved ? EXIT_SUCCESS : EXIT_FAILURE;
}
