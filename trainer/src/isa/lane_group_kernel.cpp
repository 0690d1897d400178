// The sweep's lane groups for one instruction set: this file is compiled once per set, with the
// set's flags and CTNN_ISA_NAMESPACE (trainer/CMakeLists.txt), into train_lane_group_<set>.
// SPDX-License-Identifier: BSL-1.0
//
// Everything this file instantiates must have a name of its own in each compilation, or the
// linker could keep this set's copy of an inline function for callers built for another (an
// AVX-512 copy run on a CPU without AVX-512). ctnn's names carry the set (ctnn::avx2::...), and
// so do the templates below, instantiated on them; the interface is plain data; and std's class
// templates on plain types (std::optional<std::size_t>, std::vector<double>) are not used here.
// The test isa.kernel_symbols checks the objects: every symbol they define outside the set's
// namespace is the entry point or local.
#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/activation.hpp>
#include <ctnn/dataset.hpp>
#include <ctnn/divergence.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/lanes.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/random.hpp>
#include <ctnn/train_lanes.hpp>
#include <type_traits>
#include <utility>

#include "../lane_groups.hpp"
#include "../output_side.hpp"

#if !defined(CTNN_ISA_NAMESPACE)
#  error "compile this file with CTNN_ISA_NAMESPACE set to its instruction set (sse2, avx2, avx512)"
#endif

#define CTNN_TRAIN_JOIN(a, b) a##b
#define CTNN_TRAIN_KERNEL_NAME(set) CTNN_TRAIN_JOIN(train_lane_group_, set)

namespace ctnn_train {

void CTNN_TRAIN_KERNEL_NAME(CTNN_ISA_NAMESPACE)(const lane_group_job& job,
                                                lane_group_result& result);

namespace {

constexpr std::size_t N = lane_group_size;

/// Where a group trained without judging leaves a value of every epoch, so that the compiler
/// keeps the epochs bench_sweep times.
volatile double benchmark_sink = 0;

/// Bit i set where pred(x[i]) holds, for the N lanes of x.
template <class T, class Pred>
[[gnu::always_inline]] inline std::uint32_t lane_bits(const ctnn::lanes<T, N>& x, Pred pred) {
  std::uint32_t bits = 0;
  for (std::size_t i = 0; i < N; ++i) bits |= std::uint32_t{pred(x.lane[i])} << i;
  return bits;
}

/// Trains the group's runs of Net on `data` in T, side by side, judging every run after every
/// epoch as the sweep does (see lane_groups.hpp).
template <class Net, class T, std::size_t Inputs, std::size_t Patterns>
void train_group(const ctnn::dataset<T, Inputs, 1, Patterns>& data, const lane_group_job& job,
                 lane_group_result& result) {
  using lanes = ctnn::lanes<T, N>;
  using output_activation = typename Net::template activation<Net::layer_count - 1>;
  using crossing = half_crossing<output_activation>;
  // Spare lanes repeat the last run, so that every lane trains as a real run would.
  std::uint64_t seeds[N];
  lanes rate;
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t run = i < job.count ? i : job.count - 1;
    seeds[i] = job.seeds[run];
    rate[i] = static_cast<T>(job.rates[run]);  // as ctnn::train converts its rate
  }
  // Each lane's generator seeded as training its network alone seeds it (as
  // ctnn::seeded_generators does, whose std::array<std::uint64_t, N> this file avoids).
  std::array<ctnn::pcg32, N> rngs = [&]<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<ctnn::pcg32, N>{ctnn::pcg32(seeds[I])...};
  }
  (std::make_index_sequence<N>{});
  ctnn::parameters<Net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<Net, T>(rngs[i]);
  ctnn::parameters<Net, lanes> params = ctnn::side_by_side(each);
  ctnn::parameters<net_input_network<Net>, lanes> net_input_params;

