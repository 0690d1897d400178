// Defines the sweep's lane groups: up to 16 runs trained side by side in ctnn::lanes by code built
// for each vector unit of x86-64 (trainer/src/isa/lane_group_kernel.cpp, compiled once per
// instruction set), and the choice among them when the program starts.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctnn/instruction_set.hpp>
#include <optional>
#include <string_view>

#include "task_kind.hpp"

namespace ctnn_train {

/// Runs trained side by side in one group: 16 measured fastest or within a fifth of it for both
/// compilers, float and double, SSE2 and AVX2 (bench_sweep on a 2-core AMD EPYC).
inline constexpr std::size_t lane_group_size = 16;
/// The most parameters a task's network has (XOR's 7).
inline constexpr std::size_t lane_group_max_parameters = 7;

/// What one group trains: `count` runs (1 to lane_group_size), run i seeded seeds[i] and trained
/// at rates[i] (converted to the scalar type as ctnn::train converts its rate).
/// Plain data only: the kernels of different instruction sets share no ctnn type with the caller.
struct lane_group_job {
  task_kind task = task_kind::logical_xor;
  bool single_precision = false;
  std::size_t count = 0;
  std::size_t epochs = 0;
  std::uint64_t seeds[lane_group_size] = {};
  double rates[lane_group_size] = {};
  /// Whether to judge the runs after every epoch (and fill `solved`), as sweeps do; bench_sweep
  /// measures the training alone without.
  bool judge = true;
  /// Bit i of solved[e - first] is set if run i is solved after epoch e (every output on the
  /// correct side of 0.5, as `ctnn-train <task>` judges it). The kernel fills `window` entries at
  /// a time, from epoch `first` on, and then calls report(context, first, count): a group's
  /// memory does not grow with the epochs.
  std::uint32_t* solved = nullptr;
  std::size_t window = 0;
  void (*report)(void* context, std::size_t first, std::size_t count) = nullptr;
  void* context = nullptr;
};

/// What one run of a group ends with.
struct lane_group_run {
  /// The parameters in ctnn's order (as double, which holds a float exactly): the last epoch's,
  /// or, for a run that diverged, those of the epoch at which it did.
  double parameters[lane_group_max_parameters] = {};
  /// Whether the run diverged (its epoch error not finite, or its norm beyond 1e6), and at which
  /// epoch. (No std::optional here: see isa/lane_group_kernel.cpp on what the kernels may use.)
  bool diverged = false;
  std::size_t diverged_at = 0;
};

struct lane_group_result {
  lane_group_run runs[lane_group_size];
};

/// Trains a group with the lanes built for `set`, which the CPU must support (a kernel built for
/// a wider unit than the build could make falls back to the widest built; see built_for). Each
/// run's results are bit for bit those of its network trained alone (ctnn::train).
void train_lane_group(ctnn::instruction_set set, const lane_group_job& job,
                      lane_group_result& result);

/// Whether this build has lanes compiled for `set` (by default all three on x86-64, sse2 alone
/// elsewhere; CMake's CTNN_TRAIN_INSTRUCTION_SETS chooses).
bool built_for(ctnn::instruction_set set);

/// The widest instruction set both built and supported by the CPU: what sweeps use by default.
ctnn::instruction_set widest_available_instruction_set();

/// The instruction set sweeps use: the one --isa names (`flag`), else the one the environment
/// variable CTNN_ISA names (`environment`, its value or null), else the widest both built and
/// supported by the CPU. Throws input_error, naming the flag or variable, for a value that names
/// no instruction set or one this CPU or build lacks.
ctnn::instruction_set sweep_instruction_set(std::optional<std::string_view> flag,
                                            const char* environment);

}  // namespace ctnn_train
