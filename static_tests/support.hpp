// Defines `near` and `near_relative`, the tolerance comparisons that ctnn's static tests share.
// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace ctnn_test {

/// True when |a - b| <= tolerance; usable in a static_assert.
template <class T>
constexpr bool near(T a, T b, T tolerance) {
  return (a < b ? b - a : a - b) <= tolerance;
}

/// True when |a - b| <= tolerance * |b|: relative at every magnitude, so b = 0 takes a == b.
template <class T>
constexpr bool near_relative(T a, T b, T tolerance) {
  return near(a, b, tolerance * (b < T(0) ? -b : b));
}

}  // namespace ctnn_test
