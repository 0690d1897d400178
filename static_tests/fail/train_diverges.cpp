// expect-error: training_diverged_at_compile_time
// max-lines: GNU 13 Clang 25
// Compile-time training that diverges stops where the parameters' norm passes 1e6, saying so.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>
// Second, so that an error in ctnn's headers prints no longer chain of includes.
#include <ctnn/presets/homework.hpp>

// A linear OR unit at learning rate 1 overshoots more every step: in epoch 6 its norm passes 1e6
// (the check, after every fourth epoch, reports 8 epochs), in epoch 184 the numbers overflow.
using or_linear = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::linear>>;
constexpr auto params = ctnn::train<or_linear>(
    ctnn::homework::or_patterns<double>, {.learning_rate = 1, .epochs = 5000, .random_seed = 1});
