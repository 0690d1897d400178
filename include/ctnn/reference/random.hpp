// Defines the reference's randomness, written plainly: PCG32 as O'Neill's pcg-c-basic writes it,
// bounded draws, uniform reals, standard normals (Marsaglia's polar method) and Fisher-Yates.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/log.hpp>
#include <ctnn/math/sqrt.hpp>
#include <limits>
#include <span>
#include <utility>

namespace CTNN_NAMESPACE::reference {

/// PCG32 (PCG-XSH-RR 64/32) as pcg_basic.c's pcg32_srandom_r and pcg32_random_r: state is the
/// state the next draw outputs, increment = 2 * stream + 1. Its draws are ctnn::pcg32's.
struct pcg32 {
  static constexpr std::uint64_t multiplier = 6364136223846793005u;
  static constexpr std::uint64_t default_stream = 721347520444481703u;

  std::uint64_t state = 0;
  std::uint64_t increment = 0;

  /// pcg32_srandom_r: start from 0, step, add the seed, step.
  constexpr explicit pcg32(std::uint64_t seed, std::uint64_t stream = default_stream)
      : increment((stream << 1u) | 1u) {
    step();
    state += seed;
    step();
  }

  /// The linear congruential step: state = multiplier * state + increment (mod 2^64).
  constexpr void step() { state = state * multiplier + increment; }

  /// XSH-RR: the high bits of the state, xor-shifted down to 32 bits, rotated right by the top 5.
  static constexpr std::uint32_t output(std::uint64_t state) {
    const auto xorshifted = static_cast<std::uint32_t>(((state >> 18u) ^ state) >> 27u);
    const auto rotation = static_cast<std::uint32_t>(state >> 59u);
    return (xorshifted >> rotation) | (xorshifted << ((0u - rotation) & 31u));
  }

  /// The next draw: output the current state, then step.
  constexpr std::uint32_t operator()() {
    const std::uint64_t old_state = state;
    step();
    return output(old_state);
  }

  /// A uniform integer in [0, bound), as pcg32_boundedrand_r: draws below 2^32 mod bound are
  /// rejected, so that the 2^32 - (2^32 mod bound) accepted draws cover each remainder equally.
  constexpr std::uint32_t bounded(std::uint32_t bound) {
    const std::uint32_t threshold = (0u - bound) % bound;  // 2^32 mod bound
    for (;;) {
      const std::uint32_t draw = (*this)();
      if (draw >= threshold) return draw % bound;
    }
  }
};

/// 2^-b for the b = min(digits of T, 64) random bits of a uniform real: halving is exact.
template <std::floating_point T>
inline constexpr T uniform_step = [] {
  T step = T(1);
  for (int bit = 0; bit < std::numeric_limits<T>::digits && bit < 64; ++bit) step = step / T(2);
  return step;
}();

/// A uniform real in [0, 1): b = min(digits of T, 64) random bits times 2^-b, the bits being the
/// top of one draw if b <= 32 (float), else the top of two draws, the first one high (double).
template <std::floating_point T>
constexpr T uniform_real(pcg32& rng) {
  constexpr int bits = std::numeric_limits<T>::digits < 64 ? std::numeric_limits<T>::digits : 64;
  if constexpr (bits <= 32) {
    const std::uint32_t draw = rng();
    return static_cast<T>(draw >> (32 - bits)) * uniform_step<T>;
  } else {
    const std::uint64_t high = rng();
    const std::uint64_t low = rng();
    return static_cast<T>(((high << 32u) | low) >> (64 - bits)) * uniform_step<T>;
  }
}

/// A standard normal by Marsaglia's polar method: draw u, v uniform in [-1, 1) until
/// s = u^2 + v^2 is in (0, 1), then u sqrt(-2 ln(s) / s) is N(0, 1). The pair's second normal,
/// v sqrt(-2 ln(s) / s), is not kept: each value then depends on the generator alone.
template <std::floating_point T>
constexpr T standard_normal(pcg32& rng) {
  for (;;) {
    const T u = T(2) * uniform_real<T>(rng) - T(1);
    const T v = T(2) * uniform_real<T>(rng) - T(1);
    const T s = u * u + v * v;
    if (s > T(0) && s < T(1)) {
      const T scale = ctnn::sqrt(T(-2) * ctnn::log(s) / s);
      return u * scale;
    }
  }
}

/// Fisher-Yates as Durstenfeld's Algorithm 235: for n = size down to 2, swap the n-th value (at
/// n - 1) with the one at a uniform position j in [0, n). Each permutation has probability 1/size!.
template <class T, std::size_t Extent>
constexpr void shuffle(std::span<T, Extent> values, pcg32& rng) {
  for (auto n = static_cast<std::uint32_t>(values.size()); n > 1; --n) {
    const std::uint32_t j = rng.bounded(n);
    std::swap(values[n - 1], values[j]);
  }
}

}  // namespace CTNN_NAMESPACE::reference
