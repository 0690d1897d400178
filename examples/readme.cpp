// The README's example: keep this in sync with README.md.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
constexpr auto p = ctnn::train<or_neuron>(ctnn::or_patterns<double>,
                                          {.learning_rate = 0.05, .epochs = 5000, .seed = 1});
static_assert(ctnn::predict(p, {1.0, 0.0})[0] > 0.9);
static_assert(ctnn::predict(p, {0.0, 0.0})[0] < 0.1);

int main() {}
