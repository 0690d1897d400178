// Defines SGD for N networks side by side in lanes<T, N>: ctnn::sgd_epoch over lanes, and the
// moves between N networks' parameters and one set of lane parameters.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/lanes.hpp>
#include <ctnn/lanes/draws.hpp>
#include <ctnn/lanes/math.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <ctnn/train.hpp>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {

/// N networks' parameters as one set of lane parameters, network i in lane i. Every activation of
/// Net must compute in lanes<T, N> (ActivationsFor): the first that does not stops the compile
/// here, named with its layer and the lanes type.
template <class Net, class T, std::size_t N>
constexpr parameters<Net, lanes<T, N>> side_by_side(const parameters<Net, T> (&each)[N]) {
  static_assert(sizeof(detail::scalar_mistake_type<Net, lanes<T, N>>) > 0);
  parameters<Net, lanes<T, N>> together;
  for (std::size_t p = 0; p < Net::parameter_count; ++p)
    for (std::size_t i = 0; i < N; ++i) together.values[p].lane[i] = each[i].values[p];
  return together;
}

/// The parameters of the network in lane i.
template <class Net, class T, std::size_t N>
constexpr parameters<Net, T> lane(const parameters<Net, lanes<T, N>>& together, std::size_t i) {
  parameters<Net, T> one;
  for (std::size_t p = 0; p < Net::parameter_count; ++p) one.values[p] = together.values[p].lane[i];
  return one;
}

/// A generator per lane, lane i's seeded with random_seeds[i] as training a network alone with that
/// random seed is.
template <std::size_t N>
constexpr std::array<pcg32, N> seeded_generators(const std::array<std::uint64_t, N>& random_seeds) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<pcg32, N>{pcg32(random_seeds[I])...};
  }
  (std::make_index_sequence<N>{});
}

/// One epoch of SGD for N networks side by side: network i visits the patterns in an order drawn
/// from rngs[i] exactly as sgd_epoch draws it, and learns at its lane of learning_rate (a scalar
/// gives every lane the same rate), so each lane's parameters, generator and summed error end as
/// training that network alone at that rate would leave them: a grid of rates and seeds trains
/// side by side.
template <class Net, class T, std::size_t N, std::size_t Inputs, std::size_t Outputs,
          std::size_t Count>
requires(ActivationsFor<Net, lanes<T, N>>&& detail::loss_fits<Net, sum_of_squares>)
    [[gnu::flatten]] constexpr lanes<T, N> sgd_epoch(
        parameters<Net, lanes<T, N>>& params, const dataset<T, Inputs, Outputs, Count>& data,
        const std::type_identity_t<lanes<T, N>>& learning_rate, std::array<pcg32, N>& rngs) {
  detail::check_dataset_widths<Net, T, Inputs, Outputs>();
  // A copy: a reference could alias the parameters, and every store to them would reload it.
  const lanes<T, N> rate = learning_rate;
  lanes<T, N> error{};
  if constexpr (detail::patterns_in_registers<T, N, Count> && detail::draws_unroll<Count>) {
    if (!std::is_constant_evaluated()) {
      lanes<T, N> x[Count][Inputs], y[Count][Outputs];
      if (detail::patterns_side_by_side(rngs, data, x, y)) {
        for (std::size_t n = 0; n < Count; ++n)
          error += detail::backprop<Net>::step(params.values, x[n], y[n], rate);
        return error;
      }
    }
  }
  std::size_t order[N][Count];
  bool shuffled = false;
  if constexpr (detail::draws_side_by_side && std::has_single_bit(N) &&
                detail::draws_unroll<Count>) {
    if (!std::is_constant_evaluated()) shuffled = detail::shuffle_side_by_side(rngs, order);
  }
  if (!shuffled) {
    for (std::size_t i = 0; i < N; ++i) {
      detail::iota(order[i], std::make_index_sequence<Count>{});
      shuffle(order[i], rngs[i]);
    }
  }
  for (std::size_t n = 0; n < Count; ++n) {
    // Each lane's pattern, gathered: the inputs and targets of step n differ from lane to lane.
    lanes<T, N> x[Inputs], y[Outputs];
    if constexpr (std::has_single_bit(N)) {
      if (!std::is_constant_evaluated()) {
        // A register's worth of lanes at a time, stored whole: the steps read them as vectors,
        // which lane-by-lane stores would stall.
        constexpr std::size_t W = detail::chunk_lanes<T, N>;
        detail::for_each_chunk<W, N>([&](std::size_t c) __attribute__((always_inline)) {
          const auto at = [&]<std::size_t... I>(const auto& table, std::size_t k,
                                                std::index_sequence<I...>)
              __attribute__((always_inline)) {
            return detail::vector_of<T, W>{table[order[c + I][n]][k]...};
          };
          for (std::size_t k = 0; k < Inputs; ++k) {
            const auto v = at(data.inputs, k, std::make_index_sequence<W>{});
            __builtin_memcpy(x[k].lane + c, &v, sizeof v);
          }
          for (std::size_t o = 0; o < Outputs; ++o) {
            const auto v = at(data.targets, o, std::make_index_sequence<W>{});
            __builtin_memcpy(y[o].lane + c, &v, sizeof v);
          }
        });
        error += detail::backprop<Net>::step(params.values, x, y, rate);
        continue;
      }
    }
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t k = 0; k < Inputs; ++k) x[k].lane[i] = data.inputs[order[i][n]][k];
      for (std::size_t o = 0; o < Outputs; ++o) y[o].lane[i] = data.targets[order[i][n]][o];
    }
    error += detail::backprop<Net>::step(params.values, x, y, rate);
  }
  return error;
}

