// The README's examples: keep this in sync with README.md.
// SPDX-License-Identifier: BSL-1.0
#include <cstdlib>
#include <ctnn.hpp>
#include <ctnn/presets/homework.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
// Logical OR: four patterns, each two inputs and one target.
constexpr ctnn::dataset<double, 2, 1, 4> logical_or{{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                                                    {{0}, {1}, {1}, {1}}};
constexpr auto p =
    ctnn::train<or_neuron>(logical_or, {.learning_rate = 0.05, .epochs = 5000, .random_seed = 1});
static_assert(ctnn::predict(p, {1.0, 0.0})[0] > 0.9);
static_assert(ctnn::predict(p, {0.0, 0.0})[0] < 0.1);

// "Where it comes from": the homework's preset.
namespace hw = ctnn::homework;
// Problem 4, at run time: the XOR net on XOR's table, learning rate 0.05, 8000 epochs.
const auto xor_params = ctnn::train<hw::xor_net>(hw::xor_patterns<double>, hw::problem_4_options);

int main() {
  // With the default random seed the XOR net is solved: (1, 1) gives 0.
  return ctnn::predict(xor_params, {1.0, 1.0})[0] < 0.5 ? EXIT_SUCCESS : EXIT_FAILURE;
}
