// Run-time tests of ctnn::train, ctnn::sgd_epoch and ctnn::sgd_step.
// SPDX-License-Identifier: BSL-1.0
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>
#include <span>
#include <vector>

#include "catch.hpp"

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::hyperbolic_tangent;
using ctnn::input;
using ctnn::logistic;

using ctnn::homework::or_neuron;
using ctnn::homework::or_patterns;
using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
using deep_tanh = ctnn::network<input<2>, dense<4, hyperbolic_tangent>,
                                dense<4, hyperbolic_tangent>, dense<1, hyperbolic_tangent>>;

constexpr ctnn::training_options xor_settings = ctnn::homework::problem_4_options;

/// Number of patterns whose output is on the target's side of 0.5.
template <class Net, class T>
std::size_t correct_side(const ctnn::parameters<Net, T>& params,
                         const ctnn::dataset<T, 2, 1, 4>& data) {
  std::size_t correct = 0;
  for (std::size_t n = 0; n < data.size; ++n) {
    const T output = ctnn::predict(params, {data.inputs[n][0], data.inputs[n][1]})[0];
    correct += (output > T(0.5)) == (data.targets[n][0] > T(0.5));
  }
  return correct;
}

}  // namespace

TEST_CASE(
    "XOR trained at run time with the default seed has every output on the right side of "
    "0.5",
    "[train]") {
  const auto params = ctnn::train<xor_net>(xor_patterns<double>, xor_settings);
  CHECK(correct_side(params, xor_patterns<double>) == 4);
}

namespace {

/// Seeds 1 to 50 trained with the homework's settings, and those that end with some output on the
/// wrong side of 0.5 (correct_side, from ctnn::predict).
const std::vector<std::uint64_t>& unsolved_of_first_50_seeds() {
  static const std::vector<std::uint64_t> unsolved = [] {
    std::vector<std::uint64_t> found;
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
      ctnn::training_options settings = xor_settings;
      settings.random_seed = seed;
      const auto params = ctnn::train<xor_net>(xor_patterns<double>, settings);
      if (correct_side(params, xor_patterns<double>) != 4) found.push_back(seed);
    }
    return found;
  }();
  return unsolved;
}

}  // namespace

TEST_CASE("XOR with the homework's settings is solved for at least 4 in 5 of seeds 1 to 50",
          "[train]") {
  // README.md ("How often XOR is solved") reports 919 of seeds 1 to 1000; 4 in 5 of a sample of
  // 50 leaves room for chance (below 40 of 50 at p = 0.919 has probability about 0.3%).
  CHECK(unsolved_of_first_50_seeds().size() <= 10);
}

// A snapshot, not a property (tests/README.md): which seeds of 1 to 50 end unsolved depends on
// every bit of initialisation, shuffling and arithmetic. Regenerate by printing
// unsolved_of_first_50_seeds() (or `ctnn-train sweep xor --seeds 50`) after an intended change.
TEST_CASE("snapshot: seeds 27, 30, 37, 38, 43 and 49 are the unsolved of seeds 1 to 50",
          "[train][snapshot]") {
  CHECK(unsolved_of_first_50_seeds() == std::vector<std::uint64_t>{27, 30, 37, 38, 43, 49});
}

TEST_CASE("a deeper 2-4-4-1 tanh network learns XOR too", "[train]") {
  const auto params = ctnn::train<deep_tanh>(
      xor_patterns<double>, {.learning_rate = 0.05, .epochs = 2000, .random_seed = 1});
  CHECK(correct_side(params, xor_patterns<double>) == 4);
}

TEMPLATE_TEST_CASE("an SGD step is params - learning_rate * gradient, bit for bit", "[train]",
                   float, double) {
  const auto& data = xor_patterns<TestType>;
  auto params = ctnn::initialize<xor_net, TestType>(3);
  const auto before = params;
  const TestType rate = TestType(0.05);
  const TestType error = ctnn::sgd_step(params, data.inputs[3], data.targets[3], rate);
  const auto grad = ctnn::gradient(before, data.inputs[3], data.targets[3]);
  CHECK(error == ctnn::loss(before, data.inputs[3], data.targets[3]));
  for (std::size_t i = 0; i < xor_net::parameter_count; ++i) {
    CHECK(params.values[i] == before.values[i] - rate * grad.values[i]);
  }
}

TEST_CASE(
    "an epoch visits each pattern once in a fresh shuffled order and sums the losses taken "
    "before each update",
    "[train]") {
  const auto& data = xor_patterns<double>;
  auto params = ctnn::initialize<xor_net, double>(5);
  auto replayed = params;
  ctnn::pcg32 rng(9);
  ctnn::pcg32 replay_rng = rng;

  const double error = ctnn::sgd_epoch(params, data, 0.05, rng);

  std::size_t order[4] = {0, 1, 2, 3};
  ctnn::shuffle(std::span<std::size_t>(order), replay_rng);
  double replayed_error = 0;
  for (std::size_t n : order) {
    replayed_error += ctnn::loss(replayed, data.inputs[n], data.targets[n]);
    ctnn::sgd_step(replayed, data.inputs[n], data.targets[n], 0.05);
  }
  CHECK(error == replayed_error);
  CHECK(params == replayed);
  CHECK(rng == replay_rng);
}

TEST_CASE("the observer sees every epoch's error and can stop training", "[train]") {
  std::vector<double> errors;
  const auto params = ctnn::train<or_neuron>(
      or_patterns<double>, {.learning_rate = 0.05, .epochs = 100, .random_seed = 2},
      [&](std::size_t epoch, double error) {
        CHECK(epoch == errors.size());
        errors.push_back(error);
      });
  REQUIRE(errors.size() == 100);
  CHECK(errors.back() < errors.front());

  std::size_t seen = 0;
  ctnn::train<or_neuron>(or_patterns<double>,
                         {.learning_rate = 0.05, .epochs = 100, .random_seed = 2},
                         [&](std::size_t epoch, double) {
                           ++seen;
                           return epoch < 9;
                         });
  CHECK(seen == 10);
  (void)params;
}

