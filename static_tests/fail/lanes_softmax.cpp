// expect-error: does not accept the network's output activation: .*takes softmax outputs
// max-lines: GNU 9 Clang 13
// Softmax networks side by side: lanes train the homework's loss only, which a softmax output
// does not take, so the epoch is refused with the loss's message.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/dataset.hpp>
#include <ctnn/train_lanes.hpp>

using classifier = ctnn::network<ctnn::input<2>, ctnn::dense<3, ctnn::softmax>>;
constexpr ctnn::dataset<double, 2, 3, 2> patterns{{{0, 1}, {1, 0}}, {{1, 0, 0}, {0, 1, 0}}};

void epoch(ctnn::parameters<classifier, ctnn::lanes<double, 4>>& params,
           std::array<ctnn::pcg32, 4>& rngs) {
  ctnn::sgd_epoch(params, patterns, 0.1, rngs);
}
