// Defines ctnn::lanes: N values of one scalar type side by side, a scalar type of its own with
// which ctnn trains N networks at once, one per lane.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#if !defined(__GNUC__)
#  error "ctnn/lanes.hpp needs GCC's vector_size extension: compile it with GCC or Clang"
#endif

#include <bit>
#include <concepts>
#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {
namespace detail {

/// The bytes of one vector register of the target: run-time code on lanes works in vectors of
/// that size, which both compilers keep in registers (GCC splits wider vectors' comparisons into
/// one scalar comparison per lane, and passes their arithmetic through memory).
#if defined(__AVX__)
inline constexpr std::size_t register_bytes = 32;
#else
inline constexpr std::size_t register_bytes = 16;
#endif

/// Lanes of T in one register's worth of a run of N lanes.
template <class T, std::size_t N>
inline constexpr std::size_t chunk_lanes = register_bytes / sizeof(T) < N
                                               ? register_bytes / sizeof(T)
                                               : N;

/// f(c) for c = 0, Step, 2 Step, ... below End, unrolled: Clang leaves a loop over chunks rolled,
/// and its loop then carries the lanes through memory.
template <std::size_t Step, std::size_t End, class F>
[[gnu::always_inline]] inline void for_each_chunk(F f) {
  [&]<std::size_t... C>(std::index_sequence<C...>) __attribute__((always_inline)) {
    (f(C * Step), ...);
  }
  (std::make_index_sequence<End / Step>{});
}

}  // namespace detail

/// N values of T, one per lane, whose arithmetic acts lane by lane. Training with
/// parameters<Net, lanes<T, N>> runs N networks through the same operations in the same order as
/// training each alone with T, so every lane's result is bit for bit that network's. At run time
/// each operator is one operation per register's worth of lanes on vectors of GCC's and Clang's
/// vector extension (when N is a power of two): N networks side by side keep a core's vector units
/// busy where one network's step is a chain of dependent operations. In constant evaluation, which
/// cannot read such vectors' elements in Clang 14, the operators are loops over the lanes.
template <std::floating_point T, std::size_t N>
requires(N > 0) struct lanes {
  using value_type = T;
  static constexpr std::size_t size = N;

  /// The lanes' values, aligned as a vector of their size would be, up to a cache line: no
  /// register's worth of lanes then straddles two cache lines.
  alignas(std::bit_floor(sizeof(T) * N) < 64 ? std::bit_floor(sizeof(T) * N) : 64) T lane[N];

  /// Lanes left uninitialised, as a scalar would be: value initialisation, lanes<T, N>{}, sets 0.
  lanes() = default;
  /// Every lane `value`: how the passes' constants such as T(2) reach all networks.
  constexpr lanes(T value) {  // NOLINT(google-explicit-constructor): a scalar converts
    for (std::size_t i = 0; i < N; ++i) lane[i] = value;
  }

  constexpr T& operator[](std::size_t i) { return lane[i]; }
  constexpr const T& operator[](std::size_t i) const { return lane[i]; }

  friend constexpr lanes operator+(const lanes& a, const lanes& b) {
    return lanewise(a, b, [](auto x, auto y) { return x + y; });
  }
  friend constexpr lanes operator-(const lanes& a, const lanes& b) {
    return lanewise(a, b, [](auto x, auto y) { return x - y; });
  }
  friend constexpr lanes operator*(const lanes& a, const lanes& b) {
    return lanewise(a, b, [](auto x, auto y) { return x * y; });
  }
  friend constexpr lanes operator/(const lanes& a, const lanes& b) {
    return lanewise(a, b, [](auto x, auto y) { return x / y; });
  }
  friend constexpr lanes operator-(const lanes& a) {
    return lanewise(a, a, [](auto x, auto) { return -x; });
  }
  constexpr lanes& operator+=(const lanes& other) { return *this = *this + other; }
  constexpr lanes& operator-=(const lanes& other) { return *this = *this - other; }
  constexpr lanes& operator*=(const lanes& other) { return *this = *this * other; }
  constexpr lanes& operator/=(const lanes& other) { return *this = *this / other; }

  /// Lane by lane a's value where x's is above 0, else b's (for -0 and NaN too): the choice
  /// `x > 0 ? a : b`, which the lanes, whose comparison would give one bool for all of them,
  /// make with a mask. ctnn::relu makes it through this.
  friend constexpr lanes where_positive(const lanes& x, const lanes& a, const lanes& b) {
    lanes result;
    if constexpr (std::has_single_bit(N)) {
      if (!std::is_constant_evaluated()) {
        detail::for_each_chunk<chunk, N>([&](std::size_t c) __attribute__((always_inline)) {
          vector_type u, v, w;
          __builtin_memcpy(&u, x.lane + c, sizeof u);
          __builtin_memcpy(&v, a.lane + c, sizeof v);
          __builtin_memcpy(&w, b.lane + c, sizeof w);
          // All ones in the lanes where u > 0, an ordered comparison: false for NaN and -0.
          const auto above = u > T(0);
          using mask_type = decltype(above);
          const vector_type z = (vector_type)(((mask_type)v & above) | ((mask_type)w & ~above));
          __builtin_memcpy(result.lane + c, &z, sizeof z);
        });
        return result;
      }
    }
    for (std::size_t i = 0; i < N; ++i) result.lane[i] = x.lane[i] > T(0) ? a.lane[i] : b.lane[i];
    return result;
  }

 private:
  // A register's worth of lanes, the extension's vector of them.
  static constexpr std::size_t chunk = detail::chunk_lanes<T, N>;
  static constexpr std::size_t vector_bytes = sizeof(T) * std::bit_ceil(chunk);
  typedef T vector_type __attribute__((vector_size(vector_bytes)));

  /// op on every lane: at run time on vectors of a register's worth of lanes when N is a power of
  /// two (op is written once, for scalars and vectors alike), lane by lane otherwise.
  template <class Op>
  [[gnu::always_inline]] static constexpr lanes lanewise(const lanes& a, const lanes& b, Op op) {
    lanes result;
    if constexpr (std::has_single_bit(N)) {
      if (!std::is_constant_evaluated()) {
        detail::for_each_chunk<chunk, N>([&](std::size_t c) __attribute__((always_inline)) {
          vector_type x, y;
          __builtin_memcpy(&x, a.lane + c, sizeof x);
          __builtin_memcpy(&y, b.lane + c, sizeof y);
          const vector_type z = op(x, y);
          __builtin_memcpy(result.lane + c, &z, sizeof z);
        });
        return result;
      }
    }
    for (std::size_t i = 0; i < N; ++i) result.lane[i] = op(a.lane[i], b.lane[i]);
    return result;
  }

 public:
  /// Every lane equal: what parameters<Net, lanes<T, N>>'s == needs.
  friend constexpr bool operator==(const lanes&, const lanes&) = default;
};

}  // namespace CTNN_NAMESPACE
