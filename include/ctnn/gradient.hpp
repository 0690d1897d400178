// Defines `ctnn::gradient` and `ctnn::loss`: the closed-form gradient of the loss by backprop.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/backend.hpp>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <type_traits>
#include <utility>

namespace ctnn {

/// The homework's loss of one pattern (input x, target t): E = sum_o (y_o - t_o)^2, no factor 1/2.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y>
constexpr T loss(const parameters<Net, T>& params, const X& x, const Y& t) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::loss(params, x, t) requires one value in x per input unit");
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::loss(params, x, t) requires one value in t per output unit");
  // After a failed width check, nothing more is instantiated: its message is the only error.
  if constexpr (detail::extent_of<X> != Net::input_width ||
                detail::extent_of<Y> != Net::output_width) {
    return T{};
  } else {
    // The forward pass and loss of training's step, stopped there.
    return detail::backprop<Net>::template step<detail::use::loss>(
        params.values, detail::data_of(x), detail::data_of(t), nullptr);
  }
}

/// The same for braced lists, `ctnn::loss(params, {1.0, 0.0}, {1.0})`, as predict takes them.
template <class Net, class T, std::size_t NX, std::size_t NY>
constexpr T loss(const parameters<Net, T>& params, const std::type_identity_t<T> (&x)[NX],
                 const std::type_identity_t<T> (&t)[NY]) {
  // The arrays' own types as X and Y pick the form above, with nothing copied.
  return loss<Net, T, std::type_identity_t<T>[NX], std::type_identity_t<T>[NY]>(params, x, t);
}

/// dE/dparams for one pattern (input x, target t), in closed form by backprop, laid out as the
/// parameters are.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y>
constexpr parameters<Net, T> gradient(const parameters<Net, T>& params, const X& x, const Y& t) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::gradient(params, x, t) requires one value in x per input unit");
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::gradient(params, x, t) requires one value in t per output unit");
  parameters<Net, T> grad;
  // After a failed width check, nothing more is instantiated: its message is the only error.
  if constexpr (detail::extent_of<X> == Net::input_width &&
                detail::extent_of<Y> == Net::output_width)
    detail::backprop<Net>::template step<detail::use::gradient>(params.values, x, t, grad.values);
  return grad;
}

/// The same for braced lists, `ctnn::gradient(params, {1.0, 0.0}, {1.0})`.
template <class Net, class T, std::size_t NX, std::size_t NY>
constexpr parameters<Net, T> gradient(const parameters<Net, T>& params,
                                      const std::type_identity_t<T> (&x)[NX],
                                      const std::type_identity_t<T> (&t)[NY]) {
  return gradient<Net, T, std::type_identity_t<T>[NX], std::type_identity_t<T>[NY]>(params, x, t);
}

}  // namespace ctnn
