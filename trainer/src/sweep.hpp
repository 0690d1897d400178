// Defines `ctnn_train::run_sweep`: many independently seeded runs of one task on every core, and
// what they have in common: how often and how soon they solve it, and which solutions they find.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctnn/forward.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/random.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "explain.hpp"
#include "tasks.hpp"
#include "training.hpp"

namespace ctnn_train {

/// What a sweep is asked to do; the command line fills it in.
struct sweep_settings {
  std::size_t runs = 100;
  /// Run i (0-based) is seeded with base_seed + i, so a sweep is the same on any machine.
  std::uint64_t base_seed = 1;
  std::size_t epochs = 0;
  double learning_rate = 0.05;
  std::filesystem::path out = ".";
  /// Show "k of N runs" on stderr while the sweep runs.
  bool progress = false;
  /// Worker threads; 0 for one per core.
  unsigned threads = 0;
};

/// One run of a sweep.
struct sweep_run {
  std::uint64_t seed = 0;
  outcome result;
  /// The first epoch after which every output stays on the correct side of 0.5 until the end;
  /// empty if the run ends unsolved.
  std::optional<std::size_t> solved_from;
  /// The XOR solution family or stuck class (explain_xor); empty for the OR tasks.
  std::string family;
  /// The epoch at which the error stopped being finite, if it did (the run stops there).
  std::optional<std::size_t> diverged_at;
};

/// Every run, in seed order, and how many runs were solved after each epoch.
struct sweep_result {
  std::vector<sweep_run> runs;
  std::vector<std::size_t> solved_after_epoch;
  unsigned threads = 1;
};

/// The p-th percentile (0 < p <= 100) of values by the nearest-rank method: the smallest value
/// with at least p% of the values at or below it. values must not be empty.
std::size_t percentile(std::vector<std::size_t> values, double p);

/// Prints the sweep's summary. `task` and `scalar` name what was trained.
void print_sweep(std::ostream& out, std::string_view task, std::string_view scalar,
                 const sweep_settings& settings, const sweep_result& result);

/// The sweep's last line: "sweep xor: 91.9% solved (...)".
std::string sweep_verdict(std::string_view task, const sweep_result& result);

/// The fraction of runs solved after each epoch, for write_solved_fraction.
std::vector<double> solved_fraction(const sweep_result& result);

namespace detail {

template <class Task, class T>
sweep_run sweep_one(std::uint64_t seed, const sweep_settings& settings,
                    std::vector<std::size_t>& solved_after_epoch) {
  using Net = typename Task::network;
  const auto& data = Task::template data<T>();
  const auto solved = [&](const ctnn::parameters<Net, T>& p) {
    for (std::size_t n = 0; n < data.size; ++n) {
      const T output = ctnn::predict(p, {data.inputs[n][0], data.inputs[n][1]})[0];
      if ((output > T(0.5)) != (data.targets[n][0] > T(0.5))) return false;
    }
    return true;
  };
  sweep_run run;
  run.seed = seed;
  ctnn::pcg32 rng(seed);
  auto params = ctnn::initialize<Net, T>(rng);
  std::optional<std::size_t> last_unsolved;
  run_epochs(params, data, settings.learning_rate, settings.epochs, rng,
             [&](std::size_t epoch, T error, const ctnn::parameters<Net, T>& p) {
               if (!std::isfinite(error)) {
                 run.diverged_at = epoch;
                 return false;
               }
               if (solved(p)) {
                 ++solved_after_epoch[epoch];
               } else {
                 last_unsolved = epoch;
               }
               return true;
             });
  std::array<double, 4> outputs{}, targets{};
  for (std::size_t n = 0; n < data.size; ++n) {
    outputs[n] =
        static_cast<double>(ctnn::predict(params, {data.inputs[n][0], data.inputs[n][1]})[0]);
    targets[n] = static_cast<double>(data.targets[n][0]);
  }
  run.result = assess(outputs, targets);
  if (run.diverged_at) {
    run.result.correct_side = 0;
    run.family = "diverged";
    return run;
  }
  if (run.result.solved() && settings.epochs > 0)
    run.solved_from = last_unsolved ? *last_unsolved + 1 : 0;
  if constexpr (std::is_same_v<Net, xor_net>) {
    ctnn::parameters<Net, double> as_double;
    for (std::size_t i = 0; i < Net::parameter_count; ++i)
      as_double.values[i] = static_cast<double>(params.values[i]);
    run.family = explain_xor(as_double).family;
  }
  return run;
}

}  // namespace detail

/// Trains settings.runs networks of Task in scalar type T, seeded base_seed, base_seed + 1, ...,
/// on all cores. The result does not depend on the number of threads.
template <class Task, class T>
sweep_result run_sweep(const sweep_settings& settings) {
  sweep_result result;
  result.runs.resize(settings.runs);
  result.threads =
      settings.threads != 0 ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
  result.threads = static_cast<unsigned>(
      std::min<std::size_t>(result.threads, std::max<std::size_t>(settings.runs, 1)));
  // Each worker takes the next run index and counts solved runs per epoch for itself; the sums
  // are added afterwards, so neither depends on which thread ran what.
  std::atomic<std::size_t> next{0}, done{0};
  std::vector<std::vector<std::size_t>> counts(result.threads,
                                               std::vector<std::size_t>(settings.epochs, 0));
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < result.threads; ++t) {
    workers.emplace_back([&, t] {
      for (std::size_t i = next++; i < settings.runs; i = next++) {
        result.runs[i] = detail::sweep_one<Task, T>(settings.base_seed + i, settings, counts[t]);
        ++done;
      }
    });
  }
  if (settings.progress) {
    while (done < settings.runs) {
      std::fprintf(stderr, "\rsweep %s: %zu of %zu runs", std::string(Task::name).c_str(),
                   done.load(), settings.runs);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::fprintf(stderr, "\r%60s\r", "");
  }
  for (std::thread& worker : workers) worker.join();
  result.solved_after_epoch.assign(settings.epochs, 0);
  for (const auto& count : counts)
    for (std::size_t e = 0; e < settings.epochs; ++e) result.solved_after_epoch[e] += count[e];
  return result;
}

}  // namespace ctnn_train
