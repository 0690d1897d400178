// expect-error: bad_topology::layer<1>::reads_a_layer_twice<0>
// max-lines: GNU 9 Clang 16
// A layer that names one source twice is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using twice = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic, ctnn::from<0, 0>>>;
constexpr auto count = twice::parameter_count;
