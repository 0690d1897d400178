// Static tests of ctnn::train's observer and of SGD's bookkeeping, at compile time.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/train.hpp>

// The header under test comes first, in a block of its own, so that it must compile alone.
#include <array>
#include <cstddef>
#include <ctnn/dataset.hpp>
#include <ctnn/homework.hpp>

namespace {

using ctnn::homework::or_neuron;
constexpr std::size_t epochs = 200;

/// The epoch errors of a short OR run, recorded by an observer into a fixed array.
constexpr std::array<double, epochs> recorded_errors() {
  std::array<double, epochs> errors{};
  ctnn::train<or_neuron>(ctnn::or_patterns<double>,
                         {.learning_rate = 0.5, .epochs = epochs, .seed = 3},
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
    error += ctnn::sgd_step(params, ctnn::or_patterns<double>.inputs[n],
                            ctnn::or_patterns<double>.targets[n], 0.5);
  }
  return error;
}
static_assert(errors.front() == first_epoch_by_hand());

/// An observer that returns false stops training after that epoch.
constexpr std::size_t epochs_until_stopped() {
  std::size_t seen = 0;
  ctnn::train<or_neuron>(ctnn::or_patterns<double>, {.epochs = epochs, .seed = 3},
                         [&](std::size_t epoch, double) {
                           ++seen;
                           return epoch < 41;
                         });
  return seen;
}
static_assert(epochs_until_stopped() == 42);

/// Zero epochs leave the initial parameters as they are.
static_assert(ctnn::train<or_neuron>(ctnn::or_patterns<double>, {.epochs = 0, .seed = 8}) ==
              ctnn::initialize<or_neuron, double>(8));

}  // namespace
