// expect-error: ctnn::loss\(params, x, t\) requires one value in x per input unit
// max-lines: GNU 9 Clang 13
// loss given one input for a two-input network: the message, and no warning from the pass after.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <ctnn/gradient.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
constexpr ctnn::parameters<or_neuron, double> params{};
constexpr std::array<double, 1> x{1.0};
constexpr std::array<double, 1> t{1.0};
constexpr auto error = ctnn::loss(params, x, t);
