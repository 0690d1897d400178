// expect-error: ctnn::gradient\(params, x, t\) requires one value in x per input unit
// max-lines: GNU 9 Clang 13
// gradient given three inputs for a two-input network.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <ctnn/gradient.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
constexpr ctnn::parameters<or_neuron, double> params{};
constexpr std::array<double, 3> x{1.0, 0.0, 1.0};
constexpr std::array<double, 1> t{1.0};
constexpr auto grad = ctnn::gradient(params, x, t);
