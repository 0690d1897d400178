// Tests of the trainer's sweep: its runs are their networks trained alone by ctnn::train.
// SPDX-License-Identifier: BSL-1.0
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <ctnn/train.hpp>
#include <optional>
#include <vector>

#include "catch.hpp"
#include "divergence.hpp"
#include "sweep.hpp"
#include "tasks.hpp"

namespace {

using xor_task = ctnn_train::task<ctnn_train::task_kind::logical_xor>;
using or_task = ctnn_train::task<ctnn_train::task_kind::logical_or>;
using tanh_task = ctnn_train::task<ctnn_train::task_kind::logical_or_tanh>;

/// Every instruction set this build has lanes for and this CPU supports: each test of the sweep's
/// bits runs on every one (on an AVX2 machine, SSE2 and AVX2).
std::vector<ctnn::instruction_set> available_sets() {
  std::vector<ctnn::instruction_set> sets;
  for (const ctnn::instruction_set set : ctnn::instruction_sets)
    if (ctnn_train::built_for(set) && ctnn::cpu_supports(set)) sets.push_back(set);
  return sets;
}

}  // namespace

TEST_CASE("the sweep runs on the widest instruction set available, and has those the build chose",
          "[sweep][isa]") {
  const std::vector<ctnn::instruction_set> sets = available_sets();
  REQUIRE(!sets.empty());
  CHECK(sets.front() == ctnn::instruction_set::sse2);
  CHECK(ctnn_train::widest_available_instruction_set() == sets.back());
  CHECK(ctnn_train::sweep_settings{}.instructions == sets.back());
  CHECK(ctnn_train::built_for(ctnn::instruction_set::sse2));
#if defined(CTNN_TRAIN_HAS_AVX2)
  CHECK(ctnn_train::built_for(ctnn::instruction_set::avx2));
#else
  CHECK(!ctnn_train::built_for(ctnn::instruction_set::avx2));
#endif
#if defined(CTNN_TRAIN_HAS_AVX512)
  CHECK(ctnn_train::built_for(ctnn::instruction_set::avx512));
#else
  CHECK(!ctnn_train::built_for(ctnn::instruction_set::avx512));
#endif
#if defined(__x86_64__)
  CHECK(ctnn::cpu_supports(ctnn::instruction_set::avx2) == (__builtin_cpu_supports("avx2") != 0));
#endif
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

TEMPLATE_TEST_CASE(
    "a sweep's runs, trained side by side, are their networks trained alone, on every instruction"
    " set",
    "[sweep][isa]", float, double) {
  // 11 runs: a lane group of 16 left partly filled.
  ctnn_train::sweep_settings settings;
  settings.runs = 11;
  settings.base_seed = 25;
  settings.epochs = 1500;
  settings.threads = 2;
  for (const ctnn::instruction_set set : available_sets()) {
    settings.instructions = set;
    const auto result = ctnn_train::run_sweep<xor_task, TestType>(settings);
    REQUIRE(result.runs.size() == settings.runs);
    for (const auto& run : result.runs) {
      const auto alone = ctnn::train<xor_task::network>(
          xor_task::data<TestType>(),
          {.learning_rate = 0.05, .epochs = 1500, .random_seed = run.seed});
      REQUIRE(run.parameters.size() == alone.size());
      INFO(ctnn::name(set) << ", seed " << run.seed);
      for (std::size_t p = 0; p < alone.size(); ++p)
        CHECK(static_cast<TestType>(run.parameters[p]) == alone.values[p]);
    }
  }
}

TEMPLATE_TEST_CASE(
    "a grid's runs at each learning rate are their networks trained alone at that rate, on every"
    " instruction set",
    "[sweep][isa]", float, double) {
  // 7 seeds at 5 rates: 35 runs in groups of 16 that span two or three rates each.
  ctnn_train::sweep_settings settings;
  settings.runs = 7;
  settings.base_seed = 3;
  settings.epochs = 700;
  settings.threads = 2;
  const std::vector<double> rates = {0.01, 0.3, 1, 2.5, 6};
  for (const ctnn::instruction_set set : available_sets()) {
    settings.instructions = set;
    const auto results = ctnn_train::run_sweeps<xor_task, TestType>(settings, rates);
    REQUIRE(results.size() == rates.size());
    for (std::size_t r = 0; r < rates.size(); ++r) {
      std::vector<std::size_t> solved_after_epoch(settings.epochs, 0);
      REQUIRE(results[r].runs.size() == settings.runs);
      for (std::size_t i = 0; i < settings.runs; ++i) {
        const auto& run = results[r].runs[i];
        CHECK(run.seed == settings.base_seed + i);
        const auto& data = xor_task::data<TestType>();
        auto alone = ctnn::start_training<xor_task::network, TestType>(run.seed);
        ctnn::train(alone, data, rates[r], settings.epochs,
                    [&](std::size_t epoch, TestType, const auto& now) {
                      bool solved = true;
                      for (std::size_t n = 0; n < data.size; ++n)
                        solved = solved && (ctnn::predict(now, data.inputs[n])[0] > 0.5) ==
                                               (data.targets[n][0] > 0.5);
                      solved_after_epoch[epoch] += solved;
                      return true;
                    });
        INFO(ctnn::name(set) << ", rate " << rates[r] << ", seed " << run.seed);
        for (std::size_t p = 0; p < alone.params.size(); ++p)
          CHECK(static_cast<TestType>(run.parameters[p]) == alone.params.values[p]);
      }
      CHECK(results[r].solved_after_epoch == solved_after_epoch);
    }
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
    auto alone = ctnn::start_training<typename Task::network, T>(run.seed);
    std::optional<std::size_t> last_unsolved;
    bool solved = false;
    ctnn::train(alone, data, settings.learning_rate, settings.epochs,
                [&](std::size_t epoch, T, const auto& now) {
                  solved = true;
                  for (std::size_t n = 0; n < data.size; ++n)
                    solved = solved && (ctnn::predict(now, data.inputs[n])[0] > T(0.5)) ==
                                           (data.targets[n][0] > T(0.5));
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

TEST_CASE(
    "a sweep's solved curve is every run's outputs after every epoch, on every instruction set",
    "[sweep][isa]") {
  for (const ctnn::instruction_set set : available_sets()) {
    INFO(ctnn::name(set));
    ctnn_train::sweep_settings settings;
    settings.runs = 20;
    settings.base_seed = 21;
    settings.epochs = 3000;
    settings.threads = 2;
    settings.instructions = set;
    check_solved_epochs<xor_task, double>(settings);
    check_solved_epochs<xor_task, float>(settings);
    settings.epochs = 400;
    check_solved_epochs<or_task, double>(settings);
    check_solved_epochs<tanh_task, float>(settings);
  }
}

TEST_CASE("a run of a sweep that diverges stops where training it alone would", "[sweep]") {
  using or_tanh_task = ctnn_train::task<ctnn_train::task_kind::logical_or_tanh>;
  ctnn_train::sweep_settings settings;
  settings.runs = 4;
  settings.base_seed = 1;
  settings.epochs = 50;
  settings.learning_rate = 1e308;  // as cli.sweep_diverges
  for (const ctnn::instruction_set set : available_sets()) {
    INFO(ctnn::name(set));
    settings.instructions = set;
    const auto result = ctnn_train::run_sweep<or_tanh_task, double>(settings);
    std::size_t diverged = 0;
    for (const auto& run : result.runs) {
      // Alone: the trainer's loop stopped at the first epoch that diverged.
      auto alone = ctnn::start_training<or_tanh_task::network, double>(run.seed);
      const auto& params = alone.params;
      std::optional<std::size_t> diverged_at;
      ctnn::train(alone, or_tanh_task::data<double>(), settings.learning_rate, settings.epochs,
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
}

namespace {

/// The sweep of XOR with the homework's settings over seeds 1 to 50, run once for the tests below.
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
    "a sweep of XOR with the homework's settings solves at least 4 in 5 runs, and names the rest"
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
    "snapshot: the sweep of seeds 1 to 50 with the homework's settings, its stuck seeds and "
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
