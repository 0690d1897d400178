// The library's side of bench/compile-time.sh's headroom search: the homework's OR neuron (Problem
// 1, logistic, learning rate 0.05) trained at compile time by ctnn::train for -DEPOCHS=n epochs
// (default 5000), checked as bench/floor/or_floor.cpp checks its own.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/forward.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>

#ifndef EPOCHS
#  define EPOCHS 5000
#endif

namespace {

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;

/// OR is learned: every output on the right side of 1/2 and, from the homework's 5000 epochs on,
/// within 0.1 of its target.
constexpr bool learned_or(const ctnn::parameters<or_neuron, double>& params) {
  const auto& data = ctnn::homework::or_patterns<double>;
  for (std::size_t n = 0; n < 4; ++n) {
    const double y = ctnn::predict(params, {data.inputs[n][0], data.inputs[n][1]})[0];
    const double error = y > data.targets[n][0] ? y - data.targets[n][0] : data.targets[n][0] - y;
    if (error >= (EPOCHS >= 5000 ? 0.1 : 0.5)) return false;
  }
  return true;
}

static_assert(learned_or(
    ctnn::train<or_neuron>(ctnn::homework::or_patterns<double>,
                           {.learning_rate = 0.05, .epochs = EPOCHS, .random_seed = 1})));

}  // namespace

int main() {}
