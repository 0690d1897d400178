// Shared by the reference tests (reference_*.test.cpp): the topologies they cover and the checks
// that compare every fast path with ctnn::reference bit for bit. Split over several files so that
// a parallel build compiles the heavy instantiations side by side.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctnn/backend.hpp>
#include <ctnn/dataset.hpp>
#include <ctnn/dual.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/random.hpp>
#include <ctnn/reference.hpp>
#include <ctnn/topology_name.hpp>
#include <ctnn/train.hpp>
#include <ctnn/train_lanes.hpp>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "catch.hpp"

namespace ctnn_reference_test {

using ctnn::dense;
using ctnn::from;
using ctnn::input;
using ctnn::network;
using lin = ctnn::linear;
using sig = ctnn::logistic;
using tnh = ctnn::hyperbolic_tangent;
using rlu = ctnn::relu;

// Depths 1 to 4, widths 1 to 6, every activation, skip links (an earlier layer, the input
// included, read again by a later one, in any order `from` names), and input groups (two or three
// input layers, each read by the layers that name it).
using topologies = std::tuple<
    // one dense layer
    network<input<1>, dense<1, sig>>, ctnn::homework::or_neuron, ctnn::homework::or_tanh_neuron,
    network<input<3>, dense<4, lin>>, network<input<5>, dense<6, rlu>>,
    network<input<6>, dense<2, tnh>>,
    // two
    ctnn::homework::xor_net, network<input<2>, dense<2, tnh>, dense<1, sig>>,
    network<input<3>, dense<4, rlu>, dense<2, lin>>,
    network<input<1>, dense<6, sig>, dense<1, lin>>,
    network<input<4>, dense<3, tnh>, dense<3, tnh, from<1, 0>>>,
    network<input<2>, dense<5, rlu>, dense<2, sig, from<0, 1>>>,
    network<input<6>, dense<1, lin>, dense<6, rlu>>,
    network<input<3>, dense<2, sig>, dense<4, tnh, from<1, 0>>>,
    network<input<6>, dense<6, sig>, dense<6, tnh, from<0, 1>>>,
    // three
    network<input<2>, dense<3, tnh>, dense<2, tnh>, dense<1, sig>>,
    network<input<3>, dense<4, rlu>, dense<3, rlu>, dense<2, lin, from<2, 1>>>,
    network<input<2>, dense<2, sig>, dense<2, sig, from<0, 1>>, dense<1, sig, from<0, 1, 2>>>,
    network<input<4>, dense<5, tnh>, dense<1, lin, from<1, 0>>, dense<3, sig, from<2, 0, 1>>>,
    network<input<3>, dense<5, tnh>, dense<3, lin, from<1, 0>>, dense<2, sig, from<2, 0, 1>>>,
    network<input<1>, dense<2, rlu>, dense<6, sig>, dense<1, tnh, from<1, 2>>>,
    network<input<5>, dense<3, lin>, dense<3, rlu, from<0>>, dense<2, tnh, from<2, 1>>>,
    network<input<2>, dense<6, sig>, dense<4, tnh>, dense<2, rlu, from<1, 2>>>,
    network<input<2>, dense<3, rlu>, dense<3, rlu, from<0, 1>>, dense<1, lin, from<2, 0>>>,
    // input groups
    network<input<2>, input<1>, dense<3, tnh, from<0>>, dense<1, sig, from<2, 1>>>,
    network<input<3>, input<2>, dense<2, rlu, from<1>>, dense<3, sig, from<2, 0>>,
            dense<2, lin, from<3, 1, 2>>>,
    network<input<1>, input<2>, input<1>, dense<2, tnh, from<2, 0>>, dense<1, sig, from<3, 1>>>,
    // four
    network<input<2>, dense<2, sig>, dense<2, sig>, dense<2, sig>, dense<1, sig>>,
    network<input<3>, dense<3, tnh>, dense<3, tnh, from<1, 0>>, dense<2, rlu, from<2, 1>>,
            dense<1, lin, from<3, 0, 2>>>,
    network<input<1>, dense<4, rlu>, dense<4, rlu>, dense<4, rlu>, dense<4, lin>>,
    network<input<4>, dense<1, tnh>, dense<2, sig, from<0, 1>>, dense<3, tnh, from<0, 2, 1>>,
            dense<2, sig, from<3, 0>>>,
    network<input<2>, dense<6, lin>, dense<5, tnh>, dense<4, sig>, dense<3, rlu, from<3, 0, 2, 1>>>,
    network<input<6>, dense<2, rlu>, dense<2, tnh, from<0>>, dense<2, sig, from<1, 2>>,
            dense<6, lin, from<3, 0>>>,
    network<input<5>, dense<3, sig>, dense<1, rlu>, dense<2, tnh, from<2, 0>>,
            dense<1, sig, from<0, 1, 2, 3>>>,
    network<input<2>, dense<4, tnh>, dense<3, sig, from<0, 1>>, dense<2, rlu, from<0, 2>>,
            dense<5, tnh, from<3, 1>>>,
    network<input<3>, dense<1, lin>, dense<1, lin>, dense<1, lin>, dense<1, lin>>,
    network<input<1>, dense<1, rlu>, dense<1, tnh, from<0, 1>>, dense<1, sig, from<1, 0, 2>>,
            dense<1, rlu, from<3, 2, 1, 0>>>,
    network<input<4>, dense<6, tnh>, dense<6, rlu>, dense<6, sig>, dense<6, lin>>,
    network<input<3>, dense<2, lin>, dense<2, rlu, from<0, 1>>, dense<2, tnh, from<1, 0, 2>>,
            dense<2, sig, from<0, 3, 1, 2>>>>;

static_assert(std::tuple_size_v<topologies> == 39);

// Above the folds' limit, run as loops by the public API: the course's 12-8-15-36 network (815
// parameters), and with its 12 inputs as two groups, an 8-unit item read by the first hidden layer
// and a 4-unit relation read by the second (843), a net with skip links and every activation (487),
// and one of two sources into a wide layer (1,341).
using large_topologies = std::tuple<
    network<input<12>, dense<8, rlu>, dense<15, rlu>, dense<36, sig>>,
    network<input<8>, input<4>, dense<8, rlu, from<0>>, dense<15, rlu, from<2, 1>>, dense<36, sig>>,
    network<input<10>, dense<12, tnh>, dense<10, rlu, from<0, 1>>, dense<7, sig, from<2, 0, 1>>,
            dense<3, lin, from<3, 1>>>,
    network<input<20>, dense<40, tnh, from<0>>, dense<13, sig, from<1, 0>>>>;

/// Net's place in `topologies`.
template <class Net>
constexpr std::size_t index_in_topologies = []<std::size_t... I>(std::index_sequence<I...>) {
  constexpr bool is_net[] = {std::is_same_v<Net, std::tuple_element_t<I, topologies>>...};
  std::size_t place = 0;
  while (!is_net[place]) ++place;
  return place;
}
(std::make_index_sequence<std::tuple_size_v<topologies>>{});

// The test command builds the suites with each of three compilers, and each compiler checks a
// third of `topologies`: shard CTNN_TEST_SHARD of CTNN_TEST_SHARDS, every third topology from the
// shard's number (CMake's CTNN_TEST_SHARD, e.g. "1/3"; a build without it checks them all). The
// three shards together check every topology; each alone meets every activation, depth, kind of
// skip link and input group, in float and in double, which `shard_covers_every_kind` below
// asserts. Every topology on every compiler took the test command past CI's 30 minutes (the four
// reference suites: 928 s of CPU for the three compilers, measured 2026-12-07).
#ifndef CTNN_TEST_SHARD
#  define CTNN_TEST_SHARD 0
#  define CTNN_TEST_SHARDS 1
#endif
inline constexpr std::size_t shard = CTNN_TEST_SHARD, shards = CTNN_TEST_SHARDS;
static_assert(shards > 0 && shard < shards, "CTNN_TEST_SHARD must be below CTNN_TEST_SHARDS");

/// The topologies of List whose place in it is Shard modulo Shards.
template <class List, std::size_t Shard = shard, std::size_t Shards = shards>
using shard_of = decltype([]<std::size_t... I>(std::index_sequence<I...>) {
  return std::tuple_cat(
      std::conditional_t<I % Shards == Shard, std::tuple<std::tuple_element_t<I, List>>,
                         std::tuple<>>{}...);
}(std::make_index_sequence<std::tuple_size_v<List>>{}));

/// What the reference suites check: this build's shard of `topologies`.
using suite_topologies = shard_of<topologies>;

/// Net's place among the suite's topologies, by which the suites spread their cases (scalar type,
/// lane shape, dual numbers) over them.
template <class Net>
constexpr std::size_t place_in_suite = index_in_topologies<Net> / shards;

/// The scalar type that a suite checks topology Net in: float and double in turn by Net's place in
/// the suite, shifted by Phase, so that each type meets every activation, depth, kind of skip link
/// and input group, and two suites of different phases check each topology in both. Both types for
/// every topology in every suite made the test command too slow for CI's 30 minutes (GCC 12
/// compiles the four reference suites in 430 s of CPU; measured 2026-12-07).
template <class Net, std::size_t Phase = 0>
using alternate_scalar = std::conditional_t<(place_in_suite<Net> + Phase) % 2 == 0, float, double>;

namespace detail {

/// Net's dense layers' activations, one bit each: linear 1, logistic 2, tanh 4, relu 8.
template <class Net>
constexpr unsigned activation_kinds() {
  return []<std::size_t... L>(std::index_sequence<L...>) {
    const auto bit = []<class Act>(std::type_identity<Act>) {
      return std::is_same_v<Act, lin>   ? 1u
             : std::is_same_v<Act, sig> ? 2u
             : std::is_same_v<Act, tnh> ? 4u
             : std::is_same_v<Act, rlu> ? 8u
                                        : 16u;
    };
    return (0u | ... |
            bit(std::type_identity<
                typename Net::template layer<Net::input_group_count + L>::activation>{}));
  }
  (std::make_index_sequence<Net::dense_layer_count>{});
}

/// Whether a dense layer of Net reads anything but the layer before it.
template <class Net>
constexpr bool has_skip_link() {
  return []<std::size_t... L>(std::index_sequence<L...>) {
    const auto skips = [](const auto& sources, std::size_t layer) {
      return sources.size() != 1 || sources[0] + 1 != layer;
    };
    return (skips(Net::template sources<Net::input_group_count + L>, Net::input_group_count + L) ||
            ...);
  }
  (std::make_index_sequence<Net::dense_layer_count>{});
}

/// The kinds a set of topologies meets: activations (bits as above) and depths (bit d for d dense
/// layers), each in float and in double (by alternate_scalar's turn), skip links, input groups.
struct kinds_met {
  unsigned activations[2] = {}, depths[2] = {};
  bool skip_link = false, input_groups = false;
};

template <std::size_t Shard, std::size_t Shards>
constexpr bool shard_covers_every_kind() {
  kinds_met met;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto meet = [&]<class Net>(std::type_identity<Net>, std::size_t place) {
      met.activations[place % 2] |= activation_kinds<Net>();
      met.depths[place % 2] |= 1u << Net::dense_layer_count;
      met.skip_link = met.skip_link || has_skip_link<Net>();
      met.input_groups = met.input_groups || Net::input_group_count > 1;
    };
    ((I % Shards == Shard
          ? meet(std::type_identity<std::tuple_element_t<I, topologies>>{}, I / Shards)
          : void()),
     ...);
  }
  (std::make_index_sequence<std::tuple_size_v<topologies>>{});
  constexpr unsigned every_activation = 0b1111, depths_1_to_4 = 0b11110;
  return met.activations[0] == every_activation && met.activations[1] == every_activation &&
         met.depths[0] == depths_1_to_4 && met.depths[1] == depths_1_to_4 && met.skip_link &&
         met.input_groups;
}

template <std::size_t Shards>
constexpr bool every_shard_covers_every_kind() {
  return []<std::size_t... S>(std::index_sequence<S...>) {
    return (shard_covers_every_kind<S, Shards>() && ...);
  }
  (std::make_index_sequence<Shards>{});
}

}  // namespace detail

