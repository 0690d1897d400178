// Defines `ctnn::train`, `ctnn::sgd_epoch` and `ctnn::sgd_step`: the homework's stochastic gradient
// descent, one pattern at a time in a fresh random order every epoch.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ctnn/compile_time_budget.hpp>
#include <ctnn/dataset.hpp>
#include <ctnn/detail/fixed_vector.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/divergence.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <ctnn/update_rule.hpp>
#include <span>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {

namespace detail {

/// False for every type: a static_assert on it fails where, and only where, it is instantiated.
template <class>
inline constexpr bool stated = false;

/// A setting of training_options with no default: a braced list that leaves it out calls the
/// default constructor, which stops the compile saying so. Given, it reads as the T it holds.
template <class T>
struct required {
  T value;
  constexpr required(T given) noexcept : value(given) {}
  template <class Unstated = T>
  constexpr required() noexcept : value{} {
    static_assert(stated<Unstated>,
                  "ctnn::training_options has no default learning rate or number of epochs: state "
                  "both, {.learning_rate = ..., .epochs = ...}");
  }
  constexpr operator T() const noexcept { return value; }
};

}  // namespace detail

/// How train runs. The learning rate and the number of epochs have no default: ctnn has none of
/// its own to offer (the homework's are ctnn::homework::problem_1_options and the others, in
/// <ctnn/presets/homework.hpp>), and a run silently trained at rate 0 or for 0 epochs would be
/// worse than a compile error. Each reads as the double or std::size_t it holds.
struct training_options {
  detail::required<double> learning_rate;
  detail::required<std::size_t> epochs;
  /// Seeds the pcg32 that draws the initial parameters, then every epoch's pattern order. Unlike
  /// the other two it has a default, 1: no seed is better than another, and a run that states
  /// none is still reproducible.
  std::uint64_t random_seed = 1;
  /// The law of the initial parameters, drawn first from that generator: N(0, 1) (the homework's),
  /// or e.g. ctnn::initializer::uniform(0.3) (<ctnn/initializer.hpp>).
  initializer initial_parameters = {};
  /// How the epochs update the parameters: online SGD (the homework's), or mini-batches or the
  /// full batch, with momentum and weight decay (<ctnn/update_rule.hpp>).
  update_rule update = {};
};

/// An observer that records nothing: train's default.
struct no_observer {
  template <class T>
  constexpr void operator()(std::size_t, T) const {}
};

/// A training run in progress: the parameters, the generator that draws every epoch's pattern
/// order where the last epoch left it, and how many epochs it has trained. Training a run for
/// 8000 epochs in chunks of any size is training it for 8000 epochs, bit for bit.
template <class Net, class T>
struct training_run {
  parameters<Net, T> params;
  pcg32 rng;
  std::size_t epochs_trained = 0;
  /// How it updates, and the momentum it carries (<ctnn/update_rule.hpp>).
  optimizer_state<Net, T> optimizer = {};
};

/// A new run as train<Net>(data, options) starts one with options.random_seed: every parameter
/// drawn from N(0, 1) (or the law given) by pcg32(random_seed), whose next draws order the epochs,
/// updated by the rule given (online SGD by default).
template <class Net, class T>
constexpr training_run<Net, T> start_training(std::uint64_t random_seed, initializer law = {},
                                              update_rule rule = {}) {
  pcg32 rng(random_seed);
  const parameters<Net, T> params = initialize<Net, T>(rng, law);
  return {params, rng, 0, {rule}};
}

