// Defines `ctnn::dual`, a forward-mode dual number: a value and its derivative along one direction.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <compare>
#include <concepts>
#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log.hpp>
#include <ctnn/math/log_sum_exp.hpp>
#include <ctnn/math/sigmoid.hpp>
#include <ctnn/math/softplus.hpp>
#include <ctnn/math/sqrt.hpp>
#include <ctnn/math/tanh.hpp>

namespace CTNN_NAMESPACE {

/// A dual number a + b e with e^2 = 0: evaluating f on (x, 1) yields (f(x), f'(x)). ctnn uses it
/// as an independent reference for its hand-derived gradients.
template <std::floating_point T>
struct dual {
  using value_type = T;

  T value{};
  T derivative{};

  constexpr dual() = default;
  constexpr dual(T v, T d = T(0)) : value(v), derivative(d) {}

  friend constexpr dual operator+(dual a, dual b) {
    return {a.value + b.value, a.derivative + b.derivative};
  }
  friend constexpr dual operator-(dual a, dual b) {
    return {a.value - b.value, a.derivative - b.derivative};
  }
  friend constexpr dual operator-(dual a) { return {-a.value, -a.derivative}; }
  /// (a + a'e)(b + b'e) = ab + (a'b + ab')e.
  friend constexpr dual operator*(dual a, dual b) {
    return {a.value * b.value, a.derivative * b.value + a.value * b.derivative};
  }
  /// (a + a'e) / (b + b'e) = a/b + ((a'b - ab') / b^2)e.
  friend constexpr dual operator/(dual a, dual b) {
    return {a.value / b.value,
            (a.derivative * b.value - a.value * b.derivative) / (b.value * b.value)};
  }
  constexpr dual& operator+=(dual other) { return *this = *this + other; }
  constexpr dual& operator-=(dual other) { return *this = *this - other; }
  constexpr dual& operator*=(dual other) { return *this = *this * other; }
  constexpr dual& operator/=(dual other) { return *this = *this / other; }

  /// Comparisons look at the value only: branches (ReLU) follow the primal computation.
  friend constexpr bool operator==(dual a, dual b) { return a.value == b.value; }
  friend constexpr auto operator<=>(dual a, dual b) { return a.value <=> b.value; }
};

/// exp(a + a'e) = exp(a) + a' exp(a) e.
template <class T>
constexpr dual<T> exp(dual<T> x) {
  const T e = exp(x.value);
  return {e, x.derivative * e};
}
/// log(a + a'e) = log(a) + (a' / a) e.
template <class T>
constexpr dual<T> log(dual<T> x) {
  return {log(x.value), x.derivative / x.value};
}
/// sqrt(a + a'e) = sqrt(a) + (a' / (2 sqrt(a))) e.
template <class T>
constexpr dual<T> sqrt(dual<T> x) {
  const T root = sqrt(x.value);
  return {root, x.derivative / (T(2) * root)};
}
/// tanh(a + a'e) = tanh(a) + a' sech^2(a) e, with sech^2(a) = 4 e^-2|a| / (1 + e^-2|a|)^2 taken
/// from the definition rather than from 1 - tanh^2, so that it checks backprop's identity.
template <class T>
constexpr dual<T> tanh(dual<T> x) {
  const T e = exp(T(-2) * (x.value < T(0) ? -x.value : x.value));
  return {tanh(x.value), x.derivative * (T(4) * e / ((T(1) + e) * (T(1) + e)))};
}
/// s(a + a'e) = s(a) + a' s'(a) e for the logistic sigmoid s, with s'(a) = e^-|a| / (1 + e^-|a|)^2
/// taken from the definition rather than from s (1 - s), so that it checks backprop's identity.
template <class T>
constexpr dual<T> sigmoid(dual<T> x) {
  const T e = exp(x.value < T(0) ? x.value : -x.value);
  return {sigmoid(x.value), x.derivative * (e / ((T(1) + e) * (T(1) + e)))};
}

/// softplus(a + a'e) = softplus(a) + a' s(a) e, s the logistic sigmoid: softplus' = s.
template <class T>
constexpr dual<T> softplus(dual<T> x) {
  return {softplus(x.value), x.derivative * sigmoid(x.value)};
}

/// log_sum_exp(a_i + a_i' e) = L + (sum_i e^(a_i - L) a_i') e, L = log_sum_exp(a): its partial
/// derivatives are the softmax of the a_i. Each weight e^(a_i - L) is at most 1.
template <class T, std::size_t N>
constexpr dual<T> log_sum_exp(const dual<T> (&x)[N]) {
  T values[N]{};
  for (std::size_t i = 0; i < N; ++i) values[i] = x[i].value;
  const T total = log_sum_exp(values);
  T derivative = exp(values[0] - total) * x[0].derivative;
  for (std::size_t i = 1; i < N; ++i)
    derivative = derivative + exp(values[i] - total) * x[i].derivative;
  return {total, derivative};
}

}  // namespace CTNN_NAMESPACE