static_assert(detail::every_shard_covers_every_kind<shards>(),
              "a shard of the reference suites misses an activation, depth, skip link or input "
              "group in float or in double: reorder `topologies` or choose other shards");

/// Scalars compared bit for bit so far, so that a test can show it compared something.
inline std::size_t compared_scalars = 0;

/// A scalar's bits as text, for the report of a difference.
template <class T>
std::string bits_text(T value) {
  char text[64];
  if constexpr (std::is_same_v<T, float>) {
    std::snprintf(text, sizeof text, "%a (0x%08x)", double(value),
                  std::bit_cast<std::uint32_t>(value));
  } else {
    std::snprintf(text, sizeof text, "%a (0x%016llx)", value,
                  static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(value)));
  }
  return text;
}

template <class T>
bool same_bits(T a, T b) {
  using bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
  return std::bit_cast<bits>(a) == std::bit_cast<bits>(b);
}

/// "" if fast and reference hold the same bits, else where and how they first differ: compared
/// through std::bit_cast, so that -0 differs from +0 and NaNs by their payloads.
template <class T>
std::string first_difference(std::span<const T> fast, std::span<const T> reference) {
  if (fast.size() != reference.size()) return "sizes differ";
  for (std::size_t i = 0; i < fast.size(); ++i) {
    ++compared_scalars;
    if constexpr (std::is_floating_point_v<T>) {
      if (!same_bits(fast[i], reference[i]))
        return "at " + std::to_string(i) + ": fast " + bits_text(fast[i]) + ", reference " +
               bits_text(reference[i]);
    } else {  // ctnn::dual: value and derivative
      if (!same_bits(fast[i].value, reference[i].value) ||
          !same_bits(fast[i].derivative, reference[i].derivative))
        return "at " + std::to_string(i) + ": fast " + bits_text(fast[i].value) + " + " +
               bits_text(fast[i].derivative) + "e, reference " + bits_text(reference[i].value) +
               " + " + bits_text(reference[i].derivative) + "e";
    }
  }
  return "";
}
template <class T>
std::string first_difference(T fast, T reference) {
  return first_difference(std::span<const T>(&fast, 1), std::span<const T>(&reference, 1));
}

