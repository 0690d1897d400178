// Run-time tests that the fast paths compute the bits of ctnn::reference, the specification, for
// sgd_epoch and train (alone, observed, in chunks), over the topologies of reference_checks.hpp.
// The lanes' sgd_epoch has a file of its own, reference_lanes.test.cpp, compiled side by side.
// SPDX-License-Identifier: BSL-1.0
#include "reference_checks.hpp"

using namespace ctnn_reference_test;

TEMPLATE_LIST_TEST_CASE("epochs and training compute the reference's bits", "[reference]",
                        suite_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>());
  const std::size_t compared_before = compared_scalars;
  // Half the shapes for each topology, in turn by its place in the suite: every shape meets every
  // activation, depth, kind of skip link and input group (reference_checks.hpp's alternate_scalar).
  SECTION("sgd_epoch over 1, 5 or 67 patterns (an unrolled and a looping epoch)") {
    if constexpr (place_in_suite<Net> % 2 == 0) {
      check_epochs<Net, float, 1>(4);
      check_epochs<Net, double, 67>(7);
    } else {
      check_epochs<Net, double, 5>(5);
      check_epochs<Net, float, 5>(6);
    }
  }
  SECTION("train from seeds") { check_training<Net, alternate_scalar<Net, 1>>(8); }
  CHECK(compared_scalars > compared_before);
}
