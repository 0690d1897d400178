// expect-error: bad_topology::layer<2>::has_softmax_over_one_unit
// max-lines: GNU 9 Clang 16
// A softmax over one unit is always 1 and learns nothing: refused, with the fix.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using net =
    ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::relu>, ctnn::dense<1, ctnn::softmax>>;
constexpr auto count = net::parameter_count;
