// expect-error: layer<2>::activation<leaky_relu>::value_is_not_defined_for<ctnn::lanes<double, 4>
// max-lines: GNU 12 Clang 19
// An activation that computes in ctnn's core scalar types but not in lanes (its comparison gives
// no bool) is refused by side_by_side, before any epoch, named with its layer and the lanes type.
// SPDX-License-Identifier: BSL-1.0
#include <concepts>
#include <ctnn/train_lanes.hpp>

struct leaky_relu {
  template <std::totally_ordered T>
  static constexpr T value(T net) {
    return net > T(0) ? net : T(0.01) * net;
  }
  template <std::totally_ordered T>
  static constexpr T slope(T output) {
    return output > T(0) ? T(1) : T(0.01);
  }
};
using net =
    ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic>, ctnn::dense<1, leaky_relu>>;

double first_lane_weight() {
  const ctnn::parameters<net, double> each[4]{};
  auto together = ctnn::side_by_side(each);
  return together.values[0][0];
}