/// A test value: mostly N(0, 1), sometimes scaled up to saturate logistic and tanh units (whose
/// slope then rounds to 0) or to overflow, sometimes +0 or -0.
template <class T>
T draw_value(ctnn::pcg32& rng) requires std::is_floating_point_v<T> {
  const double normal = ctnn::standard_normal<double>(rng);
  switch (rng.bounded(16)) {
    case 0:
      return T(0);
    case 1:
      return -T(0);
    case 2:
    case 3:
      return T(normal * 8);
    case 4:
      return T(normal * 1000);
    case 5:
      return T(normal * 1e15);
    default:
      return T(normal);
  }
}
template <class T>
T draw_value(ctnn::pcg32& rng) requires(!std::is_floating_point_v<T>) {  // dual: a random direction
  return T(draw_value<double>(rng), draw_value<double>(rng));
}

template <class Net, class T>
ctnn::parameters<Net, T> draw_parameters(ctnn::pcg32& rng) {
  ctnn::parameters<Net, T> params;
  for (T& value : params.values) value = draw_value<T>(rng);
  return params;
}

template <class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
ctnn::dataset<T, Inputs, Outputs, Count> draw_dataset(ctnn::pcg32& rng) {
  ctnn::dataset<T, Inputs, Outputs, Count> data;
  for (auto& x : data.inputs)
    for (T& value : x) value = draw_value<T>(rng);
  for (auto& t : data.targets)
    for (T& value : t) value = draw_value<T>(rng);
  return data;
}

