// Defines `ctnn::pcg32`, a constexpr PCG32 generator, and what ctnn draws from it: `uniform_real`,
// `standard_normal` and the Fisher-Yates `shuffle`.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/log.hpp>
#include <ctnn/math/sqrt.hpp>
#include <limits>
#include <span>
#include <type_traits>
#include <utility>

// Everything here runs inside static_asserts that train a network for thousands of epochs: the hot
// functions say what they mean in as few statements and calls as they can, as constant
// evaluation charges them (docs/evaluator-costs.md).

// PCG32's output, XSH-RR of a stepped state s (the name of a std::uint64_t, or of a vector of
// them): x = ((s >> 18) ^ s) >> 27 truncated to 32 bits, rotated right by s >> 59, which is
// taking the 32 bits at offset s >> 59 of x's two copies side by side (x * (2^32 + 1)), in the
// low 32 bits. A macro, so that pcg32::output and the compile-time shuffle, which constant
// evaluation runs without a call, state it once; s is not parenthesised, as GCC's evaluator
// charges for parentheses around a name in a template (docs/evaluator-costs.md).
#define CTNN_DETAIL_PCG32_XSH_RR(s) \
  ((((s >> 18u) ^ s) >> 27u & 0xffff'ffffu) * 0x1'0000'0001u >> (s >> 59u))

namespace CTNN_NAMESPACE {

namespace detail {
template <class Steps>
struct unrolled_shuffle;
}  // namespace detail

/// O'Neill's PCG32 (PCG-XSH-RR 64/32): a 64-bit LCG with multiplier 6364136223846793005 and an odd
/// increment chosen by the stream, whose 32-bit output is xorshift-high then a random rotation
/// (M. E. O'Neill, "PCG: A Family of Simple Fast Space-Efficient Statistically Good Algorithms for
/// Random Number Generation", HMC-CS-2014-0905); draws equal pcg32_random_r's from pcg-c-basic.
class pcg32 {
 public:
  using result_type = std::uint32_t;

  /// The LCG multiplier a of state' = a * state + increment.
  static constexpr std::uint64_t multiplier = 6364136223846793005u;
  /// The stream pcg-cpp's `pcg32(seed)` uses, whose increment 2 * stream + 1 is
  /// 1442695040888963407.
  static constexpr std::uint64_t default_stream = 721347520444481703u;

  /// Seeds like the reference pcg32_srandom_r(rng, seed, stream): the increment is 2 * stream + 1
  /// and the first draw outputs the state a * (seed + increment) + increment.
  constexpr explicit pcg32(std::uint64_t seed, std::uint64_t stream = default_stream) noexcept
      : increment_((stream << 1u) | 1u), state_(seed + increment_) {}

  /// The smallest value operator() returns.
  static constexpr result_type min() noexcept { return 0; }
  /// The largest value operator() returns.
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

  /// XSH-RR of stepped state s, the draw operator() returns, in the low 32 bits; in every lane if
  /// s is a vector of states. Defined before operator(): Clang 14's constant evaluator rejects a
  /// call to a member template defined after its caller.
  template <class State>
  static constexpr State output(State s) noexcept {
    return CTNN_DETAIL_PCG32_XSH_RR(s) & 0xffff'ffffu;
  }

  /// Steps the LCG, then outputs XSH-RR of the new state s: x = ((s >> 18) ^ s) >> 27 truncated to
  /// 32 bits, rotated right by s >> 59.
  constexpr result_type operator()() noexcept {
    // The new state goes to output's parameter: GCC's constant evaluator charges each read of a
    // member several operations, a parameter's one.
    return static_cast<result_type>(output(state_ = state_ * multiplier + increment_));
  }

  /// A generator's two words: the state its next draw steps, and the increment. With multiplier
  /// and output, what stepping many generators side by side in vectors needs (ctnn::sgd_epoch
  /// over lanes): state = multiplier * state + increment, then the draw is output(state).
  struct words {
    std::uint64_t state, increment;
  };
  constexpr words raw_words() const noexcept { return {state_, increment_}; }
  /// The generator whose words are w.
  constexpr explicit pcg32(const words& w) noexcept : increment_(w.increment), state_(w.state) {}

  /// A uniform integer in [0, bound), bound > 0, by PCG's threshold method: draws below
  /// 2^32 mod bound are rejected, so that r mod bound is unbiased (pcg32_boundedrand_r's outputs).
  constexpr std::uint32_t bounded(std::uint32_t bound) noexcept {
    const std::uint32_t draw = (*this)();
    // -bound % bound is 2^32 mod bound in 32-bit arithmetic. A rejection (probability below 1/2,
    // tiny for small bounds) recurses: the common path then costs no loop statement.
    return draw >= -bound % bound ? draw % bound : bounded(bound);
  }

  /// bounded(Bound) for a bound known at compile time: the same draws and the same result, with
  /// 2^32 mod Bound and the remainder left to the compiler, which turns them into multiplications
  /// where bounded(bound) divides twice.
  template <std::uint32_t Bound>
  constexpr std::uint32_t bounded() noexcept {
    const std::uint32_t draw = (*this)();
    return draw >= (0u - Bound) % Bound ? draw % Bound : bounded<Bound>();
  }

  /// Generators are equal when they will produce the same sequence.
  friend constexpr bool operator==(const pcg32&, const pcg32&) = default;

 private:
  template <class Steps>
  friend struct detail::unrolled_shuffle;

  std::uint64_t increment_;
  // The state before the one the next draw outputs: the reference outputs its state, then steps;
  // stepping first lets operator() read one member instead of naming the old state.
  std::uint64_t state_;
};

namespace detail {

// The random bits uniform_real<T> uses: as many as T's significand holds, at most two draws' worth.
template <std::floating_point T>
inline constexpr int uniform_bits =
    std::numeric_limits<T>::digits < 64 ? std::numeric_limits<T>::digits : 64;

// 2^-uniform_bits<T>, exact as a quotient of powers of two. A namespace-scope constant, so that
// uniform_real's constant evaluation does not execute (and Clang not charge) its computation.
template <std::floating_point T>
inline constexpr T uniform_scale = T(0.5) /
                                   static_cast<T>(std::uint64_t{1} << (uniform_bits<T> - 1));

}  // namespace detail

/// A uniform real in [0, 1): b = min(digits of T, 64) random bits times 2^-b, exactly, so never 1;
/// the bits are the top of one draw if b <= 32 (float), else of two with the first one high.
template <std::floating_point T>
constexpr T uniform_real(pcg32& rng) noexcept {
  if constexpr (detail::uniform_bits<T> <= 32) {
    return static_cast<T>(rng() >> (32 - detail::uniform_bits<T>)) * detail::uniform_scale<T>;
  } else {
    const std::uint64_t high = rng();
    return static_cast<T>(((high << 32u) | rng()) >> (64 - detail::uniform_bits<T>)) *
           detail::uniform_scale<T>;
  }
}

/// A standard normal variate by Marsaglia's polar method (G. Marsaglia, T. A. Bray, SIAM Review
/// 6(3), 1964): u, v uniform in [-1, 1) until 0 < s = u^2 + v^2 < 1, then u * sqrt(-2 ln(s) / s);
/// the pair's second variate v * sqrt(-2 ln(s) / s) is discarded, so each value depends on the
/// generator alone.
template <std::floating_point T>
requires detail::FitsInDouble<T>  // as ctnn::log and ctnn::sqrt require
constexpr T standard_normal(pcg32& rng) noexcept {
  for (;;) {
    // 2x - 1 is exact for x a multiple of 2^-bits in [0, 1). Declarators run in order: u first.
    const T u = T(2) * uniform_real<T>(rng) - T(1), v = T(2) * uniform_real<T>(rng) - T(1),
            s = u * u + v * v;
    if (s > T(0) && s < T(1)) return u * ctnn::sqrt(T(-2) * ctnn::log(s) / s);
  }
}

/// Shuffles values in place by Fisher-Yates as Durstenfeld wrote it (CACM 7(7), 1964, Algorithm
/// 235): for n from size down to 2, swap the n-th value with the one at j = rng.bounded(n); every
/// permutation is equally likely. Requires size < 2^32.
template <class T, std::size_t Extent>
constexpr void shuffle(std::span<T, Extent> values, pcg32& rng) {
  // Indexing the raw pointer: span's operator[] is a call, which Clang's step count charges.
  T* const data = values.data();
  for (auto n = static_cast<std::uint32_t>(values.size()); n > 1; --n) {
    T& picked = data[rng.bounded(n)];
    const T last = data[n - 1];
    data[n - 1] = picked;
    picked = last;
  }
}

namespace detail {

// Built-in arrays up to this length are shuffled by one fold expression: Clang refuses folds of
// more than 256 terms, and 64 values are more than a training set of ctnn's holds.
inline constexpr std::size_t unrolled_shuffle_limit = 64;

template <class Steps>
struct unrolled_shuffle;

// Durstenfeld's steps for N = sizeof...(K) + 1 values as one fold expression, run left to right:
// step k swaps values[N - 1 - k] with the pick among the first N - k, rng.bounded(N - k). At run
// time the fold calls rng.bounded<N - k>(), which the optimiser inlines. Constant evaluation, which
// trains networks for thousands of epochs, takes a second fold with the same draws written out
// (pcg32's step, then output's XSH-RR): the state steps in a local and goes back to rng at the
// end, as GCC's constant evaluator charges more for a member's read than for a local's, and the
// draws cost no calls, which Clang's evaluator charges. There a rejected draw (one below
// 2^32 mod (N - k), with probability under (N - k) / 2^32) hands over to rng.bounded, which
// draws again. Compile-time and run-time training agree bit for bit (tests/bit_identity).
template <std::size_t... K>
struct unrolled_shuffle<std::index_sequence<K...>> {
  template <class T, std::size_t N>
  static constexpr void apply(T (&values)[N], pcg32& rng) {
    T last = values[N - 1];
    std::uint32_t picked;
    if (std::is_constant_evaluated()) {
      std::uint64_t state = rng.state_;
      const std::uint64_t increment = rng.increment_;
      ((state = state * pcg32::multiplier + increment,
        picked = static_cast<std::uint32_t>(CTNN_DETAIL_PCG32_XSH_RR(state)),
        picked = picked >= (0u - std::uint32_t(N - K)) % std::uint32_t(N - K)
                     ? picked % std::uint32_t(N - K)
                     : (rng.state_ = state, picked = rng.bounded(std::uint32_t(N - K)),
                        state = rng.state_, picked),
        last = values[N - 1 - K], values[N - 1 - K] = values[picked], values[picked] = last),
       ...);
      rng.state_ = state;
    } else {
      ((last = values[N - 1 - K],
        values[N - 1 - K] = values[picked = rng.template bounded<N - K>()], values[picked] = last),
       ...);
    }
  }
};

}  // namespace detail

/// The shuffle of std::span(values) for a built-in array, with the same draws and permutation, but
/// no span to construct and, up to 64 values, no loop: constant evaluation, which counts
/// statements, then runs a handful plus the draws rather than several per value.
template <class T, std::size_t N>
constexpr void shuffle(T (&values)[N], pcg32& rng) {
  // A single value is already shuffled (and would leave the fold's scratch unused).
  if constexpr (N > 1 && N <= detail::unrolled_shuffle_limit) {
    detail::unrolled_shuffle<std::make_index_sequence<N - 1>>::apply(values, rng);
  } else if constexpr (N > 1) {
    shuffle(std::span<T, N>(values), rng);
  }
}

}  // namespace CTNN_NAMESPACE
