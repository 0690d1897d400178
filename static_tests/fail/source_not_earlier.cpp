// expect-error: bad_topology::layer<1>::reads_itself_or_a_later_layer<2>
// max-lines: GNU 9 Clang 16
// A layer that reads itself or a later layer is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

// Layer 1 cannot read layer 2: the graph would not evaluate in order.
using cyclic = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic, ctnn::from<0, 2>>,
                             ctnn::dense<1, ctnn::logistic, ctnn::from<1>>>;
constexpr auto count = cyclic::parameter_count;
