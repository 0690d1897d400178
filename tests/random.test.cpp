// Run-time tests for <ctnn/random.hpp>: compile-time and run-time draws agree bit for bit, and the
// distributions have the shape they promise.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/random.hpp>
#include <random>
#include <span>
#include <type_traits>
#include <utility>

#include "catch.hpp"

namespace {

// The unsigned integer with T's bits, for bitwise comparison (== would equate 0 and -0).
template <class T>
using bits_of = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;

template <class T, std::size_t N, class Draw>
constexpr std::array<bits_of<T>, N> draw_bits(std::uint64_t seed, Draw draw) {
  ctnn::pcg32 rng(seed);
  std::array<bits_of<T>, N> bits{};
  for (auto& value : bits) value = std::bit_cast<bits_of<T>>(draw(rng));
  return bits;
}

template <class T>
constexpr auto uniform_bits(std::uint64_t seed) {
  return draw_bits<T, 1000>(seed, [](ctnn::pcg32& rng) { return ctnn::uniform_real<T>(rng); });
}

template <class T>
constexpr auto normal_bits(std::uint64_t seed) {
  return draw_bits<T, 300>(seed, [](ctnn::pcg32& rng) { return ctnn::standard_normal<T>(rng); });
}

// Read through a volatile, so that the run-time calls cannot be folded into constants.
std::uint64_t run_time_seed(std::uint64_t seed) {
  const volatile std::uint64_t hidden = seed;
  return hidden;
}

}  // namespace

TEMPLATE_TEST_CASE("uniform_real draws the same bits at compile time and at run time", "[random]",
                   float, double) {
  constexpr auto compile_time = uniform_bits<TestType>(2024);
  CHECK(uniform_bits<TestType>(run_time_seed(2024)) == compile_time);
}

TEMPLATE_TEST_CASE("standard_normal draws the same bits at compile time and at run time",
                   "[random]", float, double) {
  constexpr auto compile_time = normal_bits<TestType>(2024);
  CHECK(normal_bits<TestType>(run_time_seed(2024)) == compile_time);
}

TEST_CASE("shuffle makes the same permutation at compile time and at run time", "[random]") {
  constexpr auto shuffled = [](std::uint64_t seed) {
    ctnn::pcg32 rng(seed);
    std::array<int, 52> deck{};
    for (std::size_t i = 0; i < deck.size(); ++i) deck[i] = static_cast<int>(i);
    ctnn::shuffle(std::span{deck}, rng);
    return deck;
  };
  constexpr auto compile_time = shuffled(7);
  CHECK(shuffled(run_time_seed(7)) == compile_time);
}

TEMPLATE_TEST_CASE("standard_normal has mean 0, variance 1 and normal tails over 10^6 draws",
                   "[random]", float, double) {
  ctnn::pcg32 rng(run_time_seed(12345));
  constexpr int draws = 1'000'000;
  double sum = 0, sum_of_squares = 0;
  int beyond_2 = 0, beyond_3 = 0;
  for (int i = 0; i < draws; ++i) {
    const double z = ctnn::standard_normal<TestType>(rng);
    REQUIRE(std::isfinite(z));
    sum += z;
    sum_of_squares += z * z;
    beyond_2 += std::abs(z) > 2 ? 1 : 0;
    beyond_3 += std::abs(z) > 3 ? 1 : 0;
  }
  const double mean = sum / draws;
  // Standard errors: 0.001 for the mean, 0.0014 for the variance, 0.0002 and 0.00005 for the
  // tail fractions P(|z| > 2) = 0.0455 and P(|z| > 3) = 0.0027: every bound is over 4 of them.
  CHECK_THAT(mean, WithinAbs(0.0, 0.005));
  CHECK_THAT(sum_of_squares / draws - mean * mean, WithinAbs(1.0, 0.01));
  CHECK_THAT(double(beyond_2) / draws, WithinAbs(0.0455, 0.001));
  CHECK_THAT(double(beyond_3) / draws, WithinAbs(0.0027, 0.0003));
}

TEMPLATE_TEST_CASE("uniform_real spreads evenly over 0 <= u < 1", "[random]", float, double) {
  ctnn::pcg32 rng(run_time_seed(99));
  constexpr int draws = 1'000'000;
  std::array<int, 10> deciles{};
  double sum = 0;
  for (int i = 0; i < draws; ++i) {
    const TestType x = ctnn::uniform_real<TestType>(rng);
    REQUIRE(x >= 0);
    REQUIRE(x < 1);
    sum += x;
    ++deciles[static_cast<std::size_t>(x * 10)];
  }
  CHECK_THAT(sum / draws, WithinAbs(0.5, 0.002));
  // 100000 expected per decile, standard deviation 300.
  for (const int count : deciles) CHECK_THAT(count, WithinAbs(100'000, 2'000));
}