template <class Net, class T>
using dataset_of = ctnn::dataset<T, Net::input_width, Net::output_width, 5>;

template <class Net, class T>
std::span<const T> all_values(const ctnn::parameters<Net, T>& params) {
  return params.values;
}

/// Forward pass (every unit), predict, loss, gradient and one SGD step of random patterns at
/// random parameters: the fast paths' bits are the reference's, for the loss Loss.
template <class Net, class T, class Loss = ctnn::sum_of_squares>
void check_pattern_paths(std::uint64_t seed) {
  ctnn::pcg32 rng(seed);
  for (int set = 0; set < 24; ++set) {
    const auto params = draw_parameters<Net, T>(rng);
    const auto data = draw_dataset<T, Net::input_width, Net::output_width, 4>(rng);
    const T rate = draw_value<T>(rng);
    for (std::size_t n = 0; n < data.size; ++n) {
      const auto& x = data.inputs[n];
      const auto& t = data.targets[n];
      std::array<T, Net::input_width> x_array{};
      for (std::size_t i = 0; i < Net::input_width; ++i) x_array[i] = x[i];
      INFO("parameter set " << set << ", pattern " << n);
      const auto y = ctnn::reference::forward(params, x);
      CHECK(first_difference<T>(ctnn::forward(params, x).values, y) == "");
      CHECK(first_difference<T>(ctnn::forward(params, x_array).values, y) == "");
      const auto outputs = ctnn::reference::predict(params, x);
      CHECK(first_difference<T>(ctnn::predict(params, x), outputs) == "");
      CHECK(first_difference<T>(ctnn::predict(params, x_array), outputs) == "");
      CHECK(first_difference(ctnn::loss(params, x, t, Loss{}),
                             ctnn::reference::loss(params, x, t, Loss{})) == "");
      CHECK(first_difference(all_values(ctnn::gradient(params, x, t, Loss{})),
                             all_values(ctnn::reference::gradient(params, x, t, Loss{}))) == "");
      auto fast = params;
      auto reference = params;
      CHECK(first_difference(ctnn::sgd_step(fast, x, t, rate, Loss{}),
                             ctnn::reference::sgd_step(reference, x, t, rate, Loss{})) == "");
      CHECK(first_difference(all_values(fast), all_values(reference)) == "");
    }
  }
}

