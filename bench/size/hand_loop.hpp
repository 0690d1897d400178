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
/// arrays of fixed size; the step is a forward loop and a backward loop per layer, each unit's
/// inputs a loop per source layer (one for a chain; input groups and skip links have more).
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
    // The hidden units' dE/dy, summed over the layers that read them.
    std::fill(delta_.begin() + Net::input_width, delta_.begin() + out, T(0));
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
  static constexpr std::size_t first_dense = Net::input_group_count;

  template <class Visit>
  static void layers(Visit visit) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (visit(std::integral_constant<std::size_t, first_dense + I>{}), ...);
    }
    (std::make_index_sequence<Net::dense_layer_count>{});
  }
  template <class Visit>
  static void reversed_layers(Visit visit) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (visit(std::integral_constant<std::size_t, Net::layer_count - 1 - I>{}), ...);
    }
    (std::make_index_sequence<Net::dense_layer_count>{});
  }
  /// Layer L's inputs as runs of consecutive units, one per source layer: where the run's units
  /// are, how many, where its weights start in a row, and whether they are hidden units.
  struct run {
    std::size_t unit, width, k;
    bool hidden;
  };
  template <std::size_t L>
  static constexpr auto runs = [] {
    std::array<run, Net::template sources<L>.size()> result{};
    constexpr auto offsets = []<std::size_t... S>(std::index_sequence<S...>) {
      return std::array{Net::template unit_offset<S>...};
    }
    (std::make_index_sequence<Net::layer_count + 1>{});
    std::size_t k = 0;
    for (std::size_t r = 0; r < result.size(); ++r) {
      const std::size_t s = Net::template sources<L>[r];
      result[r] = {offsets[s], offsets[s + 1] - offsets[s], k, s >= first_dense};
      k += result[r].width;
    }
    return result;
  }();

  template <std::size_t L>
  void forward() {
    constexpr std::size_t in = Net::template fan_in<L>, width = Net::template width<L>;
    const T* w = values_.data() + Net::template weight_offset<L>;
    const T* b = values_.data() + Net::template bias_offset<L>;
    T* y = y_.data() + Net::template unit_offset<L>;
    for (std::size_t j = 0; j < width; ++j) {
      T net = 0;
      for (const run& r : runs<L>) {
        for (std::size_t i = 0; i < r.width; ++i) net += w[j * in + r.k + i] * y_[r.unit + i];
      }
      y[j] = hand_value<typename Net::template activation<L>>(net + b[j]);
    }
  }

  template <std::size_t L>
  void backward(T rate) {
    constexpr std::size_t in = Net::template fan_in<L>, width = Net::template width<L>;
    T* w = values_.data() + Net::template weight_offset<L>;
    T* b = values_.data() + Net::template bias_offset<L>;
    T* delta = delta_.data() + Net::template unit_offset<L>;
    if constexpr (L + 1 != Net::layer_count) {
      using activation = typename Net::template activation<L>;
      const T* y = y_.data() + Net::template unit_offset<L>;
      for (std::size_t j = 0; j < width; ++j) delta[j] *= hand_slope<activation>(y[j]);
    }
    for (std::size_t j = 0; j < width; ++j) {
      b[j] -= rate * delta[j];
      for (const run& r : runs<L>) {
        for (std::size_t i = 0; i < r.width; ++i) {
          if (r.hidden) delta_[r.unit + i] += delta[j] * w[j * in + r.k + i];
          w[j * in + r.k + i] -= rate * (delta[j] * y_[r.unit + i]);
        }
      }
    }
  }

  std::array<T, Net::parameter_count> values_{};
  std::array<T, Net::unit_count> y_{};
  std::array<T, Net::unit_count> delta_{};
};

}  // namespace ctnn_bench
