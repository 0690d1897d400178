// Tests that the trainer's epoch-by-epoch loop is ctnn::train bit for bit, and of its sweep.
// SPDX-License-Identifier: BSL-1.0
#include "training.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <ctnn/train.hpp>
#include <optional>
#include <vector>

#include "catch.hpp"
#include "sweep.hpp"
#include "tasks.hpp"

namespace {

using xor_task = ctnn_train::task<ctnn_train::task_kind::logical_xor>;
using or_task = ctnn_train::task<ctnn_train::task_kind::logical_or>;
using tanh_task = ctnn_train::task<ctnn_train::task_kind::logical_or_tanh>;

}  // namespace

TEMPLATE_TEST_CASE("the trainer's loop from initialize equals ctnn::train bit for bit",
                   "[training]", float, double) {
  const std::uint64_t seed = GENERATE(1u, 27u, 12345u);
  const ctnn::training_options options{.learning_rate = 0.05, .epochs = 300, .seed = seed};
  const auto& data = xor_task::data<TestType>();
  ctnn::pcg32 rng(seed);
  auto params = ctnn::initialize<ctnn_train::xor_net, TestType>(rng);
  std::vector<double> errors;
  const std::size_t ran =
      ctnn_train::run_epochs(params, data, options.learning_rate, options.epochs, rng,
                             [&](std::size_t, TestType error, const auto&) {
                               errors.push_back(error);
                               return true;
                             });
  std::vector<double> expected_errors;
  const auto expected = ctnn::train<ctnn_train::xor_net>(
      data, options, [&](std::size_t, TestType error) { expected_errors.push_back(error); });
  CHECK(ran == options.epochs);
  CHECK(params == expected);
  CHECK(errors == expected_errors);
}

TEST_CASE("the trainer's loop from given parameters equals ctnn::train(params, ...)",
          "[training]") {
  const auto start = ctnn::initialize<ctnn_train::or_tanh_neuron, double>(7);
  const ctnn::training_options options{.learning_rate = 0.1, .epochs = 200, .seed = 9};
  auto params = start;
  ctnn::pcg32 rng(options.seed);
  ctnn_train::run_epochs(params, tanh_task::data<double>(), options.learning_rate, options.epochs,
                         rng, [](std::size_t, double, const auto&) { return true; });
  CHECK(params == ctnn::train(start, tanh_task::data<double>(), options));
}

TEST_CASE("the trainer's loop stops when the observer returns false", "[training]") {
  ctnn::pcg32 rng(1);
  auto params = ctnn::initialize<ctnn_train::or_neuron, double>(rng);
  const std::size_t stopped =
      ctnn_train::run_epochs(params, or_task::data<double>(), 0.05, 100, rng,
                             [](std::size_t epoch, double, const auto&) { return epoch < 9; });
  CHECK(stopped == 9);
}

TEST_CASE("first_pattern is the pattern sgd_epoch visits first, and leaves rng alone",
          "[training]") {
  // Which pattern sgd_epoch updated on first, seen from outside: a single tanh unit and a rate so
  // large that the first update drives every pattern's net input beyond +-20, where tanh is
  // exactly +-1 and its slope exactly 0, so the epoch's other three updates change nothing. The
  // parameters after the epoch are then those after one sgd_step on its first pattern, and on no
  // other (the four patterns move different parameters).
  const auto& data = tanh_task::data<double>();
  const auto start = ctnn::initialize<ctnn_train::or_tanh_neuron, double>(std::uint64_t{7});
  const double rate = 1e6;
  std::vector<std::size_t> firsts;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const ctnn::pcg32 before(seed);
    const std::size_t first = ctnn_train::first_pattern<4>(before);
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
    CHECK(updated_first == std::vector<std::size_t>{first});
    firsts.push_back(first);
  }
  // Every pattern comes first for some seed, so the check above was not four times the same.
  for (std::size_t n = 0; n < data.size; ++n)
    CHECK(std::find(firsts.begin(), firsts.end(), n) != firsts.end());
}

TEST_CASE("first_pattern takes its generator by value: the caller's does not advance",
          "[training]") {
  ctnn::pcg32 rng(3);
  const ctnn::pcg32 before = rng;
  static_cast<void>(ctnn_train::first_pattern<4>(rng));
  CHECK(rng == before);
}

