// Defines ctnn::log: the natural logarithm, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <limits>

namespace CTNN_NAMESPACE {

/// ln x, the natural logarithm: log(0) = -inf, log(x < 0) = NaN, log(inf) = inf.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T log(T x) {
  if (!(x > 0 && x < detail::infinity<T>)) {
    return x == 0 ? -detail::infinity<T> : x < 0 ? std::numeric_limits<T>::quiet_NaN() : x;
  }
  // ln x = k ln 2 + ln(1 + f) with x = 2^k (1 + f), sqrt(2)/2 <= 1 + f < sqrt(2). A subnormal x is
  // first scaled into the normals, exactly, so that its bits read that way. Bit patterns of
  // positive doubles are ordered like their values and doubling adds 1 << 52, so the k that puts
  // 1 + f in range is floor((bits - bits(sqrt(2)/2)) / 2^52).
  // ln(1 + f) = 2 atanh(s) = 2s + s z t(z), s = f / (2 + f), z = s^2, |s| < 0.172, with t minimax
  // (z t(z) errs by less than 2^-59.5). Rewritten as f - f^2/2 + s (f^2/2 + z t(z)), the large
  // terms f and f^2/2 are exact or nearly, and s's rounding error only touches the small ones.
  // float goes through double, where these rounding errors are 2^-29 of its ulp.
  const bool subnormal = double(x) < 0x1p-1022;
  const std::int64_t bits = __builtin_bit_cast(std::int64_t, subnormal ? x * 0x1p54 : double(x)),
                     k = (bits - __builtin_bit_cast(std::int64_t, 0x1.6a09e667f3bcdp-1)) >>
                         detail::fraction_bits;
  const double f = __builtin_bit_cast(double, bits - (k << detail::fraction_bits)) - 1,
               s = f / (2 + f), z = s * s, half_f2 = 0.5 * f * f,
               kd = double(k - (subnormal ? 54 : 0));
  return T(
      kd * detail::ln2_hi -
      ((half_f2 -
        (s * (half_f2 +
              z * (0x1.5555555555592p-1 +
                   z * (0x1.999999997fd77p-2 +
                        z * (0x1.24924941f4facp-2 +
                             z * (0x1.c71c5206088fep-3 +
                                  z * (0x1.74663fa204769p-3 +
                                       z * (0x1.39a1a6fad502ap-3 + z * 0x1.2f06345f9c159p-3))))))) +
         kd * detail::ln2_lo)) -
       f));
}

}  // namespace CTNN_NAMESPACE
