// expect-error: bad_topology::layer<2>::is_an_input_group_after_a_dense_layer
// max-lines: GNU 9 Clang 16
// An input group after a dense layer is rejected: the groups come first.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using net = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic>, ctnn::input<1>,
                          ctnn::dense<1, ctnn::logistic, ctnn::from<1, 2>>>;
constexpr auto count = net::parameter_count;
