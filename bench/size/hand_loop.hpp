// Defines `ctnn_bench::hand_loop`: SGD on a chain of dense layers written as plain loops, with
// std::exp and std::tanh, the reference against which bench/size times ctnn's step.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <ctnn/activation.hpp>
#include <ctnn/parameters.hpp>
#include <type_traits>
#include <utility>

namespace ctnn_bench {

/// The activations by hand: the C library's exp and tanh.
template <class A, class T>
T hand_value(T net) {
  if constexpr (std::is_same_v<A, ctnn::logistic>) return T(1) / (T(1) + std::exp(-net));
  if constexpr (std::is_same_v<A, ctnn::hyperbolic_tangent>) return std::tanh(net);
  if constexpr (std::is_same_v<A, ctnn::relu>) return net > T(0) ? net : T(0);
}
template <class A, class T>
T hand_slope(T y) {
  if constexpr (std::is_same_v<A, ctnn::logistic>) return y * (T(1) - y);
  if constexpr (std::is_same_v<A, ctnn::hyperbolic_tangent>) return T(1) - y * y;
  if constexpr (std::is_same_v<A, ctnn::relu>) return y > T(0) ? T(1) : T(0);
}

/// Net's layers' weights (row-major, a row per unit) and biases, its units' outputs and errors, in
/// arrays of fixed size; the step is a forward loop and a backward loop per layer. Net must be a
/// chain (each layer reads the one before it).
template <class Net, class T>
class hand_loop {
 public:
  explicit hand_loop(const ctnn::parameters<Net, T>& initial) {
    for (std::size_t i = 0; i < Net::parameter_count; ++i) values_[i] = initial.values[i];
  }

  /// One SGD step on input x, target t; returns the loss before it.
  template <class X, class Y>
  T step(const X& x, const Y& t, T rate) {
    for (std::size_t i = 0; i < Net::input_width; ++i) y_[i] = x[i];
    layers([&](auto layer) { forward<decltype(layer)::value>(); });
    constexpr std::size_t out = Net::template unit_offset<Net::layer_count - 1>;
    using output = typename Net::template activation<Net::layer_count - 1>;
    T loss = 0;
    for (std::size_t o = 0; o < Net::output_width; ++o) {
      const T difference = y_[out + o] - t[o];
      loss += difference * difference;
      delta_[out + o] = T(2) * difference * hand_slope<output>(y_[out + o]);
    }
    reversed_layers([&](auto layer) { backward<decltype(layer)::value>(rate); });
    return loss;
  }

  /// The largest difference from ctnn's parameters, relative to their largest magnitude.
  double largest_difference(const ctnn::parameters<Net, T>& params) const {
    double difference = 0, largest = 0;
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
      difference = std::max(difference, double(std::abs(values_[i] - params.values[i])));
      largest = std::max(largest, double(std::abs(params.values[i])));
    }
    return difference / largest;
  }

 private:
  template <class Visit>
  static void layers(Visit visit) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (visit(std::integral_constant<std::size_t, I + 1>{}), ...);
    }
    (std::make_index_sequence<Net::layer_count - 1>{});
  }
  template <class Visit>
  static void reversed_layers(Visit visit) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (visit(std::integral_constant<std::size_t, Net::layer_count - 1 - I>{}), ...);
    }
    (std::make_index_sequence<Net::layer_count - 1>{});
  }

  template <std::size_t L>
  void forward() {
    constexpr std::size_t in = Net::template width<L - 1>, width = Net::template width<L>;
    const T* w = values_.data() + Net::template weight_offset<L>;
    const T* b = values_.data() + Net::template bias_offset<L>;
    const T* x = y_.data() + Net::template unit_offset<L - 1>;
    T* y = y_.data() + Net::template unit_offset<L>;
    for (std::size_t j = 0; j < width; ++j) {
      T net = w[j * in] * x[0];
      for (std::size_t i = 1; i < in; ++i) net += w[j * in + i] * x[i];
      y[j] = hand_value<typename Net::template activation<L>>(net + b[j]);
    }
  }

  template <std::size_t L>
  void backward(T rate) {
    constexpr std::size_t in = Net::template width<L - 1>, width = Net::template width<L>;
    T* w = values_.data() + Net::template weight_offset<L>;
    T* b = values_.data() + Net::template bias_offset<L>;
    const T* x = y_.data() + Net::template unit_offset<L - 1>;
    T* delta = delta_.data() + Net::template unit_offset<L>;
    T* below = delta_.data() + Net::template unit_offset<L - 1>;  // dE/dy of layer L - 1
    if constexpr (L > 1) std::fill(below, below + in, T(0));
    for (std::size_t j = 0; j < width; ++j) {
      b[j] -= rate * delta[j];
      for (std::size_t i = 0; i < in; ++i) {
        if constexpr (L > 1) below[i] += delta[j] * w[j * in + i];
        w[j * in + i] -= rate * (delta[j] * x[i]);
      }
    }
    if constexpr (L > 1) {
      using activation = typename Net::template activation<L - 1>;
      for (std::size_t i = 0; i < in; ++i) below[i] *= hand_slope<activation>(x[i]);
    }
  }

  std::array<T, Net::parameter_count> values_{};
  std::array<T, Net::unit_count> y_{};
  std::array<T, Net::unit_count> delta_{};
};

}  // namespace ctnn_bench
