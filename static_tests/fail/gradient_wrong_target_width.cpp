// expect-error: ctnn::gradient\(params, x, t\) requires one value in t per output unit
// max-lines: GNU 9 Clang 13
// gradient given two targets for a one-output network.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <ctnn/gradient.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
constexpr ctnn::parameters<or_neuron, double> params{};
constexpr std::array<double, 2> x{1.0, 0.0};
constexpr std::array<double, 2> t{1.0, 0.0};
constexpr auto grad = ctnn::gradient(params, x, t);
