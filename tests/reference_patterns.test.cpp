// Run-time tests that the fast paths compute the bits of ctnn::reference, the specification, for
// one pattern (forward, predict, loss, gradient, sgd_step) over the topologies of
// reference_checks.hpp, and that the reference's generator, shuffle and initialisation are ctnn's.
// SPDX-License-Identifier: BSL-1.0
#include "reference_checks.hpp"

using namespace ctnn_reference_test;

TEMPLATE_LIST_TEST_CASE("one pattern's fast paths compute the reference's bits", "[reference]",
                        suite_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>());
  const std::size_t compared_before = compared_scalars;
  SECTION("forward, predict, loss, gradient and sgd_step, in float or double") {
    check_pattern_paths<Net, alternate_scalar<Net>>(1);  // reference_loops checks the other
  }
  // Dual numbers for every third topology of the suite, by its place (reference_loops takes
  // another third); in all 36 they doubled this file's compile
  // (GCC 12 at -O2 -g: 76 s for float and double, 76 s more for dual numbers, 2026-12-07).
  if constexpr (place_in_suite<Net> % 3 == 0) {
    SECTION("and in dual numbers") { check_pattern_paths<Net, ctnn::dual<double>>(3); }
  }
  CHECK(compared_scalars > compared_before);
}

TEST_CASE("the reference's generator, shuffle and initialisation are ctnn's", "[reference]") {
  for (const std::uint64_t seed : {0ull, 1ull, 42ull, 0xffff'ffff'ffff'ffffull}) {
    INFO("seed " << seed);
    ctnn::pcg32 fast(seed);
    ctnn::reference::pcg32 reference(seed);
    for (std::uint32_t draw = 0; draw < 1000; ++draw) {
      REQUIRE(fast() == reference());
      REQUIRE(fast.bounded(draw + 1) == reference.bounded(draw + 1));
      // 2^31 + 1 rejects almost half of all draws: the rejection path, taken often.
      REQUIRE(fast.bounded(0x8000'0001u) == reference.bounded(0x8000'0001u));
      REQUIRE(first_difference(ctnn::uniform_real<float>(fast),
                               ctnn::reference::uniform_real<float>(reference)) == "");
      REQUIRE(first_difference(ctnn::standard_normal<double>(fast),
                               ctnn::reference::standard_normal<double>(reference)) == "");
      REQUIRE(first_difference(ctnn::standard_normal<float>(fast),
                               ctnn::reference::standard_normal<float>(reference)) == "");
    }
    const auto check_shuffle = [&]<std::size_t Count>(std::integral_constant<std::size_t, Count>) {
      std::size_t order[Count];
      for (std::size_t n = 0; n < Count; ++n) order[n] = n;
      ctnn::shuffle(order, fast);  // unrolled up to 64 values, a loop beyond
      const auto expected = ctnn::reference::epoch_order<Count>(reference);
      for (std::size_t n = 0; n < Count; ++n) REQUIRE(order[n] == expected[n]);
      ctnn::reference::pcg32 reference_copy = reference;  // epoch_order draws from a copy
      REQUIRE(ctnn::epoch_order<Count>(fast) ==
              ctnn::reference::epoch_order<Count>(reference_copy));
    };
    for (int round = 0; round < 20; ++round) {
      check_shuffle(std::integral_constant<std::size_t, 1>{});
      check_shuffle(std::integral_constant<std::size_t, 2>{});
      check_shuffle(std::integral_constant<std::size_t, 4>{});
      check_shuffle(std::integral_constant<std::size_t, 64>{});
      check_shuffle(std::integral_constant<std::size_t, 65>{});
      check_shuffle(std::integral_constant<std::size_t, 200>{});
    }
    using net = ctnn::network<input<4>, dense<6, tnh>, dense<3, sig, from<0, 1>>>;
    CHECK(first_difference(all_values(ctnn::initialize<net, double>(fast)),
                           all_values(ctnn::reference::initialize<net, double>(reference))) == "");
    CHECK(first_difference(all_values(ctnn::initialize<net, float>(fast)),
                           all_values(ctnn::reference::initialize<net, float>(reference))) == "");
    CHECK(fast() == reference());
  }
}
