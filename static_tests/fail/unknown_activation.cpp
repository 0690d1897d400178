// expect-error: bad_topology::layer<1>::activation<not_an_activation>::value_is_not_defined_for
// max-lines: GNU 9 Clang 16
// An activation without value and slope is rejected.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

struct not_an_activation {};
using odd = ctnn::network<ctnn::input<2>, ctnn::dense<1, not_an_activation>>;
constexpr auto count = odd::parameter_count;
