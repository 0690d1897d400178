// Defines ctnn::tanh: the hyperbolic tangent, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/exp.hpp>

namespace CTNN_NAMESPACE {

/// tanh x = (e^2x - 1) / (e^2x + 1), within [-1, 1] for every finite x.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T tanh(T x) {
  // glibc's tanh errs by up to 2.2 ulp below |x| = 1 and 0.94 ulp above, so staying within 2 ulp
  // of it takes about 0.8 to 1.5 ulp below 1, depending on where, and 1.06 ulp above.
  if (x > -0.75 && x < 0.75) {
    // tanh x = x - x^3 s(x^2), s(z) = (x - tanh x) / x^3 = 1/3 - 2z/15 + ..., here a (3, 3)
    // rational minimax for the relative error on z <= 1, 2^-53.8 with its coefficients rounded.
    // x^3 s is at most 0.18 of tanh x, and its rounding errors shrink as much: within 0.98 ulp,
    // 0.8 below 1/2. Once x^2 underflows, tanh x = x. z is not const: see float_bits.hpp.
    double z = double(x) * double(x);
    return T(
        double(x) -
        double(x) * z *
            ((0x1.5555555555555p-2 + z * (0x1.5ec24bf436607p-6 + z * (0x1.fe19aa54529f3p-13 +
                                                                      z * 0x1.28373989b9ff8p-26))) /
             (1.0 + z * (0x1.db5e07d763cafp-2 +
                         z * (0x1.91a89b6a3a095p-6 + z * 0x1.0a9aec027f23bp-12)))));
  }
  // From |x| = 3/4 on, tanh|x| = 1 - 2 / (1 + e^2|x|) >= 0.63: the roundings of e^2|x|, of the
  // sum and of the quotient shrink by 2 / (1 + e^2|x|) <= 0.37 in the difference: within 1.03 ulp.
  // From |x| = 20 on it rounds to +-1, whatever x is; NaN fails every comparison and returns
  // itself.
  return x < 0.0 ? (x > -20.0 ? T(2.0 / (1.0 + detail::exp_kernel(-2.0 * double(x))) - 1.0) : T(-1))
         : x < 20.0 ? T(1.0 - 2.0 / (1.0 + detail::exp_kernel(2.0 * double(x))))
         : x > 0.0  ? T(1)
                    : x;
}

}  // namespace CTNN_NAMESPACE
