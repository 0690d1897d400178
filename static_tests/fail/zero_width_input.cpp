// expect-error: bad_topology::layer<0>::has_width_0
// max-lines: GNU 9 Clang 16
// An input of zero values is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

using no_inputs = ctnn::network<ctnn::input<0>, ctnn::dense<1, ctnn::logistic>>;
constexpr auto count = no_inputs::parameter_count;