namespace detail {

/// Whether patterns of Inputs values and Outputs targets fit Net. After a failed width check a
/// function instantiates nothing more, so that the check's message is the only error.
template <class Net, std::size_t Inputs, std::size_t Outputs>
inline constexpr bool widths_fit = Inputs == Net::input_width&& Outputs == Net::output_width;

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

/// One SGD update on one pattern: params -= learning_rate * dE/dparams, E the homework's loss or
/// the one given (<ctnn/loss.hpp>). Returns the pattern's loss E before the update.
template <class Net, class T, detail::FixedVector<T> X, detail::FixedVector<T> Y,
          LossFunction Loss = sum_of_squares>
constexpr T sgd_step(parameters<Net, T>& params, const X& x, const Y& y, T learning_rate,
                     Loss = {}) {
  static_assert(detail::extent_of<X> == Net::input_width,
                "ctnn::sgd_step(params, x, y, rate) requires one value in x per input unit");
  static_assert(detail::extent_of<Y> == Net::output_width,
                "ctnn::sgd_step(params, x, y, rate) requires one value in y per output unit");
  static_assert(detail::loss_fits<Net, Loss>, CTNN_DETAIL_LOSS_REFUSED);
  if constexpr (!detail::widths_fit<Net, detail::extent_of<X>, detail::extent_of<Y>> ||
                !detail::loss_fits<Net, Loss>)
    return T{};
  else
    return detail::backprop<Net>::template step<detail::use::descent, Loss>(params.values, x, y,
                                                                            learning_rate);
}

/// The same for braced lists, `ctnn::sgd_step(params, {1.0, 0.0}, {1.0}, rate)`.
template <class Net, class T, std::size_t NX, std::size_t NY, LossFunction Loss = sum_of_squares>
constexpr T sgd_step(parameters<Net, T>& params, const std::type_identity_t<T> (&x)[NX],
                     const std::type_identity_t<T> (&y)[NY], T learning_rate,
                     Loss loss_function = {}) {
  // The arrays' own types as X and Y pick the form above, with nothing copied.
  return sgd_step<Net, T, std::type_identity_t<T>[NX], std::type_identity_t<T>[NY]>(
      params, x, y, learning_rate, loss_function);
}

namespace detail {

/// An epoch as sgd_epoch describes it, the positions N of its patterns as a pack. Up to
/// unrolled_shuffle_limit patterns (the limit that keeps Clang's folds short) the updates are one
/// fold, so that constant evaluation charges no loop bookkeeping; beyond, a loop.
template <class Positions>
struct epoch_runner;

template <std::size_t... N>
struct epoch_runner<std::index_sequence<N...>> {
  /// The epoch. With use::descent it returns the epoch error; with use::descent_without_loss,
  /// for training that never reads it, the error is not computed and it returns nothing.
  template <use Use, class Loss, class Net, class T, std::size_t Inputs, std::size_t Outputs,
            std::size_t Count>
  static constexpr auto run(parameters<Net, T>& params,
                            const dataset<T, Inputs, Outputs, Count>& data, T learning_rate,
                            pcg32& rng) {
    std::size_t order[Count] = {N...};
    shuffle(order, rng);
    // Each use instantiates its own step only, where a conditional names both: cheaper for the
    // evaluators (docs/evaluator-costs.md).
    if constexpr (Use == use::descent) {
      T error{};
      if constexpr (Count <= unrolled_shuffle_limit) {
        ((error += backprop<Net>::template step<use::descent, Loss>(
              params.values, data.inputs[order[N]], data.targets[order[N]], learning_rate)),
         ...);
      } else {
        for (std::size_t n = 0; n < Count; ++n)
          error += backprop<Net>::template step<use::descent, Loss>(
              params.values, data.inputs[order[n]], data.targets[order[n]], learning_rate);
      }
      return error;
    } else if constexpr (Count <= unrolled_shuffle_limit) {
      (backprop<Net>::template step<Use, Loss>(params.values, data.inputs[order[N]],
                                               data.targets[order[N]], learning_rate),
       ...);
    } else {
      for (std::size_t n = 0; n < Count; ++n)
        backprop<Net>::template step<Use, Loss>(params.values, data.inputs[order[n]],
                                                data.targets[order[n]], learning_rate);
    }
  }
};

}  // namespace detail

/// The order in which sgd_epoch visits `Count` patterns when it draws from a generator in rng's
/// state; rng itself is a copy and does not advance.
template <std::size_t Count>
constexpr std::array<std::size_t, Count> epoch_order(pcg32 rng) {
  // The same array and shuffle as epoch_runner, so the same draws and the same permutation.
  std::size_t order[Count];
  for (std::size_t n = 0; n < Count; ++n) order[n] = n;
  shuffle(order, rng);
  std::array<std::size_t, Count> result{};
  for (std::size_t n = 0; n < Count; ++n) result[n] = order[n];
  return result;
}

/// One epoch: every pattern once, in a fresh permutation drawn from rng (as the homework's
/// np.random.permutation), each followed by its update. Returns the epoch error: the sum of the
/// patterns' losses, each taken before its own update.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          LossFunction Loss = sum_of_squares>
constexpr T sgd_epoch(parameters<Net, T>& params, const dataset<T, Inputs, Outputs, Count>& data,
                      T learning_rate, pcg32& rng, Loss = {}) {
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  static_assert(detail::loss_fits<Net, Loss>, CTNN_DETAIL_LOSS_REFUSED);
  if constexpr (!detail::widths_fit<Net, Inputs, Outputs> || !detail::loss_fits<Net, Loss>)
    return T{};
  else
    return detail::epoch_runner<std::make_index_sequence<Count>>::template run<detail::use::descent,
                                                                               Loss>(
        params, data, learning_rate, rng);
}

namespace detail {

/// Calls observer(epoch, error, params) or, if it takes two arguments, observer(epoch, error);
/// returns false if it returned false (stop training).
template <class Observer, class Net, class T>
constexpr bool notify(Observer& observer, std::size_t epoch, T error,
                      const parameters<Net, T>& params) {
  if constexpr (std::is_invocable_v<Observer&, std::size_t, T, const parameters<Net, T>&>) {
    if constexpr (std::is_same_v<decltype(observer(epoch, error, params)), bool>) {
      return observer(epoch, error, params);
    } else {
      observer(epoch, error, params);
      return true;
    }
  } else if constexpr (std::is_same_v<decltype(observer(epoch, error)), bool>) {
    return observer(epoch, error);
  } else {
    observer(epoch, error);
    return true;
  }
}

/// An epoch by an update rule other than online SGD (<ctnn/update_rule.hpp>): the permutation
/// drawn as for sgd_epoch, each batch's gradients summed in its order, then one update. Returns
/// the epoch error, each pattern's loss taken before its batch's update.
template <class Loss, class Net, class T, std::size_t Inputs, std::size_t Outputs,
          std::size_t Count>
constexpr T batch_epoch(parameters<Net, T>& params, const dataset<T, Inputs, Outputs, Count>& data,
                        T learning_rate, pcg32& rng, optimizer_state<Net, T>& state) {
  std::size_t order[Count];
  for (std::size_t n = 0; n < Count; ++n) order[n] = n;
  shuffle(order, rng);
  const std::size_t batch = state.rule.batch_size < Count ? state.rule.batch_size : Count;
  T error{};
  parameters<Net, T> sum, one;
  for (std::size_t first = 0; first < Count; first += batch) {
    const std::size_t end = Count - first < batch ? Count : first + batch;
    for (std::size_t n = first; n < end; ++n) {
      error += backprop<Net>::template step<use::loss_and_gradient, Loss>(
          params.values, data.inputs[order[n]], data.targets[order[n]],
          n == first ? sum.values : one.values);
      if (n != first) {
        for (std::size_t i = 0; i < Net::parameter_count; ++i)
          sum.values[i] = sum.values[i] + one.values[i];
      }
    }
    apply_update(params, sum, learning_rate, state);
  }
  return error;
}

/// Trains `epochs` epochs, numbered from first_epoch for the observer (or none, if a loss was given
/// in the observer's place), by online SGD or the optimizer's rule; returns how many ran.
template <class Loss, class Net, class T, std::size_t Inputs, std::size_t Outputs,
          std::size_t Count, class Observer>
constexpr std::size_t run_epochs(parameters<Net, T>& params,
                                 const dataset<T, Inputs, Outputs, Count>& data,
                                 double learning_rate, std::size_t epochs, pcg32& rng,
                                 Observer& observer, std::size_t first_epoch = 0,
                                 optimizer_state<Net, T>* optimizer = nullptr) {
  // A run that would pass the evaluator's limit stops here, saying by how much, rather than
  // where the limit happens to fall.
  if (std::is_constant_evaluated()) check_training_budget<Net, Count>(epochs);
  const T rate = static_cast<T>(learning_rate);
  using runner = epoch_runner<std::make_index_sequence<Count>>;
  using check = bounded_check<std::make_index_sequence<Net::parameter_count>>;
  // In a constant evaluation a diverging run would stop at its first overflow or NaN deep in
  // backprop; parameters beyond divergence_bound stop it earlier, with a name that says so (at
  // run time the check is not made). Without an observer, the check comes after every fourth
  // epoch: the four in one iteration save GCC's evaluator the loop's cost of three, which pays
  // for the check (bench/README.md). Past the bound, four epochs do not reach an overflow but
  // for growth beyond 1e75 an epoch.
  if (optimizer && !optimizer->rule.is_online_sgd()) {
    for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
      [[maybe_unused]] const T error = batch_epoch<Loss>(params, data, rate, rng, *optimizer);
      if constexpr (!LossFunction<Observer>) {
        if (!notify(observer, first_epoch + epoch, error,
                    static_cast<const parameters<Net, T>&>(params)))
          return epoch + 1;
      }
      if (std::is_constant_evaluated() && !check::holds(params.values))
        diverged_after_epochs(first_epoch + epoch + 1, learning_rate);
    }
    return epochs;
  }
  if constexpr (std::is_same_v<Observer, no_observer> || LossFunction<Observer>) {
    // The default observer (or a loss in its place) never sees the epoch error: it is not
    // computed.
    std::size_t epoch = 0;
    for (; epochs - epoch >= 4; epoch += 4) {
      runner::template run<use::descent_without_loss, Loss>(params, data, rate, rng);
      runner::template run<use::descent_without_loss, Loss>(params, data, rate, rng);
      runner::template run<use::descent_without_loss, Loss>(params, data, rate, rng);
      runner::template run<use::descent_without_loss, Loss>(params, data, rate, rng);
      if (std::is_constant_evaluated() && !check::holds(params.values))
        diverged_after_epochs(first_epoch + epoch + 4, learning_rate);
    }
    for (; epoch < epochs; ++epoch)
      runner::template run<use::descent_without_loss, Loss>(params, data, rate, rng);
  } else {
    for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
      const T error = runner::template run<use::descent, Loss>(params, data, rate, rng);
      if (!notify(observer, first_epoch + epoch, error,
                  static_cast<const parameters<Net, T>&>(params)))
        return epoch + 1;
      if (std::is_constant_evaluated() && !check::holds(params.values))
        diverged_after_epochs(first_epoch + epoch + 1, learning_rate);
    }
  }
  return epochs;
}

}  // namespace detail

