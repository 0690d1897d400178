// expect-error: this loss does not accept the network's output activation: binary_cross_entropy
// max-lines: GNU 9 Clang 13
// train given binary cross-entropy for a linear output, in the observer's place: the message, and
// nothing after.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/loss.hpp>
#include <ctnn/train.hpp>

using linear_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::linear>>;
constexpr ctnn::dataset<double, 2, 1, 2> data{{{0, 0}, {1, 1}}, {{0}, {1}}};
constexpr auto params = ctnn::train<linear_neuron>(data, {.learning_rate = 0.1, .epochs = 2},
                                                   ctnn::binary_cross_entropy{});
