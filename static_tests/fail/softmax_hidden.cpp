// expect-error: bad_topology::layer<1>::has_softmax_but_is_not_the_output_layer
// max-lines: GNU 9 Clang 16
// Softmax normalises the output layer only: a hidden softmax layer is named, with the fix.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using net =
    ctnn::network<ctnn::input<4>, ctnn::dense<3, ctnn::softmax>, ctnn::dense<3, ctnn::softmax>>;
constexpr auto count = net::parameter_count;
