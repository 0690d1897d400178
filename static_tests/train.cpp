// Static tests of ctnn::train's observer and of SGD's bookkeeping, at compile time.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>

// The header under test comes first, in a block of its own, so that it must compile alone.
#include <array>
#include <cstddef>
#include <ctnn/presets/homework.hpp>
#include <limits>

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::or_patterns;
constexpr std::size_t epochs = 200;

/// The epoch errors of a short OR run, recorded by an observer into a fixed array.
constexpr std::array<double, epochs> recorded_errors() {
  std::array<double, epochs> errors{};
  ctnn::train<or_neuron>(or_patterns<double>,
                         {.learning_rate = 0.5, .epochs = epochs, .random_seed = 3},
                         [&](std::size_t epoch, double error) { errors[epoch] = error; });
  return errors;
}
constexpr auto errors = recorded_errors();
static_assert(errors.front() > 0 && errors.back() > 0);
static_assert(errors.back() < errors.front() / 2);  // OR is learned: the error falls

/// The first epoch's error, replayed by hand: initialise from the seed, shuffle, then each
/// pattern's loss taken before its own update.
constexpr double first_epoch_by_hand() {
  ctnn::pcg32 rng(3);
  auto params = ctnn::initialize<or_neuron, double>(rng);
  std::size_t order[4] = {0, 1, 2, 3};
  ctnn::shuffle(order, rng);
  double error = 0;
  for (std::size_t n : order) {
    error +=
        ctnn::sgd_step(params, or_patterns<double>.inputs[n], or_patterns<double>.targets[n], 0.5);
  }
  return error;
}
static_assert(errors.front() == first_epoch_by_hand());

/// An observer that returns false stops training after that epoch.
constexpr std::size_t epochs_until_stopped() {
  std::size_t seen = 0;
  ctnn::train<or_neuron>(or_patterns<double>,
                         {.learning_rate = 0.05, .epochs = epochs, .random_seed = 3},
                         [&](std::size_t epoch, double) {
                           ++seen;
                           return epoch < 41;
                         });
  return seen;
}
static_assert(epochs_until_stopped() == 42);

/// Zero epochs leave the initial parameters as they are.
static_assert(ctnn::train<or_neuron>(or_patterns<double>,
                                     {.learning_rate = 0.05, .epochs = 0, .random_seed = 8}) ==
              ctnn::initialize<or_neuron, double>(8));

// divergence: the rule that the trainer stops at and compile-time training stops with.
constexpr bool divergence_rule() {
  ctnn::parameters<or_neuron, double> params{{0, -6e5, 8e5}};
  if (ctnn::diverged(0.25, params)) return false;  // a norm of 1e6 is within the bound
  params.values[0] = 1;
  if (!ctnn::diverged(0.25, params)) return false;
  params.values[0] = 0;
  return ctnn::diverged(std::numeric_limits<double>::infinity(), params);
}
static_assert(divergence_rule());

}  // namespace

/// Training continues a run's generator: 200 epochs as 1 + 60 + 139 are 200 epochs at once.
constexpr bool chunks_are_one_run() {
  auto run = ctnn::start_training<or_neuron, double>(3);
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{60}, std::size_t{139}})
    ctnn::train(run, or_patterns<double>, 0.5, chunk);
  return run.epochs_trained == epochs &&
         run.params ==
             ctnn::train<or_neuron>(or_patterns<double>,
                                    {.learning_rate = 0.5, .epochs = epochs, .random_seed = 3});
}
static_assert(chunks_are_one_run());

/// The observer may take the parameters too: at the last epoch they are the run's so far.
constexpr bool observer_sees_parameters() {
  auto run = ctnn::start_training<or_neuron, double>(4);
  bool seen = false;
  ctnn::train(run, or_patterns<double>, 0.5, 3,
              [&](std::size_t epoch, double, const ctnn::parameters<or_neuron, double>& now) {
                if (epoch == 2)
                  seen = now == ctnn::train<or_neuron>(
                                    or_patterns<double>,
                                    {.learning_rate = 0.5, .epochs = 3, .random_seed = 4});
              });
  return seen;
}
static_assert(observer_sees_parameters());

/// sgd_step takes braced lists, as predict does, with the same result as for arrays.
constexpr bool braced_step_is_array_step() {
  ctnn::parameters<or_neuron, double> braced{{0.5, -0.25, 0.1}};
  ctnn::parameters<or_neuron, double> arrays = braced;
  constexpr double x[2] = {1.0, 0.0}, t[1] = {1.0};
  const double braced_loss = ctnn::sgd_step(braced, {1.0, 0.0}, {1.0}, 0.5);
  return braced_loss == ctnn::sgd_step(arrays, x, t, 0.5) && braced == arrays;
}
static_assert(braced_step_is_array_step());
