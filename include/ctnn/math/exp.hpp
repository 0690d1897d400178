// Defines ctnn::exp and ctnn::expm1: e^x and e^x - 1, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <ctnn/detail/float_bits.hpp>

namespace ctnn {
namespace detail {

/// Largest x whose e^x is finite in T.
template <class T>
inline constexpr T exp_max = std::same_as<T, float> ? T(0x1.62e42ep+6) : T(0x1.62e42fefa39efp+9);

/// Smallest x whose e^x does not round to 0 in T: e^x > 2^-150 for float, 2^-1075 for double.
template <class T>
inline constexpr T exp_min = std::same_as<T, float> ? T(-0x1.9fe368p+6) : T(-0x1.74910d52d3051p+9);

/// 1.5 * 2^52: for |y| < 2^51, y + round_shift has no bits left for a fraction, so
/// (y + round_shift) - round_shift is y rounded to the nearest integer.
inline constexpr double round_shift = 0x1.8p52;

/// e^y as (head + tail + half_square) 2^k, with head = 1 + r_hi rounded, half_square = r^2 / 2
/// and tail the rest of e^r, and as value, that sum rounded once. half_square has r rounded and
/// squared in double: expm1 and tanh, which need e^r - 1 to 2^-60 of itself, take both errors back
/// out with r and r_lo = r_true - r.
struct exp_terms {
  double head;
  double tail;
  double half_square;
  double r;
  double r_lo;
  std::int64_t k;
  double value;
};

/// e^y for y in [-746, 710]: e^y = 2^k e^r with k = round(y / ln 2), |r| <= ln 2 / 2.
constexpr exp_terms exp_split(double y) noexcept {
  // y - k ln2_hi = r_hi is exact (k ln2_hi has 53 bits and lies within a factor 2 of y), and
  // r = r_hi - c carries the rest of k ln 2. Then e^r = 1 + r_hi + tail + r^2 / 2, with
  //   tail = (rounding error of 1 + r_hi) - c + r^3 p(r)
  // and p minimax for the relative error of e^r - 1 on |r| <= ln 2 / 2 (below 2^-61.6), evaluated
  // by Estrin's scheme for a short dependency chain. head + tail carries e^r to about 2^-60.
  const double k = y * log2_e + round_shift - round_shift, r_hi = y - k * ln2_hi, c = k * ln2_lo,
               r = r_hi - c, head = 1 + r_hi, r2 = r * r, r4 = r2 * r2,
               p = (0x1.5555555555559p-3 + r * 0x1.5555555555549p-5) +
                   r2 * (0x1.111111110f7e7p-7 + r * 0x1.6c16c16c1ccf6p-10) +
                   r4 * ((0x1.a01a01af77e3fp-13 + r * 0x1.a01a018301f5dp-16) +
                         r2 * (0x1.71ddf94d6016ep-19 + r * 0x1.27e52b305ab45p-22)) +
                   r4 * r4 * (0x1.af5d2cbdfaff6p-26 + r * 0x1.1ef525383b006p-29),
               tail = ((r_hi - (head - 1)) - c) + r * r2 * p;
  // 2^k goes on as 2^(k/2) then 2^(k - k/2), both normal: the first product is exact, so a
  // subnormal result rounds once, and 2^1024 for y near the overflow threshold never has to exist.
  return {head,
          tail,
          0.5 * r2,
          r,
          (r_hi - r) - c,
          std::int64_t(k),
          (head + (tail + 0.5 * r2)) *
              __builtin_bit_cast(double, std::uint64_t(std::int64_t(k) / 2 + exponent_bias)
                                             << fraction_bits) *
              __builtin_bit_cast(
                  double, std::uint64_t(std::int64_t(k) - std::int64_t(k) / 2 + exponent_bias)
                              << fraction_bits)};
}

}  // namespace detail

/// e^x, overflowing to infinity and rounding through the subnormals down to 0.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T exp(T x) noexcept {
  // Both ends answer without arithmetic, as GCC refuses to constant-evaluate an overflow to
  // infinity. float goes through double too, whose rounding errors are 2^-29 of float's ulp: the
  // result is float's e^x correctly rounded but for a few inputs per billion, from the same code.
  return x >= detail::exp_min<T> && x <= detail::exp_max<T> ? T(detail::exp_split(double(x)).value)
         : x > 0                                            ? detail::infinity<T>
         : x < 0                                            ? T(0)
                                                            : x;
}

/// e^x - 1, accurate for x near 0 where e^x - 1 would cancel.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T expm1(T x) noexcept {
  // Above 40, e^x > 2^57 hides the - 1 (and may overflow); below -64, e^x < 2^-92 hides next to -1.
  if (!(x >= T(-64) && x <= T(40))) {
    return x > 0 ? ctnn::exp(x) : x < 0 ? T(-1) : x;
  }
  // e^x - 1 = (2^k head - 1) + 2^k (tail + r^2 / 2): the first sum's rounding error is recovered
  // exactly (Knuth's two-sum) and joins the tail, as do the errors of half_square (Dekker's exact
  // square, r = r_high + r_low, and r r_lo for the rounding of r), so the result is rounded once.
  const detail::exp_terms e = detail::exp_split(double(x));
  const double scale = __builtin_bit_cast(double, std::uint64_t(e.k + detail::exponent_bias)
                                                      << detail::fraction_bits),
               big = e.head * scale, sum = big - 1,
               r_high = e.r * 0x1.0000002p27 - (e.r * 0x1.0000002p27 - e.r), r_low = e.r - r_high,
               square_lo = ((r_high * r_high - e.r * e.r) + 2 * r_high * r_low) + r_low * r_low;
  return T(sum + (((big - (sum - (sum - big))) + (-1 - (sum - big))) +
                  ((e.tail + (0.5 * square_lo + e.r * e.r_lo)) * scale + e.half_square * scale)));
}

}  // namespace ctnn
