// Defines ctnn::sigmoid: the logistic function, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/math/exp.hpp>

namespace ctnn {

/// The logistic function s(x) = 1 / (1 + e^-x), within [0, 1] for every finite x.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T sigmoid(T x) noexcept {
  // e = e^-|x| in (0, 1] never overflows, and from |x| = 746 on it rounds to 0, so clamping there
  // takes any input (NaN too: it fails both comparisons below and returns itself). Then
  // s(x) = a / (1 + e) with a = 1 for x >= 0 and a = e for x < 0, which keeps full precision
  // where s(x) is tiny, where 1 - s(-x) would cancel.
  const detail::exp_terms t =
      detail::exp_split(x >= -746 && x <= 746 ? (x < 0 ? double(x) : -double(x)) : -746.0);
  // Rounding e, then 1 + e, then the quotient would err by up to 2.3 ulp. So e is carried as
  // e + e_lo (e_lo is 0 below 2^-1000, where it no longer matters) and 1 + e exactly as s + s_lo;
  // then (a + a_lo) / (s + s_lo) = q + (a_lo - q s_lo) / s to first order, with q = a / s and
  // 1 / s = q for x >= 0, 1 - q for x < 0. What is left is q's rounding: within 1.1 ulp.
  const double sum = t.head + (t.tail + t.half_square), e = t.value,
               e_lo = t.k < -1000 ? 0.0
                                  : ((t.head - sum) + (t.tail + t.half_square)) *
                                        __builtin_bit_cast(
                                            double, std::uint64_t(t.k + detail::exponent_bias)
                                                        << detail::fraction_bits),
               s = 1 + e, s_lo = (e - (s - 1)) + e_lo, q = (x < 0 ? e : 1.0) / s;
  return x < 0 ? T(q + (e_lo - q * s_lo) * (1 - q)) : x >= 0 ? T(q - q * s_lo * q) : x;
}

}  // namespace ctnn
