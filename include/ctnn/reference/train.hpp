// Defines the reference training: initialisation from N(0, 1), one SGD step, one epoch of the
// homework's SGD (a fresh Fisher-Yates permutation, then one update per pattern), and training.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/initializer.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/reference/forward.hpp>
#include <ctnn/reference/gradient.hpp>
#include <ctnn/reference/random.hpp>
#include <ctnn/update_rule.hpp>
#include <span>

namespace CTNN_NAMESPACE::reference {

/// The number of inputs a unit of the layer that holds parameter i reads.
template <class Net>
constexpr std::size_t fan_in_of_parameter(std::size_t i) {
  std::size_t fan_in = 0;
  for_each_layer<Net>([&](auto layer) {
    constexpr std::size_t L = decltype(layer)::value;
    if (i >= Net::template weight_offset<L>) fan_in = Net::template fan_in<L>;
  });
  return fan_in;
}

/// Every weight and bias drawn in the parameters' order from `law`: N(0, 1) by default (the
/// homework's torch.randn); U(-r, r) as r (2u - 1), u uniform in [0, 1) and r rounded to T, with
/// r = law.radius, or 1/sqrt(fan-in) of the parameter's layer for fan_in_uniform.
template <class Net, class T>
constexpr parameters<Net, T> initialize(pcg32& rng, initializer law = {}) {
  parameters<Net, T> params;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    if (law.distribution == initializer::law::standard_normal) {
      params.values[i] = standard_normal<T>(rng);
    } else {
      const T r = T(law.radius_for(fan_in_of_parameter<Net>(i)));
      params.values[i] = r * (T(2) * uniform_real<T>(rng) - T(1));
    }
  }
  return params;
}

/// One SGD update on one pattern, p = p - rate * dE/dp for every parameter p, the gradient taken
/// at the parameters before the update. Returns the pattern's loss E before the update. (The fast
/// path updates as backprop goes, reading each weight for the error it passes back before it
/// changes: the same bits.)
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr T sgd_step(parameters<Net, T>& params, const X& x, const Y& t, T learning_rate,
                     Loss loss_function = {}) {
  const T error = reference::loss(params, x, t, loss_function);
  const parameters<Net, T> grad = reference::gradient(params, x, t, loss_function);
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    params.values[i] = params.values[i] - learning_rate * grad.values[i];
  }
  return error;
}

/// The order of an epoch: 0, 1, ..., Count - 1, shuffled by Fisher-Yates from rng (the homework's
/// np.random.permutation).
template <std::size_t Count>
constexpr std::array<std::size_t, Count> epoch_order(pcg32& rng) {
  std::array<std::size_t, Count> order{};
  for (std::size_t n = 0; n < Count; ++n) order[n] = n;
  reference::shuffle(std::span(order), rng);
  return order;
}

/// One epoch: every pattern once, in a fresh order from rng, each followed by its own update.
/// Returns the epoch error, the patterns' losses (each before its update) summed in visiting
/// order from 0 (the homework's error_epoch).
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          LossFunction Loss = sum_of_squares>
constexpr T sgd_epoch(parameters<Net, T>& params, const dataset<T, Inputs, Outputs, Count>& data,
                      T learning_rate, pcg32& rng, Loss loss_function = {}) {
  const std::array<std::size_t, Count> order = epoch_order<Count>(rng);
  T error{};
  for (const std::size_t n : order) {
    error = error + reference::sgd_step(params, data.inputs[n], data.targets[n], learning_rate,
                                        loss_function);
  }
  return error;
}

