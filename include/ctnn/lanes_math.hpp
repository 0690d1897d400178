// Defines ctnn::sigmoid and ctnn::tanh for lanes: lane for lane the scalar functions' bits, with
// the arithmetic in loops over the lanes that compilers vectorise.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctnn/lanes.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/sigmoid.hpp>
#include <ctnn/math/tanh.hpp>
#include <type_traits>
#include <utility>

// Vectors wider than the baseline's registers are passed in memory, which -Wpsabi notes at each
// function taking one; these functions are always inlined, so no such call is ever made.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

namespace ctnn {
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

/// table[index[i]] in every lane: SSE2 has no gather, so the lanes are read one by one.
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
  const vector_of<double, N> kd = x * 0x1.71547652b82fep+8 + 0x1.8p52;
  const bits_vector bits = (bits_vector)kd, index = bits & 255;
  const vector_of<double, N> scale =
      (vector_of<double, N>)(gather(exp2_bits, index, std::make_index_sequence<N>{}) +
                             (bits << 44));
  const vector_of<double, N> tail = gather(exp2_tails, index, std::make_index_sequence<N>{});
  const vector_of<double, N> r =
      (x - (kd - 0x1.8p52) * 0x1.62e42fef00000p-9) - (kd - 0x1.8p52) * 0x1.473de6af278edp-42;
  return scale + scale * (tail + r +
                          r * r *
                              (0x1.fffffffffffd4p-2 + r * 0x1.5555571d82c6bp-3 +
                               r * r * 0x1.55555769ab3f5p-5));
}

/// detail::exp_kernel_for_float in every lane, likewise.
template <std::size_t N>
[[gnu::always_inline]] inline vector_of<double, N> exp_kernel_for_float_lanes(
    vector_of<double, N> x) {
  using bits_vector = vector_of<std::uint64_t, N>;
  const vector_of<double, N> t = x * 0x1.71547652b82fep+8, kd = t + 0x1.8p52,
                             r = t - (kd - 0x1.8p52);
  const bits_vector bits = (bits_vector)kd;
  return (vector_of<double, N>)(gather(exp2_bits, bits & 255, std::make_index_sequence<N>{}) +
                                (bits << 44)) *
         ((1.0 + r * 0x1.62e42fefa39efp-9) +
          r * r * (0x1.ebfbdff82c58fp-19 + r * 0x1.c6b08d704a0c0p-29));
}

/// ctnn::sigmoid(x[i]) for N lanes at run time, mirroring sigmoid's formulas: for double,
/// e = e^|x| and s = q or 1 - q with q = 1 / (1 + e) (e^-x for x < 0, e^x otherwise, as sigmoid
/// computes them); for float, 1 / float(1 + e^-x). Lanes beyond the kernel's range, or NaN, are
/// rare in training: the kernel gets 0 there, so as not to overflow, and they take the scalar
/// function afterwards.
template <class T, std::size_t N>
[[gnu::always_inline]] inline void sigmoid_lanes(const T* x, T* s) {
  using double_vector = vector_of<double, N>;
  using mask_vector = vector_of<std::int64_t, N>;
  double_vector argument;
  mask_vector inside;
  if constexpr (std::same_as<T, float>) {
    vector_of<float, N> xf;
    __builtin_memcpy(&xf, x, sizeof xf);
    argument = -__builtin_convertvector(xf, double_vector);
    inside = (mask_vector)((argument > -708.0) & (argument < 87.0));
    argument = select(inside, argument, double_vector{});
    const vector_of<float, N> sf =
        1.0f /
        __builtin_convertvector(1.0 + exp_kernel_for_float_lanes<N>(argument), vector_of<float, N>);
    __builtin_memcpy(s, &sf, sizeof sf);
  } else {
    double_vector xd;
    __builtin_memcpy(&xd, x, sizeof xd);
    const mask_vector negative = (mask_vector)(xd < 0.0);
    argument = select(negative, -xd, xd);
    inside = (mask_vector)(argument < 708.0);
    argument = select(inside, argument, double_vector{});
    const double_vector q = 1.0 / (1.0 + exp_kernel_lanes<N>(argument));
    const double_vector sd = select(negative, q, 1.0 - q);
    __builtin_memcpy(s, &sd, sizeof sd);
  }
  // One branch on all lanes (an OR of the masks, which compilers vectorise), not one per lane.
  std::int64_t outside = 0;
  for (std::size_t i = 0; i < N; ++i) outside |= ~inside[i];
  if (outside != 0)
    for (std::size_t i = 0; i < N; ++i)
      if (!inside[i]) s[i] = ctnn::sigmoid(x[i]);
}

}  // namespace detail

/// ctnn::sigmoid(x[i]) in every lane, bit for bit: in vectors at run time when the lanes fill a
/// vector of a power-of-two size, lane by lane otherwise.
template <class T, std::size_t N>
[[gnu::always_inline]] constexpr lanes<T, N> sigmoid(const lanes<T, N>& x) {
  lanes<T, N> s;
  if constexpr (std::has_single_bit(N)) {
    if (!std::is_constant_evaluated()) {
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

}  // namespace ctnn

#pragma GCC diagnostic pop
