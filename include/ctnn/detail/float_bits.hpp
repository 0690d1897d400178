// Defines ctnn::detail::FitsInDouble and the binary64 layout that ctnn's math reads and builds.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>

// Clang's constant evaluator charges every statement it runs, a function's body and return
// included, against -fconstexpr-steps, and compile-time training runs exp, sigmoid and tanh
// millions of times. So ctnn's math keeps statements few: several declarators share one
// declaration, bits are read with __builtin_bit_cast (the builtin that std::bit_cast wraps in
// libstdc++ and libc++, an expression rather than a call), and constants are variables.

namespace ctnn::detail {

/// float or double: ctnn's math computes in double, which would silently round a wider type.
template <class T>
concept FitsInDouble = std::same_as<T, float> || std::same_as<T, double>;

/// Infinity in T, as a variable: std::numeric_limits<T>::infinity() is a call.
template <class T>
inline constexpr T infinity = std::numeric_limits<T>::infinity();

/// Bits of a double below its exponent field.
inline constexpr int fraction_bits = 52;

/// The implicit leading bit of a normal double's significand: 2^fraction_bits.
inline constexpr std::uint64_t implicit_bit = std::uint64_t(1) << fraction_bits;

/// Exponent field of 2^0 in a double; 2^k for a normal k is (k + exponent_bias) << fraction_bits.
inline constexpr std::int64_t exponent_bias = 1023;

/// ln 2 split so that k * ln2_hi is exact for |k| < 2^11 (ln2_hi has 42 significant bits) and
/// ln2_hi + ln2_lo carries ln 2 to 95 bits: x - k ln 2 loses nothing to the product.
inline constexpr double ln2_hi = 0x1.62e42fefa3800p-1;
inline constexpr double ln2_lo = 0x1.ef35793c76730p-45;

/// 1 / ln 2 rounded to double.
inline constexpr double log2_e = 0x1.71547652b82fep+0;

}  // namespace ctnn::detail
