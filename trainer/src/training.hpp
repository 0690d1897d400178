// Defines the trainer's training loop: ctnn's SGD epoch by epoch, drawing from one generator
// exactly as ctnn::train does, so that every epoch can be watched and the first pattern shown.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <ctnn/train.hpp>
#include <numeric>

namespace ctnn_train {

/// A run has diverged when its epoch error is not finite or a parameter's magnitude passes this
/// bound: far past it every logistic and tanh unit is saturated (their slopes vanish beyond net
/// inputs of about 40), so further training only grows the numbers towards overflow.
inline constexpr double divergence_bound = 1e6;

/// Whether a run with this epoch error and these parameters has diverged (see divergence_bound).
template <class Net, class T>
bool diverged(T error, const ctnn::parameters<Net, T>& params) {
  if (!std::isfinite(error)) return true;
  for (const T value : params.values)
    if (!(std::abs(value) <= T(divergence_bound))) return true;
  return false;
}

/// The pattern that ctnn::sgd_epoch visits first when it draws its order from `rng` (a copy: the
/// caller's generator does not advance).
template <std::size_t Count>
std::size_t first_pattern(ctnn::pcg32 rng) {
  // The same array type and shuffle as sgd_epoch, so the same draws and the same permutation.
  std::size_t order[Count];
  std::iota(order, order + Count, std::size_t{0});
  ctnn::shuffle(order, rng);
  return order[0];
}

/// Runs `epochs` epochs of ctnn::sgd_epoch on params, the orders drawn from rng, calling
/// on_epoch(epoch, error, params) after each. Stops early, returning the epoch, when on_epoch
/// returns false; returns `epochs` otherwise. From `pcg32 rng(seed)` and
/// `params = ctnn::initialize<Net, T>(rng)` this is ctnn::train<Net>(data, {rate, epochs, seed})
/// bit for bit; from `pcg32 rng(seed)` and given parameters, ctnn::train(params, data, ...).
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class OnEpoch>
std::size_t run_epochs(ctnn::parameters<Net, T>& params,
                       const ctnn::dataset<T, Inputs, Outputs, Count>& data, double learning_rate,
                       std::size_t epochs, ctnn::pcg32& rng, OnEpoch on_epoch) {
  // As ctnn::train converts its options' rate.
  const T rate = static_cast<T>(learning_rate);
  for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
    const T error = ctnn::sgd_epoch(params, data, rate, rng);
    if (!on_epoch(epoch, error, static_cast<const ctnn::parameters<Net, T>&>(params))) return epoch;
  }
  return epochs;
}

}  // namespace ctnn_train
