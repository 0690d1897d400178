// Defines ctnn::sqrt: the correctly rounded square root, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <limits>

namespace CTNN_NAMESPACE {

/// sqrt(x), correctly rounded; sqrt(-0) = -0, sqrt(x < 0) = NaN.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T sqrt(T x) {
  if (!(x > 0 && x < detail::infinity<T>)) {
    return x < 0 ? std::numeric_limits<T>::quiet_NaN() : x;
  }
  // x = m 2^e with an integer m < 2^54 and e even, so sqrt(x) = sqrt(m 2^52) 2^(e/2 - 26), where
  // sqrt(m 2^52) lies in [2^52, 2^53]: rounding it to an integer s rounds sqrt(x) to 53 bits. A
  // subnormal x is first scaled into the normals, exactly. float goes through double: rounding
  // the correctly rounded double root to float is correctly rounded too, as 53 >= 2 * 24 + 2.
  const bool subnormal = double(x) < 0x1p-1022;
  const std::uint64_t bits = __builtin_bit_cast(std::uint64_t, subnormal ? x * 0x1p54 : double(x));
  const std::int64_t e = std::int64_t(bits >> detail::fraction_bits) - detail::exponent_bias -
                         detail::fraction_bits - (subnormal ? 54 : 0);
  const std::uint64_t m = ((bits & (detail::implicit_bit - 1)) | detail::implicit_bit) << (e & 1);
  // Newton's y <- (y + w / y) / 2 on w = m / 2^52 in [1, 4), from a quadratic within 0.5% of
  // sqrt(w): 1.3e-5, 8e-11, 3e-21, so y ends within an ulp of sqrt(w) and s0 within 1 of s.
  const double w = double(m) * 0x1p-52, y0 = 0.5186 + w * (0.526 - w * 0.03954),
               y1 = 0.5 * (y0 + w / y0), y2 = 0.5 * (y1 + w / y1), y3 = 0.5 * (y2 + w / y2);
  // d = m 2^52 - s0^2 is small, so its low 64 bits are all of it. s0 is s when -s0 < d <= s0,
  // that is when (s0 - 1/2)^2 < m 2^52 < (s0 + 1/2)^2 (never equal: the bounds are not integers).
  const std::uint64_t s0 = std::uint64_t(y3 * 0x1p52);
  const std::int64_t d = std::int64_t((m << detail::fraction_bits) - s0 * s0);
  // Adding s - 2^52 to the exponent field carries into it when s rounded up to 2^53, as it should.
  return T(__builtin_bit_cast(
      double, (std::uint64_t((e - (e & 1)) / 2 - 26 + detail::fraction_bits + detail::exponent_bias)
               << detail::fraction_bits) +
                  (s0 + (d > std::int64_t(s0)) - (d <= -std::int64_t(s0)) - detail::implicit_bit)));
}

}  // namespace CTNN_NAMESPACE
