// expect-error: bad_topology::layer<1>::activation<double_only>::value_is_not_defined_for<float>
// max-lines: GNU 10 Clang 19
// An activation written for double alone is rejected for float, the first scalar type it does
// not compute in, with the activation and that type named.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>

struct double_only {
  static constexpr double value(double net) { return net > 0 ? net : 0.01 * net; }
  static constexpr double slope(double output) { return output > 0 ? 1 : 0.01; }
};
using net = ctnn::network<ctnn::input<2>, ctnn::dense<1, double_only>>;
constexpr ctnn::parameters<net, float> params{};
