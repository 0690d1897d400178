// expect-error: ctnn::sgd_step\(params, x, y, rate\) requires one value in x per input unit
// max-lines: GNU 9 Clang 13
// sgd_step given one input for a two-input network: the message, and nothing after it.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <ctnn/train.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
constexpr double stepped() {
  ctnn::parameters<or_neuron, double> params{};
  const std::array<double, 1> x{1.0};
  const std::array<double, 1> y{1.0};
  return ctnn::sgd_step(params, x, y, 0.1);
}
constexpr double error = stepped();
