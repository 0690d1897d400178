// Defines ctnn::detail::FitsInDouble and the binary64 layout that ctnn's math reads and builds.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <ctnn/detail/namespace.hpp>
#include <limits>

// Compile-time training runs exp, sigmoid and tanh millions of times, and each compiler charges
// that work against a limit: ctnn's math keeps statements few (single returns, declarators
// sharing one declaration, bits read with __builtin_bit_cast, an expression where std::bit_cast
// is a call), writes constants as literals, keeps locals non-const and is not noexcept. What each
// evaluator charges, measured: docs/evaluator-costs.md.

namespace CTNN_NAMESPACE::detail {

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

}  // namespace CTNN_NAMESPACE::detail
