// Defines `near`, the tolerance comparison that ctnn's static tests share.
// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace ctnn_test {

/// True when |a - b| <= tolerance; usable in a static_assert.
template <class T>
constexpr bool near(T a, T b, T tolerance) {
  return (a < b ? b - a : a - b) <= tolerance;
}

/// True when |a - b| <= tolerance * max(1, |b|): relative for large values, absolute near zero.
template <class T>
constexpr bool near_relative(T a, T b, T tolerance) {
  const T magnitude = b < T(0) ? -b : b;
  return near(a, b, tolerance * (magnitude > T(1) ? magnitude : T(1)));
}

}  // namespace ctnn_test
