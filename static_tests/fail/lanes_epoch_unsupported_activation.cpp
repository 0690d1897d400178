// expect-error: layer<2>::activation<leaky_relu>::value_is_not_defined_for<ctnn::lanes<double, 4>
// max-lines: GNU 12 Clang 19
// An activation that computes in ctnn's core scalar types but not in lanes is refused by an epoch
// over lane parameters that side_by_side did not make: sgd_epoch names it, its layer and the lanes
// type, and instantiates nothing that would err after it.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <concepts>
#include <cstdint>
#include <ctnn/train_lanes.hpp>
// Second, so that an error in ctnn's headers prints no longer chain of includes.
#include <ctnn/presets/homework.hpp>

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

double first_lane_error() {
  std::array<ctnn::pcg32, 4> rngs =
      ctnn::seeded_generators(std::array<std::uint64_t, 4>{1, 2, 3, 4});
  ctnn::parameters<net, ctnn::lanes<double, 4>> together{};
  return ctnn::sgd_epoch(together, ctnn::homework::xor_patterns<double>, 0.1, rngs)[0];
}
