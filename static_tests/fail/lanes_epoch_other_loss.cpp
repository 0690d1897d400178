// expect-error: ctnn::lanes train the homework's loss, sum_of_squares, only
// max-lines: GNU 9 Clang 13
// An epoch of networks side by side asked for binary cross-entropy: refused with the message,
// never trained another way.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/presets/homework.hpp>
#include <ctnn/train_lanes.hpp>

void epoch(ctnn::parameters<ctnn::homework::or_neuron, ctnn::lanes<double, 4>>& params,
           std::array<ctnn::pcg32, 4>& rngs) {
  ctnn::sgd_epoch(params, ctnn::homework::or_patterns<double>, 0.1, rngs,
                  ctnn::binary_cross_entropy{});
}
