// expect-error: this loss does not accept the network's output activation: binary_cross_entropy
// max-lines: GNU 9 Clang 13
// Binary cross-entropy on a tanh output, whose values reach -1: the message, and nothing after.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/gradient.hpp>
#include <ctnn/loss.hpp>

using tanh_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::hyperbolic_tangent>>;
constexpr ctnn::parameters<tanh_neuron, double> params{};
constexpr auto grad = ctnn::gradient(params, {1.0, 0.0}, {1.0}, ctnn::binary_cross_entropy{});
