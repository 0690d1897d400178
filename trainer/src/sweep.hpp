// Defines `ctnn_train::run_sweep`: many independently seeded runs of one task on every core, and
// what they have in common: how often and how soon they solve it, and which solutions they find.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctnn/forward.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/random.hpp>
#include <filesystem>
#include <mutex>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "divergence.hpp"
#include "explain.hpp"
#include "sweep_result.hpp"
#include "lane_groups.hpp"
#include "output_side.hpp"
#include "progress.hpp"
#include "tasks.hpp"

namespace ctnn_train {

namespace detail {

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

/// What the kernel's reports of a group's solved runs add up to: each run's last unsolved epoch,
/// and each epoch's solved runs counted per rate (a group spans one or a few rates).
struct solved_tally {
  const lane_group_job* job = nullptr;
  std::size_t first_run = 0, runs = 0;  // the group's first run of the grid; runs a rate
  std::vector<std::vector<std::atomic<std::uint32_t>>>* counts = nullptr;
  std::optional<std::size_t> last_unsolved[lane_group_size];

  static void add(void* context, std::size_t first, std::size_t count) {
    auto& tally = *static_cast<solved_tally*>(context);
    const lane_group_job& job = *tally.job;
    for (std::size_t i = 0; i < job.count; ++i) {
      for (std::size_t e = count; e-- > 0;) {
        if ((job.solved[e] >> i & 1) == 0) {
          tally.last_unsolved[i] = first + e;
          break;
        }
      }
    }
    for (std::size_t i = 0; i < job.count;) {
      const std::size_t rate = (tally.first_run + i) / tally.runs;
      const std::size_t end = std::min(job.count, (rate + 1) * tally.runs - tally.first_run);
      const auto mask = static_cast<std::uint32_t>(((std::uint64_t{1} << end) - 1) &
                                                   ~((std::uint64_t{1} << i) - 1));
      for (std::size_t e = 0; e < count; ++e) {
        if (const int in_rate = std::popcount(job.solved[e] & mask))
          (*tally.counts)[rate][first + e].fetch_add(static_cast<std::uint32_t>(in_rate),
                                                     std::memory_order_relaxed);
      }
      i = end;
    }
  }
};

}  // namespace detail

/// Trains settings.runs networks of Task in scalar type T at each learning rate of `rates`,
/// seeded base_seed, base_seed + 1, ... (the same seeds at every rate), on all cores, in groups of
/// lane_group_size side by side with the lanes built for settings.instructions. Returns one
/// sweep_result a rate. The results do not depend on the number of threads or the instruction
/// set, and each run's is that network's trained alone, bit for bit.
template <class Task, class T>
std::vector<sweep_result> run_sweeps(const sweep_settings& settings,
                                     std::span<const double> rates) {
  std::vector<sweep_result> results(rates.size());
  const std::size_t runs = settings.runs, total = runs * rates.size();
  unsigned threads =
      settings.threads != 0 ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
  // Runs go to the workers a group at a time, rate after rate: more threads than groups would idle.
  const std::size_t groups = (total + lane_group_size - 1) / lane_group_size;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(groups, 1)));
  for (sweep_result& result : results) {
    result.runs.resize(runs);
    result.threads = threads;
  }
  // One count per rate and epoch for all workers, added to atomically: the memory does not grow
  // with the thread count, and the sums do not depend on which thread ran what. (At most 1e6 runs
  // a rate fit.)
  std::vector<std::vector<std::atomic<std::uint32_t>>> counts(rates.size());
  for (auto& count : counts) count = std::vector<std::atomic<std::uint32_t>>(settings.epochs);
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex finished_mutex;
  std::condition_variable finished;
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      // The kernel reports solved runs a window of epochs at a time: 16 KiB a thread.
      std::vector<std::uint32_t> solved(4096);
      lane_group_job job;
      job.task = Task::kind;
      job.single_precision = std::is_same_v<T, float>;
      job.epochs = settings.epochs;
      job.solved = solved.data();
      job.window = solved.size();
      job.report = detail::solved_tally::add;
      lane_group_result group;
      for (std::size_t first = next.fetch_add(lane_group_size); first < total;
           first = next.fetch_add(lane_group_size)) {
        job.count = std::min(lane_group_size, total - first);
        for (std::size_t i = 0; i < job.count; ++i) {
          job.seeds[i] = settings.base_seed + (first + i) % runs;
          job.rates[i] = rates[(first + i) / runs];
        }
        detail::solved_tally tally{&job, first, runs, &counts, {}};
        job.context = &tally;
        train_lane_group(settings.instructions, job, group);
        for (std::size_t i = 0; i < job.count; ++i) {
          const std::size_t rate = (first + i) / runs, seed = (first + i) % runs;
          const lane_group_run& lane = group.runs[i];
          ctnn::parameters<typename Task::network, T> params;
          for (std::size_t p = 0; p < Task::network::parameter_count; ++p)
            params.values[p] = static_cast<T>(lane.parameters[p]);
          sweep_settings at_rate = settings;
          at_rate.learning_rate = rates[rate];
          results[rate].runs[seed] = detail::finish_run<Task, T>(
              job.seeds[i], params, at_rate, tally.last_unsolved[i],
              lane.diverged ? std::optional<std::size_t>(lane.diverged_at) : std::nullopt);
        }
        if ((done += job.count) == total) {
          const std::lock_guard lock(finished_mutex);
          finished.notify_all();
        }
      }
    });
  }
  if (settings.progress != progress_mode::off) {
    // Woken by the last group, so that showing progress never delays the sweep's end.
    progress_meter progress(settings.progress, fmt::format("sweep {}", Task::name), total, "runs");
    std::unique_lock lock(finished_mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(100), [&] { return done >= total; }))
      progress.update(done);
  }
  for (std::thread& worker : workers) worker.join();
  for (std::size_t r = 0; r < rates.size(); ++r) {
    results[r].solved_after_epoch.resize(settings.epochs);
    for (std::size_t e = 0; e < settings.epochs; ++e)
      results[r].solved_after_epoch[e] = counts[r][e].load(std::memory_order_relaxed);
  }
  return results;
}

/// run_sweeps at settings.learning_rate alone.
template <class Task, class T>
sweep_result run_sweep(const sweep_settings& settings) {
  const double rate[] = {settings.learning_rate};
  return std::move(run_sweeps<Task, T>(settings, rate).front());
}

}  // namespace ctnn_train