namespace detail {

/// The loss that train uses: the argument in the observer's place if it is a loss (train(data,
/// options, ctnn::binary_cross_entropy{})), else the one after the observer.
template <class ObserverOrLoss, class Loss>
using loss_given = std::conditional_t<LossFunction<ObserverOrLoss>, ObserverOrLoss, Loss>;

}  // namespace detail

/// Continues `run` on data for `epochs` epochs at `learning_rate`, its pattern orders drawn on
/// from run.rng. After each epoch, observer(epoch, error, params) (or observer(epoch, error)) sees
/// the run's epoch number, the epoch error and the parameters; an observer that returns bool
/// stops training by returning false (e.g. on a NaN error). The loss is the homework's, or the
/// one given after the observer or in its place (<ctnn/loss.hpp>). Returns the epochs trained.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer = no_observer, LossFunction Loss = sum_of_squares>
constexpr std::size_t train(training_run<Net, T>& run,
                            const dataset<T, Inputs, Outputs, Count>& data, double learning_rate,
                            std::size_t epochs, Observer observer = {}, Loss = {}) {
  using loss = detail::loss_given<Observer, Loss>;
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  static_assert(detail::loss_fits<Net, loss>, CTNN_DETAIL_LOSS_REFUSED);
  if constexpr (!detail::widths_fit<Net, Inputs, Outputs> || !detail::loss_fits<Net, loss>) {
    return 0;
  } else {
    const std::size_t trained =
        detail::run_epochs<loss>(run.params, data, learning_rate, epochs, run.rng, observer,
                                 run.epochs_trained, &run.optimizer);
    run.epochs_trained += trained;
    return trained;
  }
}

