// Defines ctnn::log_sum_exp: ln(sum_i e^(v_i)) over a few values, constexpr, without overflow;
// what a softmax layer normalises by, and what categorical cross-entropy reads.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstddef>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log.hpp>
#include <limits>

namespace CTNN_NAMESPACE {

/// ln(e^(v_0) + ... + e^(v_(n-1))) for n >= 1 values, finite for finite values however large: the
/// largest value m apart, m + ln(1 + s) with s = sum over the others of e^(v_i - m), each in
/// (0, 1], so nothing overflows, and ln(1 + s) kept accurate for a small s (as softplus keeps it).
/// A NaN among the values gives NaN; m = +inf gives +inf, all values -inf gives -inf.
template <std::floating_point T, std::size_t N>
requires detail::FitsInDouble<T> &&(N > 0) constexpr T log_sum_exp(const T (&values)[N]) {
  std::size_t largest = 0;
  for (std::size_t i = 0; i < N; ++i) {
    if (values[i] != values[i]) return values[i];
    if (values[i] > values[largest]) largest = i;
  }
  const double m = double(values[largest]);
  // m infinite: +inf, or every value -inf (inf - inf would be NaN, and no constant).
  if (m > std::numeric_limits<double>::max() || m < -std::numeric_limits<double>::max())
    return T(m);
  double s = 0;
  for (std::size_t i = 0; i < N; ++i) {
    if (i != largest) s = s + exp(double(values[i]) - m);
  }
  // ln(1 + s) for s in [0, n - 1]: for a small s, 1 + s has lost s's low bits, and
  // ln(u) s / (u - 1) puts them back (Goldberg 1991, Theorem 4), as in softplus.
  const double u = 1 + s;
  const double log1p_s = u == 1 ? s : log(u) * (s / (u - 1));
  return T(m + log1p_s);
}

}  // namespace CTNN_NAMESPACE
