// Defines ctnn::sigmoid and ctnn::tanh for lanes: lane for lane the scalar functions' bits, with
// sigmoid's arithmetic in vectors of a register's worth of lanes.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#if !defined(__GNUC__)
#  error "ctnn/lanes/math.hpp needs GCC's vector_size extension: compile it with GCC or Clang"
#endif

#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/lanes.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/sigmoid.hpp>
#include <ctnn/math/tanh.hpp>
#include <type_traits>
#include <utility>

#if defined(__SSE2__)
#  include <immintrin.h>
#endif

// Vectors wider than the baseline's registers are passed in memory, which -Wpsabi notes at each
// function taking one; these functions are always inlined, so no such call is ever made.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

namespace CTNN_NAMESPACE {
namespace detail {

/// N values of T in one vector of the GCC and Clang extension: their arithmetic is one vector
/// instruction per register's worth of lanes. Constant evaluation cannot read such a vector's
/// elements in Clang 14, so only the run-time path uses them.
template <class T, std::size_t N>
struct vector_type {
  // A typedef in a class template: GCC ignores the attribute on an alias template's dependent type.
  typedef T type __attribute__((vector_size(sizeof(T) * N)));
};
template <class T, std::size_t N>
using vector_of = typename vector_type<T, N>::type;

/// Lane by lane a where mask is all ones, b where it is 0.
template <class Vector, class Mask>
[[gnu::always_inline]] inline Vector select(Mask mask, Vector a, Vector b) {
  return (Vector)(((Mask)a & mask) | ((Mask)b & ~mask));
}

/// table[index[i]] in every lane, read lane by lane: SSE2 has no gather, and AVX2's gather
/// instruction measured no faster than the separate reads here.
template <class Element, class Index, std::size_t... I>
[[gnu::always_inline]] inline vector_of<Element, sizeof...(I)> gather(const Element* table,
                                                                      Index index,
                                                                      std::index_sequence<I...>) {
  return vector_of<Element, sizeof...(I)>{table[index[I]]...};
}

/// detail::exp_kernel in every lane, for lanes in (-708.39, 709.78): the same operations in the
/// same order, so the same bits.
template <std::size_t N>
[[gnu::always_inline]] inline vector_of<double, N> exp_kernel_lanes(vector_of<double, N> x) {
  using bits_vector = vector_of<std::uint64_t, N>;
  const vector_of<double, N> kd = x * CTNN_DETAIL_EXP_INVERSE_STEP + CTNN_DETAIL_EXP_ROUND_SHIFT;
  const bits_vector bits = (bits_vector)kd, index = bits & 255;
  const vector_of<double, N> scale =
      (vector_of<double, N>)(gather(exp2_bits, index, std::make_index_sequence<N>{}) +
                             (bits << 44));
  const vector_of<double, N> tail = gather(exp2_tails, index, std::make_index_sequence<N>{});
  const vector_of<double, N> r =
      (x - (kd - CTNN_DETAIL_EXP_ROUND_SHIFT) * CTNN_DETAIL_EXP_STEP_HIGH) -
      (kd - CTNN_DETAIL_EXP_ROUND_SHIFT) * CTNN_DETAIL_EXP_STEP_LOW;
  return scale +
         scale *
             (tail + r +
              r * r * (CTNN_DETAIL_EXP_P2 + r * CTNN_DETAIL_EXP_P3 + r * r * CTNN_DETAIL_EXP_P4));
}

/// detail::exp_kernel_for_float in every lane, likewise.
template <std::size_t N>
[[gnu::always_inline]] inline vector_of<double, N> exp_kernel_for_float_lanes(
    vector_of<double, N> x) {
  using bits_vector = vector_of<std::uint64_t, N>;
  const vector_of<double, N> t = x * CTNN_DETAIL_EXP_INVERSE_STEP,
                             kd = t + CTNN_DETAIL_EXP_ROUND_SHIFT,
                             r = t - (kd - CTNN_DETAIL_EXP_ROUND_SHIFT);
  const bits_vector bits = (bits_vector)kd;
  return (vector_of<double, N>)(gather(exp2_bits, bits & 255, std::make_index_sequence<N>{}) +
                                (bits << 44)) *
         ((1.0 + r * CTNN_DETAIL_EXP_C1) + r * r * (CTNN_DETAIL_EXP_C2 + r * CTNN_DETAIL_EXP_C3));
}

/// Whether every lane of mask, a comparison's result (each lane all ones or all zeros), is set:
/// one movemask of the register's 32-bit sign bits where the target has it, whatever the lanes'
/// width.
template <class Mask>
[[gnu::always_inline]] inline bool all_set(Mask mask) {
#if defined(__AVX__)
  if constexpr (sizeof(Mask) == 32) return _mm256_movemask_ps((__m256)mask) == 0xff;
#endif
#if defined(__SSE2__)
  if constexpr (sizeof(Mask) == 16) return _mm_movemask_ps((__m128)mask) == 0xf;
#endif
  bool all = true;
  for (std::size_t i = 0; i < sizeof(Mask) / sizeof(mask[0]); ++i) all = all && mask[i] == -1;
  return all;
}

/// ctnn::sigmoid's double formula in W lanes of one register: e = e^|x| and s = q or 1 - q with
/// q = 1 / (1 + e) (e^-x for x < 0, e^x otherwise, as sigmoid computes them). Lanes beyond the
/// kernel's range, or NaN, clear their bit in inside: the caller discards what the kernel made
/// of them (IEEE arithmetic on them, which neither traps nor reads outside the tables).
template <std::size_t W>
[[gnu::always_inline]] inline vector_of<double, W> sigmoid_double_chunk(
    vector_of<double, W> x, vector_of<std::int64_t, W>& inside) {
  using bits_vector = vector_of<std::uint64_t, W>;
  using mask_vector = vector_of<std::int64_t, W>;
  const mask_vector negative = (mask_vector)(x < 0.0);
  // |x| by its sign bit, one operation: -x where negative, x elsewhere.
  const vector_of<double, W> argument =
      (vector_of<double, W>)((bits_vector)x & ~(std::uint64_t{1} << 63));
  inside &= (mask_vector)(argument < 708.0);
  const vector_of<double, W> q = 1.0 / (1.0 + exp_kernel_lanes<W>(argument));
  return select(negative, q, 1.0 - q);
}

/// The two halves of a vector, joined.
template <class Vector, std::size_t... I>
[[gnu::always_inline]] inline auto join(Vector low, Vector high, std::index_sequence<I...>) {
  return __builtin_shufflevector(low, high, I...);
}

/// ctnn::sigmoid lane by lane: for runs with a lane outside the kernels' range.
template <class T, std::size_t N>
[[gnu::noinline, gnu::cold]] void sigmoid_each(const T* x, T* s) {
  for (std::size_t i = 0; i < N; ++i) s[i] = ctnn::sigmoid(x[i]);
}

/// ctnn::sigmoid(x[i]) for N lanes at run time, a register's worth of lanes at a time. Lanes
/// outside the kernels' range are rare in training: when there is one, every lane takes the
/// scalar function (whose bits the kernels give inside the range).
template <class T, std::size_t N>
[[gnu::always_inline]] inline void sigmoid_lanes(const T* x, T* s) {
  constexpr std::size_t D = chunk_lanes<double, N>;
  if constexpr (std::same_as<T, float>) {
    // F floats a register: the range in float, F lanes at once, and float's 1 + e^-x in double,
    // D lanes at a time.
    constexpr std::size_t F = chunk_lanes<float, N>;
    vector_of<std::int32_t, F> inside_float = {};
    inside_float = ~inside_float;
    for_each_chunk<F, N>([&](std::size_t c) __attribute__((always_inline)) {
      vector_of<float, F> xf;
      __builtin_memcpy(&xf, x + c, sizeof xf);
      inside_float &= (vector_of<std::int32_t, F>)((xf > -87.0f) & (xf < 708.0f));
      const vector_of<float, F> minus_x = -xf;
      vector_of<double, D> part[F / D];
      for_each_chunk<D, F>([&](std::size_t h) __attribute__((always_inline)) {
        vector_of<float, D> half;
        __builtin_memcpy(&half, (const float*)&minus_x + h, sizeof half);
        part[h / D] = 1.0 + exp_kernel_for_float_lanes<D>(
                                __builtin_convertvector(half, vector_of<double, D>));
      });
      vector_of<float, F> sf;
      if constexpr (F == D) {
        sf = 1.0f / __builtin_convertvector(part[0], vector_of<float, F>);
      } else {
        sf = 1.0f / __builtin_convertvector(join(part[0], part[1], std::make_index_sequence<F>{}),
                                            vector_of<float, F>);
      }
      __builtin_memcpy(s + c, &sf, sizeof sf);
    });
    if (!all_set(inside_float)) sigmoid_each<T, N>(x, s);
  } else {
    vector_of<std::int64_t, D> inside = {};
    inside = ~inside;
    for_each_chunk<D, N>([&](std::size_t c) __attribute__((always_inline)) {
      vector_of<double, D> xd;
      __builtin_memcpy(&xd, x + c, sizeof xd);
      const vector_of<double, D> sd = sigmoid_double_chunk<D>(xd, inside);
      __builtin_memcpy(s + c, &sd, sizeof sd);
    });
    if (!all_set(inside)) sigmoid_each<T, N>(x, s);
  }
}

/// sigmoid_lanes out of line: for runs of more than 8 registers of doubles, which GCC, inlining
/// them into a flattened epoch, compiled to code slower than the call.
template <class T, std::size_t N>
[[gnu::noinline]] void sigmoid_lanes_outlined(const T* x, T* s) {
  sigmoid_lanes<T, N>(x, s);
}

}  // namespace detail

/// ctnn::sigmoid(x[i]) in every lane, bit for bit: in vectors at run time when the lanes fill a
/// vector of a power-of-two size, lane by lane otherwise.
template <class T, std::size_t N>
[[gnu::always_inline]] constexpr lanes<T, N> sigmoid(const lanes<T, N>& x) {
  lanes<T, N> s;
  if constexpr (std::has_single_bit(N)) {
    if (!std::is_constant_evaluated()) {
      constexpr std::size_t registers = N / detail::chunk_lanes<double, N>;
      if constexpr (registers > 8)
        detail::sigmoid_lanes_outlined<T, N>(x.lane, s.lane);
      else
        detail::sigmoid_lanes<T, N>(x.lane, s.lane);
      return s;
    }
  }
  for (std::size_t i = 0; i < N; ++i) s.lane[i] = ctnn::sigmoid(x.lane[i]);
  return s;
}

/// ctnn::tanh(x[i]) in every lane, bit for bit: lane by lane, as tanh's two formulas (a rational
/// function near 0, e^2x beyond) would make every lane compute both.
template <class T, std::size_t N>
constexpr lanes<T, N> tanh(const lanes<T, N>& x) {
  lanes<T, N> y;
  for (std::size_t i = 0; i < N; ++i) y.lane[i] = ctnn::tanh(x.lane[i]);
  return y;
}

}  // namespace CTNN_NAMESPACE

#pragma GCC diagnostic pop
