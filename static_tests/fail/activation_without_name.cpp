// expect-error: bad_topology::layer<1>::activation_has_no_member_name
// max-lines: GNU 9 Clang 16
// An activation with value and slope but no name is rejected, saying how to declare it.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

struct swish_like {
  template <class T>
  static constexpr T value(T net) {
    return net;
  }
  template <class T>
  static constexpr T slope(T) {
    return T(1);
  }
};
using unnamed = ctnn::network<ctnn::input<2>, ctnn::dense<1, swish_like>>;
constexpr auto count = unnamed::parameter_count;
