// expect-error: bad_topology::layer<0>::is_followed_by_no_dense_layer
// max-lines: GNU 9 Clang 16
// An input alone is not a network.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using nothing = ctnn::network<ctnn::input<2>>;
constexpr auto count = nothing::parameter_count;