TEST_CASE("nearest-rank percentiles", "[sweep]") {
  const std::vector<std::size_t> values = {50, 10, 40, 20, 30};
  CHECK(ctnn_train::percentile(values, 10) == 10);
  CHECK(ctnn_train::percentile(values, 50) == 30);
  CHECK(ctnn_train::percentile(values, 90) == 50);
  CHECK(ctnn_train::percentile(values, 100) == 50);
  CHECK(ctnn_train::percentile({7}, 50) == 7);
}

TEST_CASE("a sweep does not depend on the number of threads", "[sweep]") {
  ctnn_train::sweep_settings settings;
  settings.runs = 12;
  settings.base_seed = 20;
  settings.epochs = 400;
  settings.threads = 1;
  const auto one = ctnn_train::run_sweep<xor_task, double>(settings);
  settings.threads = 3;
  const auto three = ctnn_train::run_sweep<xor_task, double>(settings);
  REQUIRE(one.runs.size() == three.runs.size());
  for (std::size_t i = 0; i < one.runs.size(); ++i) {
    CHECK(one.runs[i].seed == 20 + i);
    CHECK(one.runs[i].seed == three.runs[i].seed);
    CHECK(one.runs[i].result.correct_side == three.runs[i].result.correct_side);
    CHECK(one.runs[i].solved_from == three.runs[i].solved_from);
    CHECK(one.runs[i].family == three.runs[i].family);
  }
  CHECK(one.solved_after_epoch == three.solved_after_epoch);
}

TEMPLATE_TEST_CASE("a sweep's runs, trained side by side, are their networks trained alone",
                   "[sweep]", float, double) {
  // 11 runs: lane groups of 4 and 8 leave a group partly filled.
  ctnn_train::sweep_settings settings;
  settings.runs = 11;
  settings.base_seed = 25;
  settings.epochs = 1500;
  settings.threads = 2;
  const auto result = ctnn_train::run_sweep<xor_task, TestType>(settings);
  REQUIRE(result.runs.size() == settings.runs);
  for (const auto& run : result.runs) {
    const auto alone = ctnn::train<xor_task::network>(
        xor_task::data<TestType>(), {.learning_rate = 0.05, .epochs = 1500, .seed = run.seed});
    REQUIRE(run.parameters.size() == alone.size());
    for (std::size_t p = 0; p < alone.size(); ++p)
      CHECK(static_cast<TestType>(run.parameters[p]) == alone.values[p]);
  }
}

namespace {

// A sweep's solved curve and each run's first solved epoch, recomputed from its runs trained alone
// epoch by epoch, with every output from ctnn::predict: solved after an epoch is every output on
// its target's side of 0.5, and a run is solved from the epoch after its last unsolved one.
template <class Task, class T>
void check_solved_epochs(const ctnn_train::sweep_settings& settings) {
  const auto result = ctnn_train::run_sweep<Task, T>(settings);
  const auto& data = Task::template data<T>();
  std::vector<std::size_t> solved_after_epoch(settings.epochs, 0);
  for (const auto& run : result.runs) {
    ctnn::pcg32 rng(run.seed);
    auto params = ctnn::initialize<typename Task::network, T>(rng);
    std::optional<std::size_t> last_unsolved;
    bool solved = false;
    ctnn_train::run_epochs(params, data, settings.learning_rate, settings.epochs, rng,
                           [&](std::size_t epoch, T, const auto& now) {
                             solved = true;
                             for (std::size_t n = 0; n < data.size; ++n)
                               solved = solved && (ctnn::predict(now, data.inputs[n])[0] >
                                                   T(0.5)) == (data.targets[n][0] > T(0.5));
                             solved_after_epoch[epoch] += solved;
                             if (!solved) last_unsolved = epoch;
                             return true;
                           });
    CHECK(run.solved_from ==
          (solved ? std::optional<std::size_t>(last_unsolved ? *last_unsolved + 1 : 0)
                  : std::nullopt));
  }
  CHECK(result.solved_after_epoch == solved_after_epoch);
}

}  // namespace

TEST_CASE("a sweep's solved curve is every run's outputs after every epoch", "[sweep]") {
  ctnn_train::sweep_settings settings;
  settings.runs = 20;
  settings.base_seed = 21;
  settings.epochs = 3000;
  settings.threads = 2;
  check_solved_epochs<xor_task, double>(settings);
  check_solved_epochs<xor_task, float>(settings);
  settings.epochs = 400;
  check_solved_epochs<or_task, double>(settings);
  check_solved_epochs<tanh_task, float>(settings);
}