/// Three epochs of data (Count patterns) from random parameters and a random generator: epoch
/// errors, parameters and the generators' next draws agree, for the loss Loss.
template <class Net, class T, std::size_t Count, class Loss = ctnn::sum_of_squares>
void check_epochs(std::uint64_t seed) {
  ctnn::pcg32 rng(seed);
  for (int run = 0; run < 4; ++run) {
    const auto data = draw_dataset<T, Net::input_width, Net::output_width, Count>(rng);
    auto fast = draw_parameters<Net, T>(rng);
    auto reference = fast;
    const std::uint64_t order_seed = rng();
    ctnn::pcg32 fast_rng(order_seed);
    ctnn::reference::pcg32 reference_rng(order_seed);
    const T rate = T(0.05) * T(run + 1);
    for (int epoch = 0; epoch < 3; ++epoch) {
      INFO("run " << run << ", epoch " << epoch << ", " << Count << " patterns");
      CHECK(first_difference(
                ctnn::sgd_epoch(fast, data, rate, fast_rng, Loss{}),
                ctnn::reference::sgd_epoch(reference, data, rate, reference_rng, Loss{})) == "");
      CHECK(first_difference(all_values(fast), all_values(reference)) == "");
    }
    CHECK(fast_rng() == reference_rng());
  }
}

