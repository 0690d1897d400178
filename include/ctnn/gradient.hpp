// Defines `ctnn::gradient` and `ctnn::loss`: the closed-form gradient of the loss by backprop.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/layer_layout.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <utility>

namespace ctnn {

namespace detail {

/// A dense layer's backward pass, derived by hand, with the packs of forward_layer. On entry
/// error[u] = dE/dy_u for the layer's units u: every layer that reads this one comes later and
/// was visited first. For unit j:
///   delta_j = dE/dnet_j = dE/dy_j g'(net_j)   (g' written through y_j),
///   dE/db_j = delta_j,   dE/dw[j][k] = delta_j x_k,
/// and each hidden source unit s of input k gains dE/dy_s += delta_j w[j][k]; inputs have no
/// parameters behind them, so they need no error. delta_j replaces dE/dy_j in error[], which
/// nothing reads again. The first contribution to dE/dy_s (unit 0 of the last layer reading s)
/// is stored rather than added to a zero: error[] starts uninitialised, and the step's longest
/// dependency chain at run time is one addition shorter.
///
/// Each unit is one statement, as Clang charges every statement against its constexpr step
/// budget.
template <class Layout>
struct backward_layer;

template <class Activation, std::size_t InputWidth, std::size_t FirstUnit, std::size_t Weights,
          std::size_t Biases, std::size_t... J, std::size_t... K, std::size_t... S,
          std::size_t... F>
struct backward_layer<layer_constants<Activation, InputWidth, FirstUnit, Weights, Biases,
                                      std::index_sequence<J...>, std::index_sequence<K...>,
                                      std::index_sequence<S...>, std::index_sequence<F...>>> {
  /// Writes dE/dparams of the layer to grad.
  template <class T>
  static constexpr void gradient(const T* params, const T* units, T* error, T* grad) {
    (gradient_unit<J>(params, units, error, grad), ...);
  }

  /// params -= rate * dE/dparams for the layer, each weight read for the error it passes back
  /// before it changes: the same arithmetic as gradient, then descent.
  template <class T>
  static constexpr void descend(T* params, const T* units, T* error, T rate) {
    (descend_unit<J>(params, units, error, rate), ...);
  }

 private:
  template <std::size_t Unit, class T>
  static constexpr void gradient_unit(const T* params, const T* units, T* error, T* grad) {
    error[FirstUnit + Unit] *= Activation::slope(units[FirstUnit + Unit]),
        grad[Biases + Unit] = error[FirstUnit + Unit],
                      ((grad[Weights + Unit * sizeof...(K) + K] =
                            error[FirstUnit + Unit] * units[S],
                        S < InputWidth ? void()
                        : Unit == 0 && F
                            ? void(error[S] = error[FirstUnit + Unit] *
                                              params[Weights + Unit * sizeof...(K) + K])
                            : void(error[S] += error[FirstUnit + Unit] *
                                               params[Weights + Unit * sizeof...(K) + K])),
                       ...);
  }

  template <std::size_t Unit, class T>
  static constexpr void descend_unit(T* params, const T* units, T* error, T rate) {
    error[FirstUnit + Unit] *= Activation::slope(units[FirstUnit + Unit]),
        params[Biases + Unit] -= rate * error[FirstUnit + Unit],
        ((S < InputWidth ? void()
          : Unit == 0 && F
              ? void(error[S] = error[FirstUnit + Unit] * params[Weights + Unit * sizeof...(K) + K])
              : void(error[S] +=
                     error[FirstUnit + Unit] * params[Weights + Unit * sizeof...(K) + K]),
          params[Weights + Unit * sizeof...(K) + K] -= rate * (error[FirstUnit + Unit] * units[S])),
         ...);
  }
};

/// One pattern's forward pass, loss and backward pass, the inputs I, dense layers L (0 .. n-1),
/// outputs O and output units U (the position of output O among all units) as packs, for the
/// seed's loss E = sum_o (y_o - t_o)^2 (no factor 1/2, so dE/dy_o = 2 (y_o - t_o)).
template <class Net, class Inputs = std::make_index_sequence<Net::input_width>,
          class Layers = std::make_index_sequence<Net::layer_count - 1>,
          class Outputs = std::make_index_sequence<Net::output_width>,
          class OutputUnits =
              offset_sequence<Net::template unit_offset<Net::layer_count - 1>, Net::output_width>>
struct backprop;

template <class Net, std::size_t... I, std::size_t... L, std::size_t... O, std::size_t... U>
struct backprop<Net, std::index_sequence<I...>, std::index_sequence<L...>,
                std::index_sequence<O...>, std::index_sequence<U...>> {
  static constexpr std::size_t last_layer = Net::layer_count - 1;

  /// Writes dE/dparams to grad and returns E.
  template <class T>
  static constexpr T gradient(const T* params, const T* x, const T* target, T* grad) {
    T units[Net::unit_count];
    T error[Net::unit_count];
    // The forward pass (forward_network's folds, inline: a call costs constant evaluation steps),
    // then dE/dy_o = 2 (y_o - t_o) and E.
    ((units[I] = x[I]), ...);
    (forward_layer<layer_layout<Net, L + 1>>::apply(params, units), ...);
    ((error[U] = T(2) * (units[U] - target[O])), ...);
    const T loss = (... + ((units[U] - target[O]) * (units[U] - target[O])));
    // The layers in reverse: last_layer - L runs from n down to 1.
    (backward_layer<layer_layout<Net, last_layer - L>>::gradient(params, units, error, grad), ...);
    return loss;
  }

  /// params -= rate * dE/dparams; returns E before the update. The same passes as gradient, with
  /// descent in place of writing the gradient.
  template <class T>
  static constexpr T descend(T* params, const T* x, const T* target, T rate) {
    T units[Net::unit_count];
    T error[Net::unit_count];
    ((units[I] = x[I]), ...);
    (forward_layer<layer_layout<Net, L + 1>>::apply(params, units), ...);
    ((error[U] = T(2) * (units[U] - target[O])), ...);
    const T loss = (... + ((units[U] - target[O]) * (units[U] - target[O])));
    (backward_layer<layer_layout<Net, last_layer - L>>::descend(params, units, error, rate), ...);
    return loss;
  }
};

}  // namespace detail

/// The seed's loss of one pattern (input x, target t): E = sum_o (y_o - t_o)^2, no factor 1/2.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y>
constexpr T loss(const parameters<Net, T>& params, const X& x, const Y& t) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::loss(params, x, t) requires one value in x per input unit");
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::loss(params, x, t) requires one value in t per output unit");
  T units[Net::unit_count];
  detail::forward_network<Net>::apply(params.values, detail::data_of(x), units);
  constexpr std::size_t first_output = Net::template unit_offset<Net::layer_count - 1>;
  T sum =
      (units[first_output] - detail::data_of(t)[0]) * (units[first_output] - detail::data_of(t)[0]);
  for (std::size_t o = 1; o < Net::output_width; ++o) {
    const T difference = units[first_output + o] - detail::data_of(t)[o];
    sum += difference * difference;
  }
  return sum;
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
  detail::backprop<Net>::gradient(params.values, detail::data_of(x), detail::data_of(t),
                                  grad.values);
  return grad;
}

}  // namespace ctnn
