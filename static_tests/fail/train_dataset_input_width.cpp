// expect-error: ctnn::train\(data, options\) requires patterns with one input per input unit
// max-lines: GNU 10 Clang 16
// train given two-input patterns for a three-input network.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>
// Second, so that an error in ctnn's headers prints no longer chain of includes.
#include <ctnn/presets/homework.hpp>

using three_inputs = ctnn::network<ctnn::input<3>, ctnn::dense<1, ctnn::logistic>>;
const auto params = ctnn::train<three_inputs>(ctnn::homework::or_patterns<double>,
                                              {.learning_rate = 0.05, .epochs = 1});