/// Training from seeds: ctnn::train (which skips the epoch error unobserved), with an observer,
/// from given parameters, and a training_run in two chunks, against the reference, for the loss
/// Loss (given to train in the observer's place where there is none).
template <class Net, class T, class Loss = ctnn::sum_of_squares>
void check_training(std::uint64_t seed) {
  ctnn::pcg32 rng(seed);
  const auto data = draw_dataset<T, Net::input_width, Net::output_width, 5>(rng);
  constexpr std::size_t epochs = 6;
  for (const std::uint64_t training_seed : {1ull, 2ull, 42ull, 0x100'0000'0005ull}) {
    for (const double rate : {0.05, 0.37}) {
      INFO("seed " << training_seed << ", learning rate " << rate);
      std::vector<T> reference_errors;
      const auto reference = ctnn::reference::train<Net>(
          data, rate, epochs, training_seed,
          [&](std::size_t, T error) { reference_errors.push_back(error); }, Loss{});
      const ctnn::training_options options{
          .learning_rate = rate, .epochs = epochs, .random_seed = training_seed};
      CHECK(first_difference(all_values(ctnn::train<Net>(data, options, Loss{})),
                             all_values(reference)) == "");

      std::vector<T> fast_errors;
      const auto observed = ctnn::train<Net>(
          data, options, [&](std::size_t, T error) { fast_errors.push_back(error); }, Loss{});
      CHECK(first_difference(all_values(observed), all_values(reference)) == "");
      CHECK(first_difference<T>(fast_errors, reference_errors) == "");

      auto run = ctnn::start_training<Net, T>(training_seed);
      ctnn::train(run, data, rate, 2, Loss{});
      ctnn::train(run, data, rate, epochs - 2, ctnn::no_observer{}, Loss{});
      CHECK(first_difference(all_values(run.params), all_values(reference)) == "");

      const auto start = draw_parameters<Net, T>(rng);
      auto reference_from_start = start;
      ctnn::reference::pcg32 reference_rng(training_seed);
      ctnn::reference::train(reference_from_start, data, rate, epochs, reference_rng,
                             ctnn::reference::no_observer{}, Loss{});
      CHECK(first_difference(all_values(ctnn::train(start, data, options, Loss{})),
                             all_values(reference_from_start)) == "");
    }
  }
}

/// N networks side by side: each lane's parameters and epoch errors are the reference's for
/// that network, trained alone from its own seed.
template <class Net, class T, std::size_t N, std::size_t Count>
void check_lanes(std::uint64_t seed) {
  ctnn::pcg32 rng(seed);
  const auto data = draw_dataset<T, Net::input_width, Net::output_width, Count>(rng);
  std::array<std::uint64_t, N> seeds{};
  for (auto& lane_seed : seeds) lane_seed = rng();
  ctnn::parameters<Net, T> each[N];
  std::vector<ctnn::reference::pcg32> reference_rngs;
  for (std::size_t i = 0; i < N; ++i) {
    reference_rngs.emplace_back(seeds[i]);
    each[i] = ctnn::reference::initialize<Net, T>(reference_rngs[i]);
  }
  auto together = ctnn::side_by_side(each);
  auto rngs = ctnn::seeded_generators(seeds);
  for (std::size_t i = 0; i < N; ++i) (void)ctnn::initialize<Net, T>(rngs[i]);  // as train
  for (int epoch = 0; epoch < 4; ++epoch) {
    const auto errors = ctnn::sgd_epoch(together, data, T(0.1), rngs);
    for (std::size_t i = 0; i < N; ++i) {
      INFO("epoch " << epoch << ", lane " << i << " of " << N << ", " << Count << " patterns");
      CHECK(first_difference(errors[i], ctnn::reference::sgd_epoch(each[i], data, T(0.1),
                                                                   reference_rngs[i])) == "");
      CHECK(first_difference(all_values(ctnn::lane(together, i)), all_values(each[i])) == "");
    }
  }
}

}  // namespace ctnn_reference_test