TEST_CASE("shuffle draws each of the 24 orders of 4 values equally often", "[random]") {
  ctnn::pcg32 rng(run_time_seed(4));
  constexpr int shuffles = 240'000;
  std::array<int, 256> count_by_order{};
  for (int i = 0; i < shuffles; ++i) {
    std::size_t order[4] = {0, 1, 2, 3};
    ctnn::shuffle(order, rng);
    ++count_by_order[order[0] * 64 + order[1] * 16 + order[2] * 4 + order[3]];
  }
  int orders_seen = 0;
  double chi_square = 0;
  for (const int count : count_by_order) {
    if (count == 0) continue;
    ++orders_seen;
    // 10000 expected per order, standard deviation 98: 5% is five of them.
    CHECK_THAT(count, WithinAbs(10'000, 500));
    chi_square += (count - 10'000.0) * (count - 10'000.0) / 10'000.0;
  }
  CHECK(orders_seen == 24);
  // 23 degrees of freedom: mean 23, and P(chi^2 > 70) is about 10^-6.
  CHECK(chi_square < 70);
}

TEST_CASE("shuffle of a built-in array permutes like the shuffle of a span", "[random]") {
  const std::uint64_t seed = run_time_seed(31);
  ctnn::pcg32 array_rng(seed), span_rng(seed);
  int by_array[6] = {0, 1, 2, 3, 4, 5};
  std::array<int, 6> by_span = {0, 1, 2, 3, 4, 5};
  for (int round = 0; round < 1000; ++round) {
    ctnn::shuffle(by_array, array_rng);
    ctnn::shuffle(std::span<int>(by_span), span_rng);
    REQUIRE(std::to_array(by_array) == by_span);
  }
  CHECK(array_rng == span_rng);
}

// The seed of a generator whose first draw is 0, which bounded(3) rejects (2^32 mod 3 = 1): the
// draw's state a * s + increment is 0 for s = -increment / a, and pcg32(seed) starts at
// s = seed + increment. 1 / a mod 2^64 by Newton's iteration, which doubles the correct low bits
// of an inverse of odd a from the 3 of a itself.
constexpr std::uint64_t rejected_seed(std::uint64_t seed_offset) {
  constexpr std::uint64_t a = ctnn::pcg32::multiplier;
  constexpr std::uint64_t increment = 2 * ctnn::pcg32::default_stream + 1;
  std::uint64_t inverse = a;
  for (int i = 0; i < 5; ++i) inverse *= 2 - a * inverse;
  return (0 - increment) * inverse - increment + seed_offset;
}

// Three values shuffled from rejected_seed: through the built-in array overload (at compile time
// one fold with the draws written out) or the span one (a loop of bounded(n)), with the generator
// after it.
template <bool BuiltInArray>
constexpr std::pair<std::array<int, 3>, ctnn::pcg32> shuffled_after_rejection(
    std::uint64_t seed_offset) {
  ctnn::pcg32 rng(rejected_seed(seed_offset));
  int values[3] = {0, 1, 2};
  if constexpr (BuiltInArray) {
    ctnn::shuffle(values, rng);
  } else {
    ctnn::shuffle(std::span<int>(values), rng);
  }
  return {std::to_array(values), rng};
}

TEST_CASE("a rejected draw is drawn again by every shuffle, at compile time and at run time",
          "[random]") {
  static_assert(ctnn::pcg32(rejected_seed(0))() == 0);
  constexpr auto by_array = shuffled_after_rejection<true>(0);
  constexpr auto by_span = shuffled_after_rejection<false>(0);
  STATIC_REQUIRE(by_array == by_span);
  // Three draws, not two: bounded(3) drew again.
  ctnn::pcg32 three_draws(rejected_seed(0));
  for (int i = 0; i < 3; ++i) three_draws();
  CHECK(by_array.second == three_draws);
  CHECK(shuffled_after_rejection<true>(run_time_seed(0)) == by_array);
  CHECK(shuffled_after_rejection<false>(run_time_seed(0)) == by_array);
}

TEST_CASE("bounded draws each value below its bound equally often", "[random]") {
  ctnn::pcg32 rng(run_time_seed(6));
  std::array<int, 6> faces{};
  for (int i = 0; i < 600'000; ++i) ++faces[rng.bounded(6)];
  // 100000 expected per face, standard deviation 289.
  for (const int count : faces) CHECK_THAT(count, WithinAbs(100'000, 2'000));
}

TEST_CASE("bounded stays unbiased when rejection matters", "[random]") {
  // For bound 2^31 + 1, plain r % bound would give the values below 2^31 - 1 twice the weight of
  // the others and a mean near bound / 3; rejection keeps the mean at bound / 2.
  ctnn::pcg32 rng(run_time_seed(8));
  constexpr std::uint32_t bound = 0x8000'0001u;
  double sum = 0;
  for (int i = 0; i < 100'000; ++i) {
    const std::uint32_t value = rng.bounded(bound);
    REQUIRE(value < bound);
    sum += value;
  }
  // The standard error of the mean fraction is 0.0009.
  CHECK_THAT(sum / 100'000 / bound, WithinAbs(0.5, 0.005));
}

TEST_CASE("pcg32 serves the standard library's distributions", "[random]") {
  STATIC_REQUIRE(std::uniform_random_bit_generator<ctnn::pcg32>);
  ctnn::pcg32 rng(run_time_seed(1));
  std::uniform_int_distribution<int> die(1, 6);
  for (int i = 0; i < 1000; ++i) {
    const int face = die(rng);
    REQUIRE(face >= 1);
    REQUIRE(face <= 6);
  }
}
