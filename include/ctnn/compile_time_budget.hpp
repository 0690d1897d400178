// Defines ctnn's estimate of what training costs a constant evaluator, and the stop that
// compile-time training makes, before it starts, when the estimate passes the evaluator's limit.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/activation.hpp>
#include <ctnn/backend.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <type_traits>
#include <utility>

/// The limits that compile-time training is estimated against. A constant evaluation cannot read
/// the compiler's limit: raise one with its flag, and declare the same value here, e.g.
/// `-fconstexpr-steps=4000000 -DCTNN_CONSTEXPR_STEPS=4000000` (Clang), or
/// `-fconstexpr-ops-limit=67108864 -DCTNN_CONSTEXPR_OPS=67108864` (GCC). The defaults are the
/// compilers' own.
#ifndef CTNN_CONSTEXPR_STEPS
#  define CTNN_CONSTEXPR_STEPS 1048576
#endif
#ifndef CTNN_CONSTEXPR_OPS
#  define CTNN_CONSTEXPR_OPS 33554432
#endif

namespace CTNN_NAMESPACE {

/// Compile-time training that would pass the evaluator's limit stops before it starts by
/// reaching one of these two, so that the first lines say so, with the numbers. Not constexpr,
/// for Clang, which prints its name and then the arguments of the call that led to it (the
/// estimated steps, and the limit that CTNN_CONSTEXPR_STEPS declares):
inline void training_exceeds_constexpr_steps_pass_fconstexpr_steps_and_CTNN_CONSTEXPR_STEPS() {}
/// For GCC, which prints the value of an index out of bounds: indexed by the estimated
/// operations, always out of its bounds.
// GCC's note quotes the line that declares it, the advice included:
// clang-format off
inline constexpr bool training_exceeds_constexpr_ops_limit_needs[1] = {};  // pass -fconstexpr-ops-limit=N -DCTNN_CONSTEXPR_OPS=N, N at least the index (GCC's default 33554432)
// clang-format on

namespace detail {

/// What an evaluator charges a training run without an observer, as measured (bench/README.md's
/// compile-time section): per epoch, per pattern, per pattern and parameter, per pattern and
/// unit by activation; and once, per parameter (its initial draw).
struct evaluator_costs {
  double per_epoch;
  double per_pattern;
  double per_pattern_parameter;
  double per_pattern_logistic_unit;
  double per_pattern_tanh_unit;
  double per_pattern_other_unit;  // relu, linear
  double per_run;
  double per_parameter;
  /// The factor over the model that the estimate takes: small, as it is also how far short of
  /// the limit a run can be stopped.
  double margin;
};

// Fitted to nine runs (OR with 1, 4 and 8 patterns; logistic, tanh, linear and relu units;
// 2-2-1, 2-4-1 and a 2-2-1 linear net with a shortcut) of ctnn at 7c67596, Clang 14 and GCC 12.
// Clang charges a fold over every weight one step, whatever its length: no cost per parameter.
// On those runs GCC's model is within 0.1%, or over by up to 7% (one pattern); Clang's within a
// step, or over by 41% (one pattern). The margins: 2% for GCC, whose limit OR's neuron nearly
// fills (a larger one would stop runs that fit), 5% for Clang (bench/README.md).
// Since one function states each pass (fold/passes.hpp) and one each epoch's loop, a pattern
// costs GCC 4.8 operations and Clang 3.5 steps more, measured on OR's neuron and the homework's
// XOR net alike: the per-pattern costs below are 112.6 and 9 raised by that.
#if defined(__clang__)
inline constexpr evaluator_costs evaluator{23, 12.5, 0, 9, 10, 4, 33, 75, 1.05};
#else
inline constexpr evaluator_costs evaluator{0, 117.4, 56.4, 76.3, 84, 0, 154, 872, 1.02};
#endif

/// What an evaluator charges a pattern of a network that runs the loops (ctnn/backend.hpp): per
/// weight, per weight that reads a hidden unit (which passes error back), and per dense unit,
/// whatever its activation (the loops' bookkeeping outweighs it).
// Fitted at c3990d5 (GCC 12, Clang 14; one pattern, 4 and 12 epochs) to 16-16-1 and 32-16-1
// logistic (272 and 528 weights), 16-16-16-1 with relu (528) and 12-8-15-36 (756): GCC's model is
// over by 0.5% to 2.6% on all four, Clang's within 0.7% (under on the last by 0.7%, which its 5%
// margin covers). Clang charges every iteration of a loop, so the loops cost it about 21 steps a
// weight where the folds cost nothing per weight (docs/evaluator-costs.md). The once-per-run costs
// are the folds' (the initial draws are the same code), and over on both.
struct loop_costs {
  double per_pattern_weight;
  double per_pattern_hidden_weight;
  double per_pattern_unit;
};
#if defined(__clang__)
inline constexpr loop_costs loop_evaluator{21, 0, 58};
#else
inline constexpr loop_costs loop_evaluator{240, 47, 560};
#endif

/// Weights of Net that read a hidden unit: each layer's width times its fan-in less the input
/// groups' part of it.
template <class Net>
constexpr double hidden_weight_count() {
  return [&]<std::size_t... L>(std::index_sequence<L...>) {
    return (0.0 + ... + [] {
      constexpr std::size_t layer = Net::input_group_count + L;
      constexpr auto width = []<std::size_t... S>(std::index_sequence<S...>) {
        return std::array{Net::template width<S>...};
      }
      (std::make_index_sequence<Net::layer_count>{});
      double reading_input = 0;
      for (const std::size_t source : Net::template sources<layer>)
        if (source < Net::input_group_count) reading_input += double(width[source]);
      return double(Net::template width<layer>) *
             (double(Net::template fan_in<layer>) - reading_input);
    }());
  }
  (std::make_index_sequence<Net::dense_layer_count>{});
}

template <class Act>
constexpr double unit_cost() {
  if constexpr (std::is_same_v<Act, logistic>)
    return evaluator.per_pattern_logistic_unit;
  else if constexpr (std::is_same_v<Act, linear> || std::is_same_v<Act, relu>)
    return evaluator.per_pattern_other_unit;
  // tanh, and activations the measurements do not know, which may cost more.
  else
    return evaluator.per_pattern_tanh_unit;
}

/// The estimated cost of training Net on Count patterns for `epochs` epochs without an observer,
/// in the evaluator's units (an observer adds its own cost and the epoch error's).
template <class Net, std::size_t Count>
constexpr double training_cost(std::size_t epochs) {
  const double units = [&]<std::size_t... L>(std::index_sequence<L...>) {
    return (0.0 + ... +
            (double(Net::template width<Net::input_group_count + L>) *
             unit_cost<typename Net::template activation<Net::input_group_count + L>>()));
  }
  (std::make_index_sequence<Net::dense_layer_count>{});
  const double dense_units = double(Net::unit_count - Net::input_width);
  const double per_pattern =
      runs_folds<Net> ? evaluator.per_pattern +
                            evaluator.per_pattern_parameter * double(Net::parameter_count) + units
                      : loop_evaluator.per_pattern_weight * double(weight_count<Net>) +
                            loop_evaluator.per_pattern_hidden_weight * hidden_weight_count<Net>() +
                            loop_evaluator.per_pattern_unit * dense_units;
  const double per_epoch = evaluator.per_epoch + double(Count) * per_pattern;
  const double once = evaluator.per_run + evaluator.per_parameter * double(Net::parameter_count);
  return evaluator.margin * (once + double(epochs) * per_epoch);
}

/// The declared limit of the evaluator compiling this.
inline constexpr double declared_limit =
#if defined(__clang__)
    CTNN_CONSTEXPR_STEPS;
#else
    CTNN_CONSTEXPR_OPS;
#endif

/// The most epochs of Net on Count patterns whose estimate is within the declared limit.
template <class Net, std::size_t Count>
constexpr std::size_t epochs_within_budget() {
  const double one = training_cost<Net, Count>(1) - training_cost<Net, Count>(0);
  auto epochs = static_cast<std::size_t>((declared_limit - training_cost<Net, Count>(0)) / one);
  while (training_cost<Net, Count>(epochs + 1) <= declared_limit) ++epochs;
  while (training_cost<Net, Count>(epochs) > declared_limit) --epochs;
  return epochs;
}

/// Clang's stop: its note prints this call's arguments.
constexpr bool constexpr_steps_needed(unsigned long long estimate, unsigned long long limit) {
  if (estimate > limit)
    training_exceeds_constexpr_steps_pass_fconstexpr_steps_and_CTNN_CONSTEXPR_STEPS();
  return true;
}

/// Stops a constant evaluation whose training is estimated to pass the declared limit.
template <class Net, std::size_t Count>
constexpr void check_training_budget(std::size_t epochs) {
  const double cost = training_cost<Net, Count>(epochs);
  // Rounded up, so that the estimate shown is above the limit whenever it stops.
  const auto estimate = static_cast<unsigned long long>(cost) + 1;
#if defined(__clang__)
  if (cost > declared_limit) constexpr_steps_needed(estimate, CTNN_CONSTEXPR_STEPS);
#elif defined(__GNUC__)
  if (cost > declared_limit && training_exceeds_constexpr_ops_limit_needs[estimate]) return;
#endif
}

}  // namespace detail

}  // namespace CTNN_NAMESPACE
