// Defines ctnn::sigmoid: the logistic function, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/exp.hpp>

namespace CTNN_NAMESPACE {

/// The logistic function s(x) = 1 / (1 + e^-x), within [0, 1] for every finite x.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T sigmoid(T x) {
  // double: s(x) = 1 / (1 + e^-x) for x < 0 and 1 - s(-x) for x >= 0, so that s(x) + s(-x) = 1
  // but for the last rounding. For x < 0, e^-x, 1 + e^-x and the quotient round once each:
  // within 2.5 ulp (2.44 seen), and the tail s(x) ~ e^x keeps its relative precision. For x >= 0
  // the same errors in s(-x) <= 1/2 shrink in the difference: within 1.5 ulp, and s(x) < 1 up
  // to x = 37.4 as it should. Correcting the rounding of 1 + e^-x would cost a tenth more work
  // in the function that compile-time training runs most.
  // float: 1 / (1 + e^-x) for every x, 1 + e^-x in double from the short kernel (within 2^-41)
  // and rounded to float once, the quotient in float: two roundings, within 1 ulp of s(x) but
  // 1.5 just below s = 1/2, where the result's ulp halves (1.49 measured at x = -0.0023:
  // docs/numerics.md); with neither a branch on the sign nor a subtraction after a double
  // division, as quick as one written with std::exp and floats.
  // Past |x| = 708, e^|x| leaves the kernel's range: s(x) is 1 above, e^x below (subnormal, where
  // 1 + e^x = 1); for float, below -87 already, where 1 + e^-x overflows float and s(x) = e^x to
  // 2^-125. NaN fails every comparison and returns itself.
  return std::same_as<T, float>
             ? (x > -87.0 && x < 708.0 ? T(1) / T(1.0 + detail::exp_kernel_for_float(-double(x)))
                : x < 0.0              ? ctnn::exp(x)
                : x > 0.0              ? T(1)
                                       : x)
         : x < 0.0   ? (x > -708.0 ? T(1.0 / (1.0 + detail::exp_kernel(-double(x)))) : ctnn::exp(x))
         : x < 708.0 ? T(1.0 - 1.0 / (1.0 + detail::exp_kernel(double(x))))
         : x > 0.0   ? T(1)
                     : x;
}

}  // namespace CTNN_NAMESPACE
