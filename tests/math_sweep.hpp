// The points on which ctnn's math is measured, and the distance in ulps: shared by
// tests/math.test.cpp, which checks the documented bounds, and scripts/docs/math_accuracy.cpp,
// which prints docs/numerics.md's accuracy table from the same points.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <type_traits>
#include <utility>
#include <vector>

namespace ctnn_math_sweep {

template <class T>
using same_size_int = std::conditional_t<sizeof(T) == 8, std::int64_t, std::int32_t>;

// The bits of x as an integer that counts ulps: neighbouring floats differ by 1, -0 meets +0.
template <class T>
std::int64_t ordered_bits(T x) {
  const auto bits = std::bit_cast<same_size_int<T>>(x);
  return bits < 0 ? std::int64_t{std::numeric_limits<same_size_int<T>>::min()} - bits : bits;
}

// Ulps between a and b; two NaNs agree, and a NaN is as far as can be from any number.
template <class T>
std::uint64_t ulp_distance(T a, T b) {
  if (std::isnan(a) || std::isnan(b)) {
    return std::isnan(a) && std::isnan(b) ? 0 : std::numeric_limits<std::uint64_t>::max();
  }
  const std::int64_t i = ordered_bits(a), j = ordered_bits(b);
  return i < j ? std::uint64_t(j) - std::uint64_t(i) : std::uint64_t(i) - std::uint64_t(j);
}

// Whether the sweep also takes negative inputs: log and sqrt give NaN for all of them.
enum class signs { both, positive };

// Points for one function and type: 400000 log-uniform (random bit patterns, so every exponent
// is as likely as any other), 600000 spread uniformly over the intervals where the function is
// interesting, and each edge with its 16 neighbours on either side, plus the values every
// function must handle: +-0, the smallest subnormal and normal, the largest, +-inf and NaN.
template <class T>
std::vector<T> sweep_points(signs sign, const std::vector<std::pair<T, T>>& intervals,
                            const std::vector<T>& edges) {
  std::mt19937_64 random(2718281828);
  std::vector<T> points;
  while (points.size() < 400000) {
    const T x = std::bit_cast<T>(static_cast<std::make_unsigned_t<same_size_int<T>>>(random()));
    if (std::isfinite(x)) points.push_back(sign == signs::positive ? std::fabs(x) : x);
  }
  for (const auto& [low, high] : intervals) {
    std::uniform_real_distribution<T> uniform(low, high);
    for (std::size_t i = 0; i < 600000 / intervals.size(); ++i) points.push_back(uniform(random));
  }
  using limits = std::numeric_limits<T>;
  std::vector<T> all_edges = edges;
  for (const T x : {T(0), limits::denorm_min(), limits::min(), limits::max()}) {
    all_edges.push_back(x);
    all_edges.push_back(-x);
  }
  for (T x : all_edges) {
    T below = x, above = x;
    for (int i = 0; i < 16; ++i) {
      below = std::nextafter(below, -limits::infinity());
      above = std::nextafter(above, limits::infinity());
      points.push_back(below);
      points.push_back(above);
    }
    points.push_back(x);
  }
  for (const T x : {limits::infinity(), -limits::infinity(), limits::quiet_NaN()}) {
    points.push_back(x);
  }
  return points;
}

}  // namespace ctnn_math_sweep
