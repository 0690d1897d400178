// Defines ctnn::detail::FitsInDouble and the binary64 layout that ctnn's math reads and builds.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>

// Compile-time training runs exp, sigmoid and tanh millions of times, and each compiler charges
// that work against a limit. Clang's -fconstexpr-steps counts every statement it runs, a
// function's body and return included, so ctnn's math keeps statements few: single returns where
// it can, declarators sharing one declaration, and bits read with __builtin_bit_cast (the builtin
// that std::bit_cast wraps in libstdc++ and libc++, an expression rather than a call). GCC's
// -fconstexpr-ops-limit counts nearly every expression it evaluates: a literal costs nothing, but
// an int literal met by a double costs its conversion, a read of a const local or of a constant
// like those below costs two, a call several, and one more if it is noexcept. So the paths that
// training takes (exp_kernel, sigmoid, tanh) write constants as double literals, keep their locals
// non-const, and ctnn's math is not noexcept.

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

}  // namespace ctnn::detail
