// expect-error: does not accept the network's output activation: .*takes softmax outputs
// max-lines: GNU 9 Clang 13
// A softmax output trained with the default loss, the sum of squares: the message, and nothing
// after (softmax has no slope for the squared loss's delta).
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/gradient.hpp>
#include <ctnn/loss.hpp>

using classifier = ctnn::network<ctnn::input<2>, ctnn::dense<3, ctnn::softmax>>;
constexpr ctnn::parameters<classifier, double> params{};
constexpr auto grad = ctnn::gradient(params, {1.0, 0.0}, {1.0, 0.0, 0.0});
