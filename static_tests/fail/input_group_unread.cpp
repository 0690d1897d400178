// expect-error: bad_topology::layer<0>::is_an_input_group_no_layer_reads
// max-lines: GNU 9 Clang 16
// An input group that no dense layer reads is rejected: the first dense layer's default source,
// previous, reads only the group just before it.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using net = ctnn::network<ctnn::input<8>, ctnn::input<4>, ctnn::dense<8, ctnn::relu>,
                          ctnn::dense<1, ctnn::logistic>>;
constexpr auto count = net::parameter_count;
