// expect-error: ctnn::training_options has no default learning rate or number of epochs
// max-lines: GNU 9 Clang 10
// train given options without a learning rate: the compile stops and says so, where it would
// otherwise train at rate 0.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>

using neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
constexpr ctnn::dataset<double, 2, 1, 1> one_pattern{{{1, 0}}, {{1}}};
constexpr auto params = ctnn::train<neuron>(one_pattern, {.epochs = 100});
