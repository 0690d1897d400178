// expect-error: bad_topology::layer<2>::is_not_a_dense_layer
// max-lines: GNU 9 Clang 16
// A layer after the input groups that is neither dense<...> nor an input group is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using net = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic>, float>;
constexpr auto count = net::parameter_count;