  const auto used = static_cast<std::uint32_t>((std::uint64_t{1} << job.count) - 1);
  std::uint32_t running = used;
  std::size_t diverged_at[N] = {};
  std::size_t first = 0;  // the epoch of job.solved[0]
  for (std::size_t epoch = 0; epoch < job.epochs; ++epoch) {
    if (job.judge && epoch - first == job.window) {
      job.report(job.context, first, job.window);
      first = epoch;
    }
    if (running == 0) {
      job.solved[epoch - first] = 0;
      continue;
    }
    const lanes error = ctnn::sgd_epoch(params, data, rate, rngs);
    if (!job.judge) {
      benchmark_sink = benchmark_sink + error[0];
      continue;
    }
    // The divergence rule for every lane at once, each lane its network's bits.
    const lanes norm = ctnn::squared_norm(params.values);
    const std::uint32_t kept =
        lane_bits(error, [](T e) { return e - e == T(0); }) & lane_bits(norm, [](T n) {
          return n <= T(ctnn::divergence_bound * ctnn::divergence_bound);
        });
    if ((running & ~kept) != 0) {
      for (std::size_t i = 0; i < N; ++i) {
        if ((running >> i & 1) != 0 && (kept >> i & 1) == 0) {
          each[i] = ctnn::lane(params, i);
          diverged_at[i] = epoch;
        }
      }
      running &= kept;
    }
    // Each output's side of 0.5 from its net input, decided in vectors where it is far from the
    // crossing and computed lane by lane where near it (as above_half does for one run).
    std::copy(std::begin(params.values), std::end(params.values), net_input_params.values);
    std::uint32_t solved = running;
    for (std::size_t n = 0; n < Patterns; ++n) {
      lanes x[Inputs];
      for (std::size_t k = 0; k < Inputs; ++k) x[k] = lanes(data.inputs[n][k]);
      const lanes net = ctnn::predict(net_input_params, x)[0];
      const std::uint32_t above = lane_bits(net, [](T v) { return v >= T(crossing::above); });
      const std::uint32_t below = lane_bits(net, [](T v) { return v <= T(crossing::below); });
      std::uint32_t side = above;
      for (std::uint32_t near = running & ~(above | below); near != 0; near &= near - 1) {
        const int i = __builtin_ctz(near);
        side |= std::uint32_t{above_half<output_activation>(net[static_cast<std::size_t>(i)])} << i;
      }
      solved &= data.targets[n][0] > T(0.5) ? side : ~side;
    }
    job.solved[epoch - first] = solved & used;
  }
  if (job.judge && job.epochs > first) job.report(job.context, first, job.epochs - first);
  for (std::size_t i = 0; i < job.count; ++i) {
    lane_group_run& run = result.runs[i];
    const bool diverged = (used & ~running) >> i & 1;
    const ctnn::parameters<Net, T> final = diverged ? each[i] : ctnn::lane(params, i);
    for (std::size_t p = 0; p < Net::parameter_count; ++p)
      run.parameters[p] = static_cast<double>(final.values[p]);
    run.diverged = diverged;
    run.diverged_at = diverged ? diverged_at[i] : 0;
  }
}

template <class T>
void train_group_in(const lane_group_job& job, lane_group_result& result) {
  switch (job.task) {
    case task_kind::logical_or:
      train_group<ctnn::homework::or_neuron>(ctnn::homework::or_patterns<T>, job, result);
      break;
    case task_kind::logical_or_tanh:
      train_group<ctnn::homework::or_tanh_neuron>(ctnn::homework::or_patterns<T>, job, result);
      break;
    case task_kind::logical_xor:
      train_group<ctnn::homework::xor_net>(ctnn::homework::xor_patterns<T>, job, result);
      break;
  }
}

static_assert(N <= 32, "lane_group_job::solved holds 32 lanes' bits");
static_assert(ctnn::homework::xor_net::parameter_count <= lane_group_max_parameters);

}  // namespace

void CTNN_TRAIN_KERNEL_NAME(CTNN_ISA_NAMESPACE)(const lane_group_job& job,
                                                lane_group_result& result) {
  if (job.single_precision) {
    train_group_in<float>(job, result);
  } else {
    train_group_in<double>(job, result);
  }
}

}  // namespace ctnn_train
