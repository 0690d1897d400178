// Run-time tests that the lanes' sgd_epoch computes, lane by lane, the bits of ctnn::reference's,
// over the topologies of reference_checks.hpp.
//
// Each topology is checked in one of three lane shapes, in turn by its place in the suite, so that
// every shape meets every activation and depth. All three shapes for all 36 topologies (before
// the input groups) made this the build's longest file (GCC 12 at -O2 -g: 284 s and 2.7 GB; one
// shape each: 118 s and 1.4 GB, measured 2026-12-07).
// SPDX-License-Identifier: BSL-1.0
#include "reference_checks.hpp"

using namespace ctnn_reference_test;

TEMPLATE_LIST_TEST_CASE("lanes compute the reference's bits, lane by lane", "[reference][lanes]",
                        suite_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>());
  const std::size_t compared_before = compared_scalars;
  constexpr std::size_t place = place_in_suite<Net>;
  if constexpr (place % 3 == 0) {
    check_lanes<Net, double, 4, 5>(10);  // 4 doubles: one AVX register
  } else if constexpr (place % 3 == 1) {
    check_lanes<Net, float, 8, 5>(11);  // 8 floats: one AVX register
  } else {
    check_lanes<Net, double, 3, 67>(12);  // 3 lanes, not a power of two; a looping epoch
  }
  CHECK(compared_scalars > compared_before);
}

// Networks above the folds' limit run as loops, lane by lane too.
TEMPLATE_LIST_TEST_CASE("lanes compute the reference's bits on large networks",
                        "[reference][lanes]", large_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>() << ", " << Net::parameter_count << " parameters");
  static_assert(!ctnn::detail::runs_folds<Net>, "the public API runs these as loops");
  const std::size_t compared_before = compared_scalars;
  check_lanes<Net, double, 4, 5>(36);
  CHECK(compared_scalars > compared_before);
}
