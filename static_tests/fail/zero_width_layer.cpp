// expect-error: bad_topology::layer<1>::has_width_0
// max-lines: GNU 9 Clang 16
// A layer of zero units is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using empty_hidden =
    ctnn::network<ctnn::input<2>, ctnn::dense<0, ctnn::logistic>, ctnn::dense<1, ctnn::logistic>>;
constexpr auto count = empty_hidden::parameter_count;