TEST_CASE("a run of a sweep that diverges stops where training it alone would", "[sweep]") {
  using or_tanh_task = ctnn_train::task<ctnn_train::task_kind::logical_or_tanh>;
  ctnn_train::sweep_settings settings;
  settings.runs = 4;
  settings.base_seed = 1;
  settings.epochs = 50;
  settings.learning_rate = 1e308;  // as cli.sweep_diverges
  const auto result = ctnn_train::run_sweep<or_tanh_task, double>(settings);
  std::size_t diverged = 0;
  for (const auto& run : result.runs) {
    // Alone: the trainer's loop stopped at the first epoch that diverged.
    ctnn::pcg32 rng(run.seed);
    auto params = ctnn::initialize<or_tanh_task::network, double>(rng);
    std::optional<std::size_t> diverged_at;
    ctnn_train::run_epochs(params, or_tanh_task::data<double>(), settings.learning_rate,
                           settings.epochs, rng,
                           [&](std::size_t epoch, double error, const auto& current) {
                             if (!ctnn_train::diverged(error, current)) return true;
                             diverged_at = epoch;
                             return false;
                           });
    diverged += diverged_at.has_value();
    CHECK(run.diverged_at == diverged_at);
    for (std::size_t p = 0; p < params.size(); ++p) {
      // NaN is equal to nothing: compare bits.
      CHECK(std::bit_cast<std::uint64_t>(run.parameters[p]) ==
            std::bit_cast<std::uint64_t>(params.values[p]));
    }
  }
  CHECK(diverged > 0);
}

namespace {

/// The sweep of XOR with the seed's settings over seeds 1 to 50, run once for the tests below.
const ctnn_train::sweep_result& xor_sweep_of_50() {
  static const auto result = [] {
    ctnn_train::sweep_settings settings;
    settings.runs = 50;
    settings.epochs = 8000;
    return ctnn_train::run_sweep<xor_task, double>(settings);
  }();
  return result;
}

}  // namespace

TEST_CASE(
    "a sweep of XOR with the seed's settings solves at least 4 in 5 runs, and names the rest"
    " stuck",
    "[sweep]") {
  // 4 in 5: README.md reports 919 of 1000 seeds solved. Solved is every output of the run's final
  // parameters on its target's side of 0.5, recomputed here with ctnn::predict.
  const auto& result = xor_sweep_of_50();
  const auto& data = xor_task::data<double>();
  std::size_t solved = 0;
  for (const auto& run : result.runs) {
    ctnn::parameters<xor_task::network, double> params;
    for (std::size_t p = 0; p < params.size(); ++p) params.values[p] = run.parameters[p];
    bool all_correct = true;
    for (std::size_t n = 0; n < data.size; ++n)
      all_correct = all_correct &&
                    (ctnn::predict(params, data.inputs[n])[0] > 0.5) == (data.targets[n][0] > 0.5);
    INFO("seed " << run.seed << ": " << run.family);
    CHECK(run.result.solved() == all_correct);
    // A run with an output on the wrong side is in a stuck family.
    if (!all_correct) CHECK(run.family.rfind("stuck: ", 0) == 0);
    solved += all_correct;
    // A run solved at the end became solved at some epoch, and is counted solved from then on.
    if (run.solved_from) CHECK(*run.solved_from < 8000);
  }
  CHECK(solved >= 40);
  CHECK(result.solved_after_epoch.back() == solved);
}

// A snapshot, not a property (tests/README.md): which seeds get stuck, and each run's family,
// depend on every bit of the training. Regenerate from `ctnn-train sweep xor --seeds 50` after an
// intended change.
TEST_CASE(
    "snapshot: the sweep of seeds 1 to 50 with the seed's settings, its stuck seeds and "
    "three families",
    "[sweep][snapshot]") {
  const auto& result = xor_sweep_of_50();
  std::vector<std::uint64_t> unsolved;
  for (const auto& run : result.runs)
    if (!run.result.solved()) unsolved.push_back(run.seed);
  CHECK(unsolved == std::vector<std::uint64_t>{27, 30, 37, 38, 43, 49});
  CHECK(result.runs[0].family == "h = NOT x0 AND x1, excites the output");
  CHECK(result.runs[26].family == "stuck: 01 saturated on the wrong side");
  CHECK(result.runs[29].family == "stuck: plateau near 0.5");
  CHECK(result.solved_after_epoch.back() == 44);
}
