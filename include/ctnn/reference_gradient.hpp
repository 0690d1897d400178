// Defines `ctnn::dual_gradient` and `ctnn::central_difference_gradient`: two references,
// independent of backprop, against which ctnn checks its closed-form gradients.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/dual.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/parameters.hpp>

namespace CTNN_NAMESPACE {

namespace detail {

template <class T, class X>
constexpr auto to_dual(const X& x) {
  std::array<dual<T>, extent_of<X>> result{};
  for (std::size_t i = 0; i < extent_of<X>; ++i) result[i] = dual<T>(data_of(x)[i]);
  return result;
}

}  // namespace detail

/// dE/dparams by forward-mode automatic differentiation: for each parameter p_i, one forward pass
/// in dual numbers with p_i + 1e yields E + (dE/dp_i)e. Exact up to rounding, and shares no code
/// with backprop beyond the forward pass.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> dual_gradient(const parameters<Net, T>& params, const X& x, const Y& t,
                                           Loss loss_function = {}) {
  const auto dual_x = detail::to_dual<T>(x);
  const auto dual_t = detail::to_dual<T>(t);
  parameters<Net, dual<T>> seeded;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) seeded.values[i] = params.values[i];
  parameters<Net, T> grad;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    seeded.values[i].derivative = T(1);
    grad.values[i] = loss(seeded, dual_x, dual_t, loss_function).derivative;
    seeded.values[i].derivative = T(0);
  }
  return grad;
}

/// dE/dparams by central differences, (E(p + h e_i) - E(p - h e_i)) / 2h for each parameter p_i:
/// truncation error O(h^2), rounding error O(eps / h).
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> central_difference_gradient(const parameters<Net, T>& params,
                                                         const X& x, const Y& t, T step,
                                                         Loss loss_function = {}) {
  parameters<Net, T> shifted = params;
  parameters<Net, T> grad;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    shifted.values[i] = params.values[i] + step;
    const T above = loss(shifted, x, t, loss_function);
    shifted.values[i] = params.values[i] - step;
    const T below = loss(shifted, x, t, loss_function);
    shifted.values[i] = params.values[i];
    grad.values[i] = (above - below) / (T(2) * step);
  }
  return grad;
}

}  // namespace CTNN_NAMESPACE
