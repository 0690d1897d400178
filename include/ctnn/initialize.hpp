// Defines `ctnn::initialize`: parameters drawn from a standard normal, as the homework's
// torch.randn. SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <type_traits>

namespace ctnn {

/// Every weight and bias drawn from N(0, 1), in the parameters' order, from rng.
template <class Net, class T>
constexpr parameters<Net, T> initialize(pcg32& rng) {
  parameters<Net, T> params;
  for (T& value : params.values) value = standard_normal<T>(rng);
  return params;
}

/// Every weight and bias drawn from N(0, 1) by a pcg32 seeded with random_seed.
template <class Net, class T>
constexpr parameters<Net, T> initialize(std::uint64_t random_seed) {
  // Only where constant evaluation is asked for: GCC otherwise tries it on a run-time call with a
  // constant seed, 2 s for 25,000 parameters (docs/evaluator-costs.md).
  if (std::is_constant_evaluated()) {
  }
  pcg32 rng(random_seed);
  return initialize<Net, T>(rng);
}

}  // namespace ctnn
