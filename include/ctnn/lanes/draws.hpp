// Defines the lanes' draws: every lane's shuffle of an epoch drawn from its own pcg32, the
// generators stepped side by side in vectors, and (with AVX2) the shuffled patterns gathered in
// registers. The same draws and permutations as ctnn::shuffle (random.hpp), lane for lane.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#if !defined(__GNUC__)
#  error "ctnn/lanes/draws.hpp needs GCC's vector_size extension: compile it with GCC or Clang"
#endif

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/lanes.hpp>
#include <ctnn/lanes/math.hpp>
#include <ctnn/random.hpp>
#include <ctnn/train.hpp>
#include <type_traits>
#include <utility>

#if defined(__AVX2__)
#  include <immintrin.h>
#endif

// Vectors wider than the baseline's registers are passed in memory, which -Wpsabi notes at each
// function taking one; these functions are always inlined, so no such call is ever made.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

namespace CTNN_NAMESPACE {

namespace detail {

/// Multiplier and shift of draw / Bound as (draw * M) >> S for every 32-bit draw, with M below
/// 2^32 so that the product fits 64 bits (a 32-bit by 32-bit multiplication in vectors); M = 0 if
/// there is none.
template <std::uint32_t Bound>
struct reciprocal {
  static constexpr std::pair<std::uint64_t, unsigned> find() {
    for (unsigned shift = 32; shift < 64; ++shift) {
      const std::uint64_t m = ((std::uint64_t{1} << shift) + Bound - 1) / Bound;
      // The rounding error m Bound - 2^shift, times any draw, must stay below 2^shift.
      if (m >> 32 == 0 && m * Bound - (std::uint64_t{1} << shift) <= std::uint64_t{1}
                                                                         << (shift - 32))
        return {m, shift};
    }
    return {0, 0};
  }
  static constexpr std::uint64_t multiplier = find().first;
  static constexpr unsigned shift = find().second;
};

/// draw % Bound, for draws below 2^32, in every lane of a vector.
template <std::uint32_t Bound, class V>
[[gnu::always_inline]] inline V remainder(V draw) {
  if constexpr (std::has_single_bit(Bound)) {
    return draw & (Bound - 1);
  } else if constexpr (reciprocal<Bound>::multiplier != 0) {
    return draw - ((draw * reciprocal<Bound>::multiplier) >> reciprocal<Bound>::shift) * Bound;
  } else {
    return draw % Bound;
  }
}

/// Durstenfeld's swaps for picks[k] = pick of step k among the first Count - k values: shuffle's
/// permutation, given the draws it makes.
template <std::size_t Count, class Pick>
constexpr void apply_picks(std::size_t (&order)[Count], const Pick* picks, std::size_t stride) {
  iota(order, std::make_index_sequence<Count>{});
  for (std::size_t k = 0; k + 1 < Count; ++k) {
    const std::size_t last = order[Count - 1 - k], picked = picks[k * stride];
    order[Count - 1 - k] = order[picked];
    order[picked] = last;
  }
}

/// Whether the vector draws serve a shuffle of Count values: one fold term a draw, as many as
/// shuffle unrolls.
template <std::size_t Count>
inline constexpr bool draws_unroll = Count >= 2 && Count <= unrolled_shuffle_limit;

/// Whether shuffle_side_by_side pays: its output rotates each lane by its own count, one
/// instruction with AVX2, several without (as many as stepping the generators one by one saves).
#if defined(__AVX2__)
inline constexpr bool draws_side_by_side = true;
#else
inline constexpr bool draws_side_by_side = false;
#endif

/// Draws the picks of Count values' shuffle for the W generators of chunk c of words, in
/// vectors, passing pick(k, picks) each step's picks; sets rejected's lanes whose draw bounded
/// would have rejected.
template <std::size_t W, std::size_t Count, class Pick>
[[gnu::always_inline]] inline void draw_picks(pcg32::words* words,
                                              vector_of<std::uint64_t, W>& rejected, Pick pick) {
  using words_vector = vector_of<std::uint64_t, W>;
  words_vector increment, state;
  for (std::size_t i = 0; i < W; ++i) increment[i] = words[i].increment, state[i] = words[i].state;
  [&]<std::size_t... K>(std::index_sequence<K...>) __attribute__((always_inline)) {
    (
        [&] {
          constexpr auto bound = static_cast<std::uint32_t>(Count - K);
          state = state * pcg32::multiplier + increment;
          const words_vector draw = pcg32::output(state);
          if constexpr ((0u - bound) % bound != 0)
            rejected |= (words_vector)(draw < (0u - bound) % bound);
          pick(K, remainder<bound>(draw));
        }(),
        ...);
  }
  (std::make_index_sequence<Count - 1>{});
  for (std::size_t i = 0; i < W; ++i) words[i].state = state[i];
}

/// Whether no lane's draw was rejected; if so, the generators take their stepped words.
template <std::size_t W, std::size_t N>
[[gnu::always_inline]] inline bool keep_accepted_draws(vector_of<std::uint64_t, W> rejected,
                                                       const pcg32::words (&words)[N],
                                                       std::array<pcg32, N>& rngs) {
  std::uint64_t any_rejected = 0;
  for (std::size_t i = 0; i < W; ++i) any_rejected |= rejected[i];
  if (any_rejected != 0) return false;
  for (std::size_t i = 0; i < N; ++i) rngs[i] = pcg32(words[i]);
  return true;
}

/// Every lane's shuffle of Count values, drawn from rngs as shuffle draws: the generators step in
/// vectors of a register's worth of lanes. Returns false, changing nothing, if a draw of some
/// lane would be rejected (bounded's retry, 2^-32 per draw at most): the caller then shuffles
/// lane by lane. N is a power of two, so that vectors of a register's worth of lanes cover it.
template <std::size_t N, std::size_t Count>
[[gnu::always_inline]] inline bool shuffle_side_by_side(std::array<pcg32, N>& rngs,
                                                        std::size_t (&order)[N][Count]) {
  constexpr std::size_t W = chunk_lanes<std::uint64_t, N>;
  using words_vector = vector_of<std::uint64_t, W>;
  pcg32::words words[N];
  for (std::size_t i = 0; i < N; ++i) words[i] = rngs[i].raw_words();
  std::uint64_t picks[Count - 1][N];
  words_vector rejected = {};
  for_each_chunk<W, N>([&](std::size_t c) __attribute__((always_inline)) {
    draw_picks<W, Count>(words + c, rejected, [&](std::size_t k, words_vector pick) {
      __builtin_memcpy(&picks[k][c], &pick, sizeof pick);
    });
  });
  if (!keep_accepted_draws<W>(rejected, words, rngs)) return false;
  for (std::size_t i = 0; i < N; ++i) apply_picks(order[i], &picks[0][i], N);
  return true;
}

/// Whether patterns_side_by_side serves Count patterns of T in N lanes: it needs AVX2's
/// permutes across a register, which hold the values of 4 patterns.
template <class T, std::size_t N, std::size_t Count>
inline constexpr bool patterns_in_registers =
#if defined(__AVX2__)
    Count <= 4 && N % 4 == 0 && chunk_lanes<std::uint64_t, N> == 4;
#else
    false;
#endif

#if defined(__AVX2__)
/// table[order[i]] in each of 4 lanes, table holding up to 4 values of T: one permute.
template <class T>
[[gnu::always_inline]] inline void permute_into(const T (&table)[4],
                                                vector_of<std::uint64_t, 4> order, T* lanes) {
  if constexpr (sizeof(T) == 8) {
    // A double is two floats: lane i takes floats 2 order[i] and 2 order[i] + 1.
    const vector_of<std::uint64_t, 4> index = order * 0x2'0000'0002u + 0x1'0000'0000u;
    __m256 values;
    __builtin_memcpy(&values, table, sizeof values);
    const __m256 result = _mm256_permutevar8x32_ps(values, (__m256i)index);
    __builtin_memcpy(lanes, &result, sizeof result);
  } else {
    const vector_of<std::int32_t, 4> index =
        __builtin_convertvector(order, vector_of<std::int32_t, 4>);
    __m128 values;
    __builtin_memcpy(&values, table, sizeof values);
    const __m128 result = _mm_permutevar_ps(values, (__m128i)index);
    __builtin_memcpy(lanes, &result, sizeof result);
  }
}
#endif

/// Every lane's inputs x[n] and targets y[n] of step n in the order shuffle would draw from
/// rngs: the draws, Durstenfeld's swaps and the reads of the patterns all in vectors of 4 lanes,
/// the patterns' indices never leaving registers. Returns false, changing nothing, as
/// shuffle_side_by_side does.
template <class T, std::size_t N, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
[[gnu::always_inline]] inline bool patterns_side_by_side(
    std::array<pcg32, N>& rngs, const dataset<T, Inputs, Outputs, Count>& data,
    lanes<T, N> (&x)[Count][Inputs], lanes<T, N> (&y)[Count][Outputs]) {
#if defined(__AVX2__)
  using words_vector = vector_of<std::uint64_t, 4>;
  // Each input's and target's values in the Count patterns, side by side.
  T inputs[Inputs][4] = {}, targets[Outputs][4] = {};
  for (std::size_t p = 0; p < Count; ++p) {
    for (std::size_t k = 0; k < Inputs; ++k) inputs[k][p] = data.inputs[p][k];
    for (std::size_t o = 0; o < Outputs; ++o) targets[o][p] = data.targets[p][o];
  }
  pcg32::words words[N];
  for (std::size_t i = 0; i < N; ++i) words[i] = rngs[i].raw_words();
  words_vector rejected = {};
  for_each_chunk<4, N>([&](std::size_t c) __attribute__((always_inline)) {
    words_vector order[Count];
    for (std::size_t p = 0; p < Count; ++p) order[p] = words_vector{} + p;
    draw_picks<4, Count>(words + c, rejected, [&](std::size_t k, words_vector pick) {
      // Swaps order[last] with order[pick] in every lane, pick <= last.
      const std::size_t last = Count - 1 - k;
      words_vector picked = {};
      for (std::size_t p = 0; p <= last; ++p) {
        const words_vector here = (words_vector)(pick == p);
        picked |= order[p] & here;
        if (p < last) order[p] = select(here, order[last], order[p]);
      }
      order[last] = picked;
    });
    for (std::size_t n = 0; n < Count; ++n) {
      for (std::size_t k = 0; k < Inputs; ++k) permute_into(inputs[k], order[n], x[n][k].lane + c);
      for (std::size_t o = 0; o < Outputs; ++o)
        permute_into(targets[o], order[n], y[n][o].lane + c);
    }
  });
  return keep_accepted_draws<4>(rejected, words, rngs);
#else
  (void)rngs, (void)data, (void)x, (void)y;
  return false;
#endif
}

}  // namespace detail

}  // namespace CTNN_NAMESPACE

#pragma GCC diagnostic pop