/// An epoch by an update rule (<ctnn/update_rule.hpp>), from the same order as sgd_epoch's: the
/// order cut into batches of rule.batch_size patterns (the last one shorter; every pattern for
/// full_batch), and for each batch, its gradient g, the patterns' gradients summed in batch order
/// from the first; then for every parameter w, g <- g + decay w (if decay != 0), v <- g at the
/// first update and momentum v + g after (if momentum != 0), and w <- w - rate v (or rate g).
/// Returns the epoch error, each pattern's loss taken before its batch's update, summed in
/// visiting order from 0. For online SGD (a batch of one, no momentum, no decay) this is
/// sgd_epoch, bit for bit.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          LossFunction Loss = sum_of_squares>
constexpr T batch_epoch(parameters<Net, T>& params, const dataset<T, Inputs, Outputs, Count>& data,
                        T learning_rate, pcg32& rng, optimizer_state<Net, T>& state,
                        Loss loss_function = {}) {
  const update_rule& rule = state.rule;
  const std::array<std::size_t, Count> order = epoch_order<Count>(rng);
  const std::size_t batch = rule.batch_size < Count ? rule.batch_size : Count;
  const T decay = static_cast<T>(rule.weight_decay), momentum = static_cast<T>(rule.momentum);
  T error{};
  for (std::size_t first = 0; first < Count; first += batch) {
    parameters<Net, T> g;
    for (std::size_t k = first; k < first + batch && k < Count; ++k) {
      const std::size_t n = order[k];
      error = error + reference::loss(params, data.inputs[n], data.targets[n], loss_function);
      const parameters<Net, T> pattern_gradient =
          reference::gradient(params, data.inputs[n], data.targets[n], loss_function);
      for (std::size_t i = 0; i < Net::parameter_count; ++i) {
        g.values[i] =
            k == first ? pattern_gradient.values[i] : g.values[i] + pattern_gradient.values[i];
      }
    }
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
      if (rule.weight_decay != 0) g.values[i] = g.values[i] + decay * params.values[i];
      T step = g.values[i];
      if (rule.momentum != 0) {
        state.velocity.values[i] =
            state.started ? momentum * state.velocity.values[i] + g.values[i] : g.values[i];
        step = state.velocity.values[i];
      }
      params.values[i] = params.values[i] - learning_rate * step;
    }
    if (rule.momentum != 0) state.started = true;
  }
  return error;
}

/// An observer that records nothing.
struct no_observer {
  template <class T>
  constexpr void operator()(std::size_t, T) const {}
};

/// Trains params for `epochs` epochs at learning_rate (rounded to T once), each epoch's order
/// drawn from rng, by online SGD or the optimizer's rule (whose momentum carries from epoch to
/// epoch); observer(epoch, error) sees each epoch's error.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer = no_observer, LossFunction Loss = sum_of_squares>
constexpr void train(parameters<Net, T>& params, const dataset<T, Inputs, Outputs, Count>& data,
                     double learning_rate, std::size_t epochs, pcg32& rng, Observer observer = {},
                     Loss loss_function = {}, optimizer_state<Net, T>* optimizer = nullptr) {
  const auto rate = static_cast<T>(learning_rate);
  for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
    observer(epoch,
             !optimizer || optimizer->rule.is_online_sgd()
                 ? reference::sgd_epoch(params, data, rate, rng, loss_function)
                 : reference::batch_epoch(params, data, rate, rng, *optimizer, loss_function));
  }
}

/// Trains a network of topology Net from a random seed, as the homework does: one
/// pcg32(random_seed) draws every parameter from N(0, 1), then every epoch's order.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer = no_observer, LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> train(const dataset<T, Inputs, Outputs, Count>& data,
                                   double learning_rate, std::size_t epochs,
                                   std::uint64_t random_seed, Observer observer = {},
                                   Loss loss_function = {}, initializer law = {},
                                   const update_rule& rule = {}) {
  pcg32 rng(random_seed);
  parameters<Net, T> params = reference::initialize<Net, T>(rng, law);
  optimizer_state<Net, T> optimizer{rule};
  reference::train(params, data, learning_rate, epochs, rng, observer, loss_function, &optimizer);
  return params;
}

}  // namespace CTNN_NAMESPACE::reference
