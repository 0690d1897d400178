// Defines `ctnn_train::run_sweep`: many independently seeded runs of one task on every core, and
// what they have in common: how often and how soon they solve it, and which solutions they find.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctnn/forward.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/random.hpp>
#include <ctnn/train_lanes.hpp>
#include <filesystem>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "divergence.hpp"
#include "explain.hpp"
#include "output_side.hpp"
#include "progress.hpp"
#include "tasks.hpp"

namespace ctnn_train {

/// What a sweep is asked to do; the command line fills it in.
struct sweep_settings {
  std::size_t runs = 100;
  /// Run i (0-based) is seeded with base_seed + i, so a sweep is the same on any machine.
  std::uint64_t base_seed = 1;
  std::size_t epochs = 0;
  double learning_rate = 0.05;
  std::filesystem::path out = ".";
  /// How "k of N runs" is shown on stderr while the sweep runs.
  progress_mode progress = progress_mode::off;
  /// Every epoch in the CSV, rather than at most curve_csv_rows.
  bool full_curve = false;
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
  /// The epoch at which the run diverged (see `diverged`), if it did; the run stops there.
  std::optional<std::size_t> diverged_at;
  /// The run's final parameters, in ctnn's order (as double, which holds a float exactly).
  std::vector<double> parameters;
  /// The final output for each pattern, in the task's order (00, 01, 10, 11).
  std::array<double, 4> outputs{};
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

/// How many networks a sweep trains side by side: 16, the fastest count or within a fifth of it
/// for both compilers, float and double, SSE2 and AVX2 (bench_sweep on a 2-core AMD EPYC).
template <class T>
inline constexpr std::size_t sweep_lanes = 16;

/// Judges a run's final parameters, as `ctnn-train <task>` would: its outcome, when it became
/// solved, and for XOR its solution family.
template <class Task, class T>
sweep_run finish_run(std::uint64_t seed, const ctnn::parameters<typename Task::network, T>& params,
                     const sweep_settings& settings, std::optional<std::size_t> last_unsolved,
                     std::optional<std::size_t> diverged_at) {
  using Net = typename Task::network;
  const auto& data = Task::template data<T>();
  sweep_run run;
  run.seed = seed;
  run.diverged_at = diverged_at;
  run.parameters.assign(std::begin(params.values), std::end(params.values));
  std::array<double, 4> outputs{}, targets{};
  for (std::size_t n = 0; n < data.size; ++n) {
    outputs[n] =
        static_cast<double>(ctnn::predict(params, {data.inputs[n][0], data.inputs[n][1]})[0]);
    targets[n] = static_cast<double>(data.targets[n][0]);
  }
  run.outputs = outputs;
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

/// Trains the `count` runs seeded first_seed, first_seed + 1, ... side by side in lanes (count
/// at most sweep_lanes<T>; spare lanes repeat the last seed and are dropped), writing them to
/// runs[0 .. count). Each lane is its network trained alone, bit for bit: ctnn::sgd_epoch over
/// lanes draws every lane's pattern order from that lane's generator. A lane whose epoch error
/// stops being finite keeps its parameters from that epoch, as a run stopped there would.
template <class Task, class T>
void sweep_lanes_of(std::uint64_t first_seed, std::size_t count, const sweep_settings& settings,
                    std::vector<std::atomic<std::uint32_t>>& solved_after_epoch, sweep_run* runs) {
  constexpr std::size_t N = sweep_lanes<T>;
  using Net = typename Task::network;
  using lanes = ctnn::lanes<T, N>;
  const auto& data = Task::template data<T>();
  std::array<std::uint64_t, N> seeds{};
  for (std::size_t i = 0; i < N; ++i) seeds[i] = first_seed + std::min(i, count - 1);
  std::array<ctnn::pcg32, N> rngs = ctnn::seeded_generators(seeds);
  ctnn::parameters<Net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<Net, T>(rngs[i]);
  ctnn::parameters<Net, lanes> params = ctnn::side_by_side(each);
  ctnn::parameters<net_input_network<Net>, lanes> net_input_params;
  using output_activation = typename Net::template activation<Net::layer_count - 1>;

  std::array<std::optional<std::size_t>, N> last_unsolved{}, diverged_at{};
  std::size_t running = count;
  const T rate = static_cast<T>(settings.learning_rate);  // as ctnn::train converts its rate
  for (std::size_t epoch = 0; epoch < settings.epochs && running > 0; ++epoch) {
    const lanes error = ctnn::sgd_epoch(params, data, rate, rngs);
    // The output's side of 0.5 from its net input: the output activation is computed only for
    // the lanes near its crossing, rather than for every lane and pattern after every epoch.
    std::copy(std::begin(params.values), std::end(params.values), net_input_params.values);
    lanes net_inputs[std::remove_cvref_t<decltype(data)>::size];
    for (std::size_t n = 0; n < data.size; ++n)
      net_inputs[n] =
          ctnn::predict(net_input_params, {lanes(data.inputs[n][0]), lanes(data.inputs[n][1])})[0];
    // The divergence rule's norm for every lane at once, each lane its network's bits.
    const lanes norm = squared_norm(params.values);
    std::uint32_t solved_now = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (diverged_at[i]) continue;
      if (!std::isfinite(error[i]) || !(norm[i] <= T(divergence_bound * divergence_bound))) {
        diverged_at[i] = epoch;
        each[i] = ctnn::lane(params, i);
        --running;
        continue;
      }
      bool solved = true;
      for (std::size_t n = 0; n < data.size; ++n)
        solved = solved &&
                 above_half<output_activation>(net_inputs[n][i]) == (data.targets[n][0] > T(0.5));
      if (solved) {
        ++solved_now;
      } else {
        last_unsolved[i] = epoch;
      }
    }
    if (solved_now > 0) solved_after_epoch[epoch].fetch_add(solved_now, std::memory_order_relaxed);
  }
  for (std::size_t i = 0; i < count; ++i)
    runs[i] = finish_run<Task, T>(seeds[i], diverged_at[i] ? each[i] : ctnn::lane(params, i),
                                  settings, last_unsolved[i], diverged_at[i]);
}

}  // namespace detail

/// Trains settings.runs networks of Task in scalar type T, seeded base_seed, base_seed + 1, ...,
/// on all cores, sweep_lanes<T> side by side on each. The result does not depend on the number
/// of threads, and each run's is that network's trained alone, bit for bit.
template <class Task, class T>
sweep_result run_sweep(const sweep_settings& settings) {
  sweep_result result;
  result.runs.resize(settings.runs);
  result.threads =
      settings.threads != 0 ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
  // Runs go to the workers in blocks of one lane group: more threads than blocks would idle.
  constexpr std::size_t block = detail::sweep_lanes<T>;
  const std::size_t blocks = (settings.runs + block - 1) / block;
  result.threads = static_cast<unsigned>(
      std::min<std::size_t>(result.threads, std::max<std::size_t>(blocks, 1)));
  // One count per epoch for all workers, added to atomically: the memory does not grow with the
  // thread count, and the sums do not depend on which thread ran what. (At most 1e6 runs fit.)
  std::vector<std::atomic<std::uint32_t>> counts(settings.epochs);
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex finished_mutex;
  std::condition_variable finished;
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < result.threads; ++t) {
    workers.emplace_back([&] {
      for (std::size_t i = next.fetch_add(block); i < settings.runs; i = next.fetch_add(block)) {
        const std::size_t count = std::min(block, settings.runs - i);
        detail::sweep_lanes_of<Task, T>(settings.base_seed + i, count, settings, counts,
                                        result.runs.data() + i);
        if ((done += count) == settings.runs) {
          const std::lock_guard lock(finished_mutex);
          finished.notify_all();
        }
      }
    });
  }
  if (settings.progress != progress_mode::off) {
    // Woken by the last block, so that showing progress never delays the sweep's end.
    progress_meter progress(settings.progress, fmt::format("sweep {}", Task::name), settings.runs,
                            "runs");
    std::unique_lock lock(finished_mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(100),
                              [&] { return done >= settings.runs; }))
      progress.update(done);
  }
  for (std::thread& worker : workers) worker.join();
  result.solved_after_epoch.resize(settings.epochs);
  for (std::size_t e = 0; e < settings.epochs; ++e)
    result.solved_after_epoch[e] = counts[e].load(std::memory_order_relaxed);
  return result;
}

}  // namespace ctnn_train
