// Defines `ctnn::train`, `ctnn::sgd_epoch` and `ctnn::sgd_step`: the seed's stochastic gradient
// descent, one pattern at a time in a fresh random order every epoch.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <span>
#include <type_traits>
#include <utility>

namespace ctnn {

/// The seed's training settings: its Problem 1 uses learning rate 0.05 and 5000 epochs.
struct training_options {
  double learning_rate = 0.05;
  std::size_t epochs = 5000;
  /// Seeds the pcg32 that draws the initial parameters, then every epoch's pattern order.
  std::uint64_t seed = 1;
};

/// An observer that records nothing: train's default.
struct no_observer {
  template <class T>
  constexpr void operator()(std::size_t, T) const {}
};

namespace detail {

template <class Net, class T, std::size_t Inputs, std::size_t Outputs>
constexpr void check_dataset_widths() {
  static_assert(Inputs == Net::input_width,
                "ctnn::train(data, options) requires patterns with one input per input unit");
  static_assert(Outputs == Net::output_width,
                "ctnn::train(data, options) requires patterns with one target per output unit");
}

template <std::size_t... I>
constexpr void iota(std::size_t* order, std::index_sequence<I...>) {
  ((order[I] = I), ...);
}

}  // namespace detail

/// One SGD update on one pattern: params -= learning_rate * dE/dparams. Returns the pattern's
/// loss E before the update.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y>
constexpr T sgd_step(parameters<Net, T>& params, const X& x, const Y& y, T learning_rate) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::sgd_step(params, x, y, rate) requires one value in x per input unit");
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::sgd_step(params, x, y, rate) requires one value in y per output unit");
  return detail::backprop<Net>::step(params.values, x, y, learning_rate);
}

namespace detail {

/// An epoch as sgd_epoch describes it, the positions N of its patterns as a pack. Up to
/// unrolled_shuffle_limit patterns (the limit that keeps Clang's folds short) the updates are one
/// fold, so that constant evaluation charges no loop bookkeeping; beyond, a loop.
template <class Positions>
struct epoch_runner;

template <std::size_t... N>
struct epoch_runner<std::index_sequence<N...>> {
  /// The epoch; returns its error.
  template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
  static constexpr T descend(parameters<Net, T>& params,
                             const dataset<T, Inputs, Outputs, Count>& data, T learning_rate,
                             pcg32& rng) {
    std::size_t order[Count] = {N...};
    shuffle(order, rng);
    T error{};
    if constexpr (Count <= unrolled_shuffle_limit) {
      ((error += backprop<Net>::step(params.values, data.inputs[order[N]], data.targets[order[N]],
                                     learning_rate)),
       ...);
    } else {
      for (std::size_t n = 0; n < Count; ++n)
        error += backprop<Net>::step(params.values, data.inputs[order[n]], data.targets[order[n]],
                                     learning_rate);
    }
    return error;
  }

  /// The same epoch, the same updates, for training that never reads the epoch error: it is not
  /// computed.
  template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
  static constexpr void update(parameters<Net, T>& params,
                               const dataset<T, Inputs, Outputs, Count>& data, T learning_rate,
                               pcg32& rng) {
    std::size_t order[Count] = {N...};
    shuffle(order, rng);
    if constexpr (Count <= unrolled_shuffle_limit) {
      (backprop<Net>::template step<use::descent_without_loss>(
           params.values, data.inputs[order[N]], data.targets[order[N]], learning_rate),
       ...);
    } else {
      for (std::size_t n = 0; n < Count; ++n)
        backprop<Net>::template step<use::descent_without_loss>(
            params.values, data.inputs[order[n]], data.targets[order[n]], learning_rate);
    }
  }
};

}  // namespace detail

/// One epoch: every pattern once, in a fresh permutation drawn from rng (as the seed's
/// np.random.permutation), each followed by its update. Returns the epoch error: the sum of the
/// patterns' losses, each taken before its own update.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
constexpr T sgd_epoch(parameters<Net, T>& params, const dataset<T, Inputs, Outputs, Count>& data,
                      T learning_rate, pcg32& rng) {
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  return detail::epoch_runner<std::make_index_sequence<Count>>::descend(params, data, learning_rate,
                                                                        rng);
}

namespace detail {

template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer>
constexpr void run_epochs(parameters<Net, T>& params,
                          const dataset<T, Inputs, Outputs, Count>& data,
                          const training_options& options, pcg32& rng, Observer& observer) {
  const T rate = static_cast<T>(options.learning_rate);
  for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
    if constexpr (std::is_same_v<Observer, no_observer>) {
      // The default observer never sees the epoch error: it is not computed.
      epoch_runner<std::make_index_sequence<Count>>::update(params, data, rate, rng);
    } else {
      const T error =
          epoch_runner<std::make_index_sequence<Count>>::descend(params, data, rate, rng);
      if constexpr (std::is_same_v<decltype(observer(epoch, error)), bool>) {
        if (!observer(epoch, error)) break;
      } else {
        observer(epoch, error);
      }
    }
  }
}

}  // namespace detail

/// Continues training params on data for options.epochs epochs, the pattern orders drawn from a
/// pcg32 seeded with options.seed. After each epoch, observer(epoch, error) sees the epoch error;
/// an observer that returns bool stops training by returning false (e.g. on a NaN error).
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer = no_observer>
constexpr parameters<Net, T> train(parameters<Net, T> params,
                                   const dataset<T, Inputs, Outputs, Count>& data,
                                   const training_options& options, Observer observer = {}) {
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  pcg32 rng(options.seed);
  detail::run_epochs(params, data, options, rng, observer);
  return params;
}

/// Trains a network of topology Net on data as the seed does: every parameter drawn from N(0, 1)
/// by a pcg32 seeded with options.seed, then options.epochs epochs of per-pattern SGD whose
/// pattern orders come from the same generator.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer = no_observer>
constexpr parameters<Net, T> train(const dataset<T, Inputs, Outputs, Count>& data,
                                   const training_options& options, Observer observer = {}) {
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  pcg32 rng(options.seed);
  parameters<Net, T> params = initialize<Net, T>(rng);
  detail::run_epochs(params, data, options, rng, observer);
  return params;
}

}  // namespace ctnn
