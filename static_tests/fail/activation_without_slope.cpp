// expect-error: bad_topology::layer<2>::activation<slopeless>::slope_is_not_defined_for<float>
// max-lines: GNU 9 Clang 16
// An activation without slope is rejected, saying how to declare it.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>

struct slopeless {
  template <class T>
  static constexpr T value(T net) {
    return net;
  }
};
using net =
    ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic>, ctnn::dense<1, slopeless>>;
constexpr auto count = net::parameter_count;
