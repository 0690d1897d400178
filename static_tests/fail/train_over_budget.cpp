// expect-error: training_exceeds_constexpr_(ops_limit|steps)
// max-lines: GNU 13 Clang 28
// Compile-time training estimated to pass the evaluator's limit stops before it starts, giving
// the estimate, the flag and the macro: one epoch more than static.compile_time_budget trains.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>
// Second, so that an error in ctnn's headers prints no longer chain of includes.
#include <ctnn/presets/homework.hpp>

using ctnn::homework::or_neuron;
constexpr std::size_t epochs = ctnn::detail::epochs_within_budget<or_neuron, 4>() + 1;
constexpr auto params =
    ctnn::train<or_neuron>(ctnn::homework::or_patterns<double>,
                           {.learning_rate = 0.05, .epochs = epochs, .random_seed = 1});
