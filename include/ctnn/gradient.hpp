// Defines `ctnn::gradient` and `ctnn::loss`: a pattern's loss, and its closed-form gradient by
// backprop.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/backend.hpp>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {

/// The loss of one pattern (input x, target t): by default the homework's E = sum_o (y_o - t_o)^2,
/// no factor 1/2; or another of <ctnn/loss.hpp>, e.g. `ctnn::loss(params, x, t,
/// ctnn::binary_cross_entropy{})`.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr T loss(const parameters<Net, T>& params, const X& x, const Y& t, Loss = {}) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::loss(params, x, t) requires one value in x per input unit");
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::loss(params, x, t) requires one value in t per output unit");
  static_assert(detail::loss_fits<Net, Loss>, CTNN_DETAIL_LOSS_REFUSED);
  // After a failed check, nothing more is instantiated: its message is the only error.
  if constexpr (detail::extent_of<X> != Net::input_width ||
                detail::extent_of<Y> != Net::output_width || !detail::loss_fits<Net, Loss>) {
    return T{};
  } else {
    // The forward pass and loss of training's step, stopped there.
    return detail::backprop<Net>::template step<detail::use::loss, Loss>(
        params.values, detail::data_of(x), detail::data_of(t), nullptr);
  }
}

/// The same for braced lists, `ctnn::loss(params, {1.0, 0.0}, {1.0})`, as predict takes them.
template <class Net, class T, std::size_t NX, std::size_t NY, LossFunction Loss = sum_of_squares>
constexpr T loss(const parameters<Net, T>& params, const std::type_identity_t<T> (&x)[NX],
                 const std::type_identity_t<T> (&t)[NY], Loss loss_function = {}) {
  // The arrays' own types as X and Y pick the form above, with nothing copied.
  return loss<Net, T, std::type_identity_t<T>[NX], std::type_identity_t<T>[NY]>(params, x, t,
                                                                                loss_function);
}

/// dE/dparams for one pattern (input x, target t), in closed form by backprop, laid out as the
/// parameters are; E the homework's loss, or the one given.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> gradient(const parameters<Net, T>& params, const X& x, const Y& t,
                                      Loss = {}) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::gradient(params, x, t) requires one value in x per input unit");
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::gradient(params, x, t) requires one value in t per output unit");
  static_assert(detail::loss_fits<Net, Loss>, CTNN_DETAIL_LOSS_REFUSED);
  parameters<Net, T> grad;
  // After a failed check, nothing more is instantiated: its message is the only error.
  if constexpr (detail::extent_of<X> == Net::input_width &&
                detail::extent_of<Y> == Net::output_width && detail::loss_fits<Net, Loss>)
    detail::backprop<Net>::template step<detail::use::gradient, Loss>(params.values, x, t,
                                                                      grad.values);
  return grad;
}

/// The same for braced lists, `ctnn::gradient(params, {1.0, 0.0}, {1.0})`.
template <class Net, class T, std::size_t NX, std::size_t NY, LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> gradient(const parameters<Net, T>& params,
                                      const std::type_identity_t<T> (&x)[NX],
                                      const std::type_identity_t<T> (&t)[NY],
                                      Loss loss_function = {}) {
  return gradient<Net, T, std::type_identity_t<T>[NX], std::type_identity_t<T>[NY]>(params, x, t,
                                                                                    loss_function);
}

}  // namespace CTNN_NAMESPACE
