// Static tests of <ctnn/random.hpp>: PCG32's published outputs, the distributions, the shuffle.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/random.hpp>

// The header under test comes first, in a block of its own, so that it must compile alone.
#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string_view>

#include "support.hpp"

using ctnn_test::near;

static_assert(std::uniform_random_bit_generator<ctnn::pcg32>);
static_assert(ctnn::pcg32::min() == 0 && ctnn::pcg32::max() == 0xffff'ffffu);

// The reference: imneme/pcg-c, test-high/check-pcg32.c seeds pcg32_srandom_r(&rng, 42u, 54u), then
// per round prints six draws, 65 coins (boundedrand(2): 1 is H), 33 dice (boundedrand(6) + 1) and
// a deck dealt by for (i = 52; i > 1; --i) swap(cards[boundedrand(i)], cards[i - 1]), card c
// printed as "A23456789TJQK"[c / 4] followed by "hcds"[c % 4]. Expected rounds 1 and 2 below are
// from its test-high/expected/check-pcg32.out; pcg-c-basic's pcg32-demo prints the same.
constexpr std::array<std::uint32_t, 6> round_1_draws{0xa15c02b7, 0x7b47f409, 0xba1d3330,
                                                     0x83d2f293, 0xbfa4784b, 0xcbed606e};
constexpr std::string_view round_1_coins =
    "HHTTTHTHHHTHTTTHHHHHTTTHHHTHTHTHTTHTTTHHHHHHTTTTHHTTTTTHTTTTTTTHT";
constexpr std::array<std::uint32_t, 33> round_1_rolls{3, 4, 1, 1, 2, 2, 3, 2, 4, 3, 2,
                                                      4, 3, 3, 5, 2, 3, 1, 3, 1, 5, 1,
                                                      4, 1, 5, 6, 4, 6, 6, 2, 6, 3, 3};
constexpr std::string_view round_1_cards =
    "Qd Ks 6d 3s 3d 4c 3h Td Kc 5c Jh Kd Jd As 4s 4h Ad Th Ac Jc 7s Qs 2s 7h Kh 2d 6c Ah 4d Qh 9h "
    "6s 5s 2c 9c Ts 8d 9s 3c 8c Js 5d 2h 6h 7d 8s 9d 5h 8h Qc 7c Tc";
constexpr std::array<std::uint32_t, 6> round_2_draws{0x74ab93ad, 0x1c1da000, 0x494ff896,
                                                     0x34462f2f, 0xd308a3e5, 0x0fa83bab};

template <std::size_t N>
constexpr bool draws_match(ctnn::pcg32& rng, const std::array<std::uint32_t, N>& expected) {
  for (const std::uint32_t value : expected) {
    if (rng() != value) return false;
  }
  return true;
}

// Deals a deck as check-pcg32 does, through the span overload or the built-in array one.
template <bool BuiltInArray>
constexpr bool deal_matches(ctnn::pcg32& rng) {
  int cards[52];
  for (int card = 0; card < 52; ++card) cards[card] = card;
  if constexpr (BuiltInArray) {
    ctnn::shuffle(cards, rng);
  } else {
    ctnn::shuffle(std::span<int>(cards), rng);
  }
  bool match = true;
  for (std::size_t i = 0; i < 52; ++i) {
    match = match && "A23456789TJQK"[cards[i] / 4] == round_1_cards[3 * i] &&
            "hcds"[cards[i] % 4] == round_1_cards[3 * i + 1];
  }
  return match;
}

// Replays check-pcg32's first round with ctnn's bounded() and shuffle(); round 2's draws then
// also confirm that bounded() rejected exactly the draws the reference rejected.
template <bool BuiltInArray>
constexpr bool reference_rounds_match() {
  ctnn::pcg32 rng(42u, 54u);
  bool match = draws_match(rng, round_1_draws);
  for (const char coin : round_1_coins) match = match && (rng.bounded(2) == 1) == (coin == 'H');
  for (const std::uint32_t roll : round_1_rolls) match = match && rng.bounded(6) + 1 == roll;
  return match && deal_matches<BuiltInArray>(rng) && draws_match(rng, round_2_draws);
}
static_assert(reference_rounds_match<false>());
static_assert(reference_rounds_match<true>());

// The default stream is pcg-cpp's, and the stream changes the sequence.
static_assert(ctnn::pcg32(42u) == ctnn::pcg32(42u, 721347520444481703u));
static_assert(ctnn::pcg32(42u, 54u) != ctnn::pcg32(42u, 55u));
static_assert(ctnn::pcg32(42u, 54u)() != ctnn::pcg32(42u, 55u)());

// Two seeds differ, a copy replays the sequence, and drawing changes the generator.
constexpr bool seeds_differ() {
  ctnn::pcg32 first(1u), second(2u);
  int equal_draws = 0;
  for (int i = 0; i < 100; ++i) equal_draws += first() == second() ? 1 : 0;
  return first != second && equal_draws < 2;
}
static_assert(seeds_differ());

constexpr bool copy_replays() {
  ctnn::pcg32 rng(7u);
  ctnn::pcg32 copy = rng;
  bool same = rng == copy;
  for (int i = 0; i < 10; ++i) same = same && rng() == copy();
  const ctnn::pcg32 before = rng;
  rng();
  return same && rng != before;
}
static_assert(copy_replays());

// bounded(b) < b, including bounds that reject about half the draws (2^31 + 1) or almost none.
constexpr bool bounded_in_range(std::uint32_t bound) {
  ctnn::pcg32 rng(bound);
  std::uint32_t largest = 0;
  for (int i = 0; i < 500; ++i) {
    const std::uint32_t value = rng.bounded(bound);
    if (value >= bound) return false;
    largest = value > largest ? value : largest;
  }
  // 500 draws from a small range see its top, and from a large one its upper half.
  return bound <= 16 ? largest == bound - 1 : largest >= bound / 2;
}
static_assert(bounded_in_range(1));
static_assert(bounded_in_range(2));
static_assert(bounded_in_range(3));
static_assert(bounded_in_range(7));
static_assert(bounded_in_range(1000));
static_assert(bounded_in_range(0x8000'0001u));
static_assert(bounded_in_range(0xffff'ffffu));

// uniform_real is exact: the first draws of (42, 54) scaled, 0xa15c02 * 2^-24 for float and
// (0xa15c02b7 * 2^32 + 0x7b47f409) >> 11 times 2^-53 for double.
static_assert([] {
  ctnn::pcg32 rng(42u, 54u);
  return ctnn::uniform_real<float>(rng) == 0xa15c02 * 0x1p-24f;
}());
static_assert([] {
  ctnn::pcg32 rng(42u, 54u);
  return ctnn::uniform_real<double>(rng) == 5677329748551934 * 0x1p-53;
}());

// uniform_real<T> stays in [0, 1) and averages about 1/2 (sd of the mean of 2000: 0.0065).
template <class T>
constexpr bool uniform_in_unit_interval() {
  ctnn::pcg32 rng(3u);
  T sum = 0;
  for (int i = 0; i < 2000; ++i) {
    const T value = ctnn::uniform_real<T>(rng);
    if (!(value >= T(0) && value < T(1))) return false;
    sum += value;
  }
  return near(sum / T(2000), T(0.5), T(0.04));
}
static_assert(uniform_in_unit_interval<float>());
static_assert(uniform_in_unit_interval<double>());
static_assert(uniform_in_unit_interval<long double>());

// The first normals of (42, 54), computed from its draws with 40-digit log and sqrt.
static_assert([] {
  ctnn::pcg32 rng(42u, 54u);
  return near(ctnn::standard_normal<double>(rng), 0.80102340118381209508, 1e-14) &&
         near(ctnn::standard_normal<double>(rng), 0.83712788683267018846, 1e-14) &&
         near(ctnn::standard_normal<double>(rng), 0.018005143356930965021, 1e-14);
}());
static_assert([] {
  ctnn::pcg32 rng(42u, 54u);
  return near(ctnn::standard_normal<float>(rng), 2.2878801542336898711f, 1e-5f) &&
         near(ctnn::standard_normal<float>(rng), 1.7709516932950972415f, 1e-5f);
}());

// Normals are finite, with mean about 0 and variance about 1 over 4000 draws (standard errors
// 0.016 and 0.022: the bounds are over four of them).
template <class T>
constexpr bool normal_moments() {
  ctnn::pcg32 rng(11u);
  T sum = 0, sum_of_squares = 0;
  for (int i = 0; i < 4000; ++i) {
    const T z = ctnn::standard_normal<T>(rng);
    if (!(z > T(-10) && z < T(10))) return false;
    sum += z;
    sum_of_squares += z * z;
  }
  const T mean = sum / T(4000);
  return near(mean, T(0), T(0.07)) && near(sum_of_squares / T(4000) - mean * mean, T(1), T(0.1));
}
static_assert(normal_moments<float>());
static_assert(normal_moments<double>());

// shuffle permutes (each value once) and reorders.
constexpr bool shuffle_permutes() {
  ctnn::pcg32 rng(5u);
  std::array<int, 10> values{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  bool reordered = false;
  for (int round = 0; round < 20; ++round) {
    ctnn::shuffle(std::span{values}, rng);
    std::array<int, 10> seen{};
    for (std::size_t i = 0; i < values.size(); ++i) {
      ++seen[values[i]];
      reordered = reordered || values[i] != static_cast<int>(i);
    }
    for (const int count : seen) {
      if (count != 1) return false;
    }
  }
  return reordered;
}
static_assert(shuffle_permutes());

// Built-in arrays, unrolled up to 64 values and looped beyond, permute as spans do.
template <std::size_t N>
constexpr bool array_matches_span() {
  ctnn::pcg32 array_rng(N), span_rng(N);
  int by_array[N], by_span[N];
  for (std::size_t i = 0; i < N; ++i) by_array[i] = by_span[i] = static_cast<int>(i);
  for (int round = 0; round < 3; ++round) {
    ctnn::shuffle(by_array, array_rng);
    ctnn::shuffle(std::span<int>(by_span), span_rng);
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (by_array[i] != by_span[i]) return false;
  }
  return array_rng == span_rng;
}
static_assert(array_matches_span<1>());
static_assert(array_matches_span<2>());
static_assert(array_matches_span<4>());
static_assert(array_matches_span<64>());
static_assert(array_matches_span<65>());

// Zero or one value: nothing moves and nothing is drawn.
constexpr bool short_spans_stay() {
  ctnn::pcg32 rng(5u);
  const ctnn::pcg32 before = rng;
  std::array<double, 1> one{2.5};
  double single[1]{-1.5};
  ctnn::shuffle(std::span<double>{}, rng);
  ctnn::shuffle(std::span{one}, rng);
  ctnn::shuffle(single, rng);
  return one[0] == 2.5 && single[0] == -1.5 && rng == before;
}
static_assert(short_spans_stay());

// A 4-element shuffle reaches all 24 orders (the static check that bounded(n) takes every value).
constexpr bool shuffle_reaches_every_order() {
  ctnn::pcg32 rng(9u);
  std::array<bool, 256> seen{};
  int distinct = 0;
  for (int i = 0; i < 300; ++i) {
    std::array<int, 4> order{0, 1, 2, 3};
    ctnn::shuffle(std::span{order}, rng);
    const int code = order[0] * 64 + order[1] * 16 + order[2] * 4 + order[3];
    distinct += seen[code] ? 0 : 1;
    seen[code] = true;
  }
  return distinct == 24;
}
static_assert(shuffle_reaches_every_order());
