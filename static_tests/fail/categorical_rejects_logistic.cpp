// expect-error: does not accept the network's output activation: .*categorical_cross_entropy
// max-lines: GNU 9 Clang 13
// Categorical cross-entropy on logistic outputs, which are no distribution: the message, and
// nothing after.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/gradient.hpp>
#include <ctnn/loss.hpp>

using outputs = ctnn::network<ctnn::input<2>, ctnn::dense<3, ctnn::logistic>>;
constexpr ctnn::parameters<outputs, double> params{};
constexpr auto grad =
    ctnn::gradient(params, {1.0, 0.0}, {1.0, 0.0, 0.0}, ctnn::categorical_cross_entropy{});
