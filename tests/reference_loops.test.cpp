// Run-time tests that the loops backend (ctnn/loops/passes.hpp) computes the bits of
// ctnn::reference: directly on the small topologies of reference_checks.hpp, which the public API
// runs as folds, and through the public API on networks above the folds' limit, which it runs as
// loops (ctnn/backend.hpp).
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/backend.hpp>

#include "reference_checks.hpp"

using namespace ctnn_reference_test;

namespace {

/// Forward pass, loss, gradient and descent of loop_passes, called as the public API calls a
/// backend, against the reference, on random patterns at random parameters.
template <class Net, class T>
void check_loop_passes(std::uint64_t seed) {
  using loops = ctnn::detail::loop_passes<Net>;
  using ctnn::detail::use;
  ctnn::pcg32 rng(seed);
  for (int set = 0; set < 24; ++set) {
    const auto params = draw_parameters<Net, T>(rng);
    const auto data = draw_dataset<T, Net::input_width, Net::output_width, 4>(rng);
    const T rate = draw_value<T>(rng);
    for (std::size_t n = 0; n < data.size; ++n) {
      const auto& x = data.inputs[n];
      const auto& t = data.targets[n];
      INFO("parameter set " << set << ", pattern " << n);
      const auto y = ctnn::reference::forward(params, x);
      std::array<T, Net::unit_count> units = y;  // forward writes the dense units only
      for (std::size_t u = Net::input_width; u < Net::unit_count; ++u) units[u] = T(7);
      loops::template step<use::forward>(params.values, x, x, units.data());
      CHECK(first_difference<T>(units, y) == "");
      CHECK(first_difference(loops::template step<use::loss>(params.values, x, t, 0),
                             ctnn::reference::loss(params, x, t)) == "");
      ctnn::parameters<Net, T> grad;
      loops::template step<use::gradient>(params.values, x, t, grad.values);
      CHECK(first_difference(all_values(grad),
                             all_values(ctnn::reference::gradient(params, x, t))) == "");
      auto reference = params;
      const T reference_error = ctnn::reference::sgd_step(reference, x, t, rate);
      auto fast = params;
      CHECK(first_difference(loops::template step<use::descent>(fast.values, x, t, rate),
                             reference_error) == "");
      CHECK(first_difference(all_values(fast), all_values(reference)) == "");
      fast = params;
      loops::template step<use::descent_without_loss>(fast.values, x, t, rate);
      CHECK(first_difference(all_values(fast), all_values(reference)) == "");
    }
  }
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("the loops compute the reference's bits on small networks",
                        "[reference][loops]", suite_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>());
  static_assert(ctnn::detail::runs_folds<Net>, "the public API runs these as folds");
  const std::size_t compared_before = compared_scalars;
  // In the scalar type that reference_patterns.test.cpp does not check the folds in.
  check_loop_passes<Net, alternate_scalar<Net, 1>>(21);
  // Dual numbers for every third topology, as reference_patterns.test.cpp does.
  if constexpr (place_in_suite<Net> % 3 == 1) check_loop_passes<Net, ctnn::dual<double>>(23);
  CHECK(compared_scalars > compared_before);
}

// Above the folds' limit: large_topologies (reference_checks.hpp); their lanes are checked in
// reference_lanes.test.cpp.
TEMPLATE_LIST_TEST_CASE("the public API runs large networks as loops, with the reference's bits",
                        "[reference][loops]", large_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>() << ", " << Net::parameter_count << " parameters");
  static_assert(!ctnn::detail::runs_folds<Net>, "the public API runs these as loops");
  const std::size_t compared_before = compared_scalars;
  SECTION("one pattern: forward, predict, loss, gradient, sgd_step") {
    check_pattern_paths<Net, float>(31);
    check_pattern_paths<Net, double>(32);
  }
  SECTION("epochs of 5 and 67 patterns, and training") {
    check_epochs<Net, float, 5>(33);
    check_epochs<Net, double, 67>(34);
    check_training<Net, double>(35);
  }
  CHECK(compared_scalars > compared_before);
}
