// Defines ctnn::softplus: ln(1 + e^x), constexpr, without overflow, the log of a logistic unit's
// output taken from its net input (ln s(x) = -softplus(-x)).
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log.hpp>

namespace CTNN_NAMESPACE {

/// softplus(x) = ln(1 + e^x), finite for every finite x: x itself where e^-x is below x's last
/// bit, e^x where e^x is below 1's.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T softplus(T x) {
  // ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|), and e^-|x| is in (0, 1]: nothing overflows. For
  // ln(1 + e) with a small e, 1 + e has lost e's low bits, and ln(u) e / (u - 1) puts them back
  // (Goldberg 1991, Theorem 4: within a few ulp). float goes through double and rounds once.
  if (x != x) return x;
  const double magnitude = x < 0 ? -double(x) : double(x);
  const double e = exp(-magnitude), u = 1 + e;
  const double log1p_e = u == 1 ? e : log(u) * (e / (u - 1));
  return T((x > 0 ? double(x) : 0.0) + log1p_e);
}

}  // namespace CTNN_NAMESPACE
