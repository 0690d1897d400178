// expect-error: bad_topology::layer<1>::reads_no_layer
// max-lines: GNU 9 Clang 16
// A layer whose from<> names no layer is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using net = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic, ctnn::from<>>>;
constexpr auto count = net::parameter_count;
