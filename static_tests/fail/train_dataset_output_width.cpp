// expect-error: ctnn::train\(data, options\) requires patterns with one target per output unit
// max-lines: GNU 10 Clang 16
// train given one-target patterns for a two-output network.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>
// Second, so that an error in ctnn's headers prints no longer chain of includes.
#include <ctnn/presets/homework.hpp>

using two_outputs = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic>>;
const auto params = ctnn::train<two_outputs>(ctnn::homework::xor_patterns<double>,
                                             {.learning_rate = 0.05, .epochs = 1});
