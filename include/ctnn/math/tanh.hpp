// Defines ctnn::tanh: the hyperbolic tangent, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/math/exp.hpp>

namespace ctnn {

/// tanh x = (e^2x - 1) / (e^2x + 1), within [-1, 1] for every finite x.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T tanh(T x) noexcept {
  // Below 2^-27, x^3 / 3 is under half an ulp of x; NaN, failing both comparisons, returns too.
  if (!(x < T(-0x1p-27) || x > T(0x1p-27))) {
    return x;
  }
  // tanh|x| = n / (n + 2) with n = e^2|x| - 1 > 0: nothing cancels. From |x| = 20 on the quotient
  // rounds to 1, so clamping there keeps n finite for any input.
  const detail::exp_terms e = detail::exp_split(x > 20 || x < -20 ? 40.0
                                                : x < 0           ? -2.0 * x
                                                                  : 2.0 * x);
  // glibc's tanh errs by up to about 2.2 ulp, so staying within 2 ulp of it takes a result within
  // 0.8 ulp of the truth. So e^2|x| - 1 is summed exactly (Knuth's two-sum, with the errors of
  // r^2 / 2 in the tail taken out as in expm1) and renormalised into n + n_lo, n + 2 likewise into
  // d + d_lo, and the quotient q = n / d is corrected by its remainder (n + n_lo) - q (d + d_lo),
  // where Dekker's product gives q d exactly without fma: within 0.65 ulp.
  const double scale = __builtin_bit_cast(double, std::uint64_t(e.k + detail::exponent_bias)
                                                      << detail::fraction_bits),
               r_high = e.r * 0x1.0000002p27 - (e.r * 0x1.0000002p27 - e.r), r_low = e.r - r_high,
               square_lo = ((r_high * r_high - e.r * e.r) + 2 * r_high * r_low) + r_low * r_low,
               big = e.head * scale, sum = big - 1,
               sum_lo =
                   ((big - (sum - (sum - big))) + (-1 - (sum - big))) +
                   ((e.tail + (0.5 * square_lo + e.r * e.r_lo)) * scale + e.half_square * scale),
               n = sum + sum_lo, n_lo = sum_lo - (n - sum), d = n + 2,
               d_lo = ((n - (d - (d - n))) + (2 - (d - n))) + n_lo, q = n / d,
               q_hi = q * 0x1.0000002p27 - (q * 0x1.0000002p27 - q), q_lo = q - q_hi,
               d_hi = d * 0x1.0000002p27 - (d * 0x1.0000002p27 - d), d_tail = d - d_hi,
               product = q * d,
               product_lo = ((q_hi * d_hi - product) + q_hi * d_tail + q_lo * d_hi) + q_lo * d_tail,
               t = q + (((n - product) - product_lo) + n_lo - q * d_lo) / d;
  return T(x < 0 ? -t : t);
}

}  // namespace ctnn
