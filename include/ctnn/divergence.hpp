// Defines `ctnn::diverged`, when training has diverged, and the stop that compile-time training
// makes there.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fold_limit.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/parameters.hpp>
#include <limits>
#include <utility>

namespace CTNN_NAMESPACE {

/// Training has diverged when the parameters' Euclidean norm passes this bound: far past it some
/// weight is beyond 1e5, where every logistic and tanh unit it feeds is saturated (their slopes
/// vanish beyond net inputs of about 40), so further training only grows the numbers towards
/// overflow.
inline constexpr double divergence_bound = 1e6;

/// The sum of the squares of `values`, in their order: the divergence rule's measure, for a
/// scalar or for lanes, where each lane gets its network's bits (NaN if any value is NaN).
template <class Scalar, std::size_t Count>
constexpr Scalar squared_norm(const Scalar (&values)[Count]) {
  Scalar sum = values[0] * values[0];
  for (std::size_t i = 1; i < Count; ++i) sum += values[i] * values[i];
  return sum;
}

/// Whether a run with this epoch error and these parameters has diverged: the error is not
/// finite, or the parameters' norm is beyond divergence_bound. Comparisons rather than
/// std::isfinite, which is not constexpr; the same answer for every value.
template <class Net, class T>
constexpr bool diverged(T error, const parameters<Net, T>& params) {
  const bool finite =
      error <= std::numeric_limits<T>::max() && error >= std::numeric_limits<T>::lowest();
  return !finite || !(squared_norm(params.values) <= T(divergence_bound * divergence_bound));
}

/// Compile-time training stops at divergence by reaching one of these two, so that the first
/// error line says what happened. Not constexpr, for Clang, which prints its name and then the
/// arguments of the calls that led to it, the epochs trained among them:
inline void training_diverged_at_compile_time_lower_the_learning_rate_or_train_fewer_epochs() {}
/// For GCC, which prints those calls as written, not their values, but prints the value of an
/// index out of bounds: indexed by the epochs trained (1 or more), always out of its bounds.
// GCC's note quotes the line that declares it, the advice included:
// clang-format off
inline constexpr bool training_diverged_at_compile_time_after_epochs[1] = {};  // lower the learning rate, or train fewer epochs
// clang-format on

namespace detail {

/// Compile-time training's stop at divergence after `epochs` epochs. A template, and the call
/// conditional, as a constexpr function that can never be a constant expression is an error.
template <class Rate>
constexpr bool diverged_after_epochs(std::size_t epochs, Rate learning_rate) {
#if defined(__clang__)
  if (learning_rate == learning_rate || epochs == 0)
    training_diverged_at_compile_time_lower_the_learning_rate_or_train_fewer_epochs();
  return true;
#else
  (void)learning_rate;
  return training_diverged_at_compile_time_after_epochs[epochs];
#endif
}

/// The check that compile-time training makes: whether the parameters' norm is within
/// divergence_bound, their squares summed in squared_norm's order. A fold, which costs Clang's
/// constant evaluator one step where a loop costs one per parameter (docs/evaluator-costs.md),
/// up to the longest fold Clang takes; squared_norm's loop beyond.
template <class Indices>
struct bounded_check;
template <std::size_t... I>
struct bounded_check<std::index_sequence<I...>> {
  template <class T, std::size_t Count>
  static constexpr bool holds(const T (&values)[Count]) {
    if constexpr (sizeof...(I) <= fold_term_limit) {
      return (... + (values[I] * values[I])) <= T(divergence_bound * divergence_bound);
    } else {
      return squared_norm(values) <= T(divergence_bound * divergence_bound);
    }
  }
};

}  // namespace detail

}  // namespace CTNN_NAMESPACE
