// expect-error: training_diverged_at_compile_time
// max-lines: GNU 14 Clang 26
// Compile-time training with an observer stops at divergence too, after the epoch where it
// happens: a ReLU net with a linear output at learning rate 10 passes a norm of 1e6 at once.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>
// Second, so that an error in ctnn's headers prints no longer chain of includes.
#include <ctnn/presets/homework.hpp>

using relu_net =
    ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::relu>, ctnn::dense<1, ctnn::linear>>;
constexpr double last_error() {
  double last = 0;
  ctnn::train<relu_net>(ctnn::homework::xor_patterns<double>, {.learning_rate = 10, .epochs = 5000},
                        [&](std::size_t, double error) { last = error; });
  return last;
}
constexpr double error = last_error();
