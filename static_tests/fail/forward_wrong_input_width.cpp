// expect-error: ctnn::forward\(params, x\) requires one value in x per input unit
// max-lines: GNU 10 Clang 16
// forward given three inputs for a two-input network.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/forward.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
constexpr ctnn::parameters<or_neuron, double> params{};
constexpr auto units = ctnn::forward(params, {1.0, 0.0, 1.0});
