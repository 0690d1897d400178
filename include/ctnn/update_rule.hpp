// Defines `ctnn::update_rule`: how training turns gradients into updates. Online SGD (the
// homework's, the default), mini-batches or the full batch, with PyTorch's momentum and weight
// decay; and `ctnn::optimizer_state`, the momentum that a run carries from update to update.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/parameters.hpp>

namespace CTNN_NAMESPACE {

/// A batch size for every pattern of the data: one update an epoch, the 1986 paper's "sweep".
inline constexpr std::size_t full_batch = static_cast<std::size_t>(-1);

/// How an epoch updates the parameters. Every epoch visits the patterns in a fresh permutation
/// (as the homework's), cut into batches of batch_size consecutive patterns (the last one shorter
/// if batch_size does not divide the data; full_batch: one batch). A batch's gradient g is the
/// sum, not the mean, of its patterns' gradients, in its order (a mean is the sum at rate / B,
/// and with the sum a batch of one is the homework's step). Then, for every parameter w:
///   g <- g + weight_decay w                         (if weight_decay != 0; PyTorch's weight_decay)
///   v <- g at the first update, momentum v + g after (if momentum != 0; PyTorch's SGD, no
///        dampening: the 1986 paper's dw(t) = -rate g + momentum dw(t - 1), as v = -dw / rate)
///   w <- w - rate v (or rate g without momentum).
/// The defaults are the homework's online SGD: one pattern, no momentum, no decay.
struct update_rule {
  std::size_t batch_size = 1;
  double momentum = 0;
  double weight_decay = 0;

  /// True for the homework's rule, which training runs as a step per pattern.
  constexpr bool is_online_sgd() const {
    return batch_size == 1 && momentum == 0 && weight_decay == 0;
  }
  friend constexpr bool operator==(const update_rule&, const update_rule&) = default;
};

/// An update rule and what it carries between updates: momentum's v, and whether it has started
/// (the first update sets v = g). A literal type, so training with momentum runs at compile time
/// too.
template <class Net, class T>
struct optimizer_state {
  update_rule rule{};
  parameters<Net, T> velocity{};
  bool started = false;
  friend constexpr bool operator==(const optimizer_state&, const optimizer_state&) = default;
};

namespace detail {

/// One update by state.rule from the batch gradient g (which the decay changes): the equations
/// above, parameter by parameter.
template <class Net, class T>
constexpr void apply_update(parameters<Net, T>& params, parameters<Net, T>& g, T learning_rate,
                            optimizer_state<Net, T>& state) {
  const update_rule& rule = state.rule;
  const T decay = static_cast<T>(rule.weight_decay), momentum = static_cast<T>(rule.momentum);
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    if (rule.weight_decay != 0) g.values[i] = g.values[i] + decay * params.values[i];
    if (rule.momentum != 0) {
      state.velocity.values[i] =
          state.started ? momentum * state.velocity.values[i] + g.values[i] : g.values[i];
      params.values[i] = params.values[i] - learning_rate * state.velocity.values[i];
    } else {
      params.values[i] = params.values[i] - learning_rate * g.values[i];
    }
  }
  if (rule.momentum != 0) state.started = true;
}

}  // namespace detail

}  // namespace CTNN_NAMESPACE
