// expect-error: bad_topology::layer<1>::feeds_no_later_layer
// max-lines: GNU 9 Clang 16
// A hidden layer that feeds nothing is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

// The output reads only the input: the hidden layer could never learn.
using dead = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic>,
                           ctnn::dense<1, ctnn::logistic, ctnn::from<0>>>;
constexpr auto count = dead::parameter_count;