/// sgd_epoch for N networks with an activation that does not compute in lanes<T, N>: stops the
/// compile with that activation, its layer and the lanes type named, as side_by_side does, and
/// instantiates nothing that would err after it.
template <class Net, class T, std::size_t N, std::size_t Inputs, std::size_t Outputs,
          std::size_t Count>
requires(!ActivationsFor<Net, lanes<T, N>>) constexpr lanes<T, N> sgd_epoch(
    parameters<Net, lanes<T, N>>&, const dataset<T, Inputs, Outputs, Count>&,
    const std::type_identity_t<lanes<T, N>>&, std::array<pcg32, N>&) {
  static_assert(sizeof(detail::scalar_mistake_type<Net, lanes<T, N>>) > 0);
  return {};
}

/// sgd_epoch for N networks whose output layer the homework's loss does not take (softmax): lanes
/// train that loss only, so the epoch stops the compile with the loss's message, and instantiates
/// nothing that would err after it.
template <class Net, class T, std::size_t N, std::size_t Inputs, std::size_t Outputs,
          std::size_t Count>
requires(
    ActivationsFor<Net, lanes<T, N>> &&
    !detail::loss_fits<
        Net,
        sum_of_squares>) constexpr lanes<T, N> sgd_epoch(parameters<Net, lanes<T, N>>&,
                                                         const dataset<T, Inputs, Outputs, Count>&,
                                                         const std::type_identity_t<lanes<T, N>>&,
                                                         std::array<pcg32, N>&) {
  static_assert(detail::loss_fits<Net, sum_of_squares>, CTNN_DETAIL_LOSS_REFUSED);
  return {};
}

/// sgd_epoch for N networks given a loss: lanes train the homework's loss only (and online SGD,
/// which is all their sgd_epoch does), so another stops the compile with a message rather than
/// training another way; the homework's, sum_of_squares, is the epoch above.
template <class Net, class T, std::size_t N, std::size_t Inputs, std::size_t Outputs,
          std::size_t Count, LossFunction Loss>
constexpr lanes<T, N> sgd_epoch(parameters<Net, lanes<T, N>>& params,
                                const dataset<T, Inputs, Outputs, Count>& data,
                                const std::type_identity_t<lanes<T, N>>& learning_rate,
                                std::array<pcg32, N>& rngs, Loss) {
  static_assert(std::is_same_v<Loss, sum_of_squares>,
                "ctnn::lanes train the homework's loss, sum_of_squares, only: train networks one "
                "at a time (ctnn::sgd_epoch, ctnn::train) for another");
  if constexpr (std::is_same_v<Loss, sum_of_squares>)
    return sgd_epoch(params, data, learning_rate, rngs);
  else
    return {};
}

}  // namespace CTNN_NAMESPACE