TEST_CASE("training continues from given parameters and zero epochs change nothing", "[train]") {
  const auto start = ctnn::initialize<xor_net, double>(11);
  CHECK(ctnn::train(start, xor_patterns<double>, {.learning_rate = 0.05, .epochs = 0}) == start);
  const auto once = ctnn::train(start, xor_patterns<double>,
                                {.learning_rate = 0.05, .epochs = 1, .random_seed = 4});
  auto by_hand = start;
  ctnn::pcg32 rng(4);
  ctnn::sgd_epoch(by_hand, xor_patterns<double>, 0.05, rng);
  CHECK(once == by_hand);
}

TEST_CASE("a diverging run shows a non-finite error to the observer, which can stop it",
          "[train]") {
  std::size_t epochs = 0;
  double last = 0;
  ctnn::train<ctnn::network<input<2>, dense<1, ctnn::linear>>>(
      xor_patterns<double>, {.learning_rate = 10.0, .epochs = 10000, .random_seed = 1},
      [&](std::size_t, double error) {
        ++epochs;
        last = error;
        return std::isfinite(error);
      });
  CHECK(!std::isfinite(last));
  CHECK(epochs < 10000);
}

TEST_CASE("a run trained in chunks of any size is the same run, bit for bit", "[train]") {
  const auto& data = xor_patterns<double>;
  std::vector<double> one_run_errors;
  const auto one_run = ctnn::train<xor_net>(
      data, xor_settings, [&](std::size_t, double error) { one_run_errors.push_back(error); });
  for (const std::size_t chunk :
       {std::size_t{1}, std::size_t{7}, std::size_t{1000}, std::size_t{2999}, std::size_t{8000}}) {
    INFO("chunks of " << chunk);
    auto run = ctnn::start_training<xor_net, double>(xor_settings.random_seed);
    std::vector<double> errors;
    std::vector<std::size_t> epochs;
    while (run.epochs_trained < xor_settings.epochs) {
      const std::size_t size = std::min(chunk, xor_settings.epochs - run.epochs_trained);
      CHECK(ctnn::train(run, data, xor_settings.learning_rate, size,
                        [&](std::size_t epoch, double error) {
                          epochs.push_back(epoch);
                          errors.push_back(error);
                        }) == size);
    }
    CHECK(run.params == one_run);
    CHECK(errors == one_run_errors);
    // The observer numbers the run's epochs, not the chunk's.
    bool numbered = epochs.size() == xor_settings.epochs;
    for (std::size_t e = 0; numbered && e < epochs.size(); ++e) numbered = epochs[e] == e;
    CHECK(numbered);
  }
}

TEST_CASE("the observer sees each epoch's parameters, and stopping counts the epochs", "[train]") {
  const auto& data = or_patterns<float>;
  auto run = ctnn::start_training<or_neuron, float>(5);
  ctnn::parameters<or_neuron, float> at_epoch_41{};
  const std::size_t trained =
      ctnn::train(run, data, 0.05, 1000,
                  [&](std::size_t epoch, float, const ctnn::parameters<or_neuron, float>& now) {
                    if (epoch == 41) at_epoch_41 = now;
                    return epoch < 99;
                  });
  CHECK(trained == 100);
  CHECK(run.epochs_trained == 100);
  CHECK(at_epoch_41 ==
        ctnn::train<or_neuron>(data, {.learning_rate = 0.05, .epochs = 42, .random_seed = 5}));
  CHECK(run.params ==
        ctnn::train<or_neuron>(data, {.learning_rate = 0.05, .epochs = 100, .random_seed = 5}));
}

TEST_CASE("epoch_order is the order sgd_epoch visits, and leaves the generator alone", "[train]") {
  // Which pattern sgd_epoch updated on first, seen from outside: a single tanh unit and a rate so
  // large that the first update drives every pattern's net input beyond +-20, where tanh is
  // exactly +-1 and its slope exactly 0, so the epoch's other three updates change nothing. The
  // parameters after the epoch are then those after one sgd_step on its first pattern, and on no
  // other (the four patterns move different parameters).
  using tanh_neuron = ctnn::homework::or_tanh_neuron;
  const auto& data = or_patterns<double>;
  const auto start = ctnn::initialize<tanh_neuron, double>(std::uint64_t{7});
  const double rate = 1e6;
  std::vector<std::size_t> firsts;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const ctnn::pcg32 before(seed);
    const auto order = ctnn::epoch_order<4>(before);
    ctnn::pcg32 rng = before;
    auto after_epoch = start;
    ctnn::sgd_epoch(after_epoch, data, rate, rng);
    std::vector<std::size_t> updated_first;
    for (std::size_t n = 0; n < data.size; ++n) {
      auto one_step = start;
      ctnn::sgd_step(one_step, data.inputs[n], data.targets[n], rate);
      if (one_step == after_epoch) updated_first.push_back(n);
    }
    INFO("seed " << seed);
    CHECK(updated_first == std::vector<std::size_t>{order[0]});
    firsts.push_back(order[0]);
    // A permutation of the patterns.
    auto sorted = order;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == std::array<std::size_t, 4>{0, 1, 2, 3});
  }
  // Every pattern comes first for some seed, so the check above was not four times the same.
  for (std::size_t n = 0; n < data.size; ++n)
    CHECK(std::find(firsts.begin(), firsts.end(), n) != firsts.end());
}