/// Trains given parameters (e.g. loaded ones) on data for options.epochs epochs, the pattern
/// orders drawn from a new pcg32 seeded with options.random_seed: a new run from these
/// parameters. To go on where a run stopped, with its generator, train a training_run instead.
/// The observer and the loss are as for that overload.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer = no_observer, LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> train(parameters<Net, T> params,
                                   const dataset<T, Inputs, Outputs, Count>& data,
                                   const training_options& options, Observer observer = {},
                                   Loss = {}) {
  using loss = detail::loss_given<Observer, Loss>;
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  static_assert(detail::loss_fits<Net, loss>, CTNN_DETAIL_LOSS_REFUSED);
  if constexpr (detail::widths_fit<Net, Inputs, Outputs> && detail::loss_fits<Net, loss>) {
    pcg32 rng(options.random_seed);
    optimizer_state<Net, T> state{options.update};
    const double rate = options.learning_rate;  // one line: a compile error quotes this call
    detail::run_epochs<loss>(params, data, rate, options.epochs, rng, observer, 0, &state);
  }
  return params;
}

/// Trains a network of topology Net on data as the homework does: every parameter drawn from N(0,
/// 1) (or options.initial_parameters) by a pcg32 seeded with options.random_seed, then
/// options.epochs epochs of per-pattern SGD whose pattern orders come from the same generator. The
/// observer and the loss are as for the overloads above.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          class Observer = no_observer, LossFunction Loss = sum_of_squares>
constexpr parameters<Net, T> train(const dataset<T, Inputs, Outputs, Count>& data,
                                   const training_options& options, Observer observer = {},
                                   Loss = {}) {
  using loss = detail::loss_given<Observer, Loss>;
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  static_assert(detail::loss_fits<Net, loss>, CTNN_DETAIL_LOSS_REFUSED);
  if constexpr (!detail::widths_fit<Net, Inputs, Outputs> || !detail::loss_fits<Net, loss>) {
    return parameters<Net, T>{};
  } else {
    pcg32 rng(options.random_seed);
    parameters<Net, T> params = initialize<Net, T>(rng, options.initial_parameters);
    optimizer_state<Net, T> state{options.update};
    const double rate = options.learning_rate;  // one line: a compile error quotes this call
    detail::run_epochs<loss>(params, data, rate, options.epochs, rng, observer, 0, &state);
    return params;
  }
}

}  // namespace CTNN_NAMESPACE
