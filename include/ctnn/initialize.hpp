// Defines `ctnn::initialize`: a network's first parameters, drawn by pcg32 from N(0, 1) as the
// homework's torch.randn, or from another law of ctnn::initializer.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/initializer.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {

/// Every weight and bias drawn from `law` (N(0, 1) by default), in the parameters' order, from
/// rng: N(0, 1) by standard_normal, U(-r, r) as r (2u - 1) for u = uniform_real (2u - 1 exact, one
/// rounding in the product), r rounded to T first.
template <class Net, class T>
constexpr parameters<Net, T> initialize(pcg32& rng, initializer law = {}) {
  parameters<Net, T> params;
  if (law.distribution == initializer::law::standard_normal) {
    for (T& value : params.values) value = standard_normal<T>(rng);
  } else {
    // Layer by layer, as a layer's units share their fan-in: weights, then biases.
    [&]<std::size_t... L>(std::index_sequence<L...>) {
      std::size_t i = 0;
      (
          [&] {
            constexpr std::size_t layer = Net::input_group_count + L;
            const T r = T(law.radius_for(Net::template fan_in<layer>));
            const std::size_t end = Net::template bias_offset<layer> + Net::template width<layer>;
            for (; i < end; ++i) params.values[i] = r * (T(2) * uniform_real<T>(rng) - T(1));
          }(),
          ...);
    }
    (std::make_index_sequence<Net::dense_layer_count>{});
  }
  return params;
}

/// The same from a pcg32 seeded with random_seed.
template <class Net, class T>
constexpr parameters<Net, T> initialize(std::uint64_t random_seed, initializer law = {}) {
  // Only where constant evaluation is asked for: GCC otherwise tries it on a run-time call with a
  // constant seed, 2 s for 25,000 parameters (docs/evaluator-costs.md).
  if (std::is_constant_evaluated()) {
  }
  pcg32 rng(random_seed);
  return initialize<Net, T>(rng, law);
}

}  // namespace CTNN_NAMESPACE
