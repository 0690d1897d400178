// Static tests that ctnn's fast paths compute the reference's bits at compile time, on the
// homework's OR neuron and XOR net.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/reference.hpp>

// The header under test comes first, in a block of its own, so that it must compile alone.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/random.hpp>
#include <ctnn/train.hpp>

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::or_patterns;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;

/// The same bits, not merely ==: -0 and +0 differ here.
template <class T>
constexpr bool same_bits(T a, T b) {
  using bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
  return std::bit_cast<bits>(a) == std::bit_cast<bits>(b);
}
template <class T, std::size_t N>
constexpr bool same_bits(const T (&a)[N], const T (&b)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (!same_bits(a[i], b[i])) return false;
  }
  return true;
}
template <class T, std::size_t N>
constexpr bool same_bits(const T (&a)[N], const std::array<T, N>& b) {
  for (std::size_t i = 0; i < N; ++i) {
    if (!same_bits(a[i], b[i])) return false;
  }
  return true;
}

/// The first draws of both generators agree, and they stay together.
constexpr bool generators_agree(std::uint64_t seed) {
  ctnn::pcg32 fast(seed);
  ctnn::reference::pcg32 reference(seed);
  for (int draw = 0; draw < 16; ++draw) {
    if (fast() != reference()) return false;
  }
  return fast.bounded(7) == reference.bounded(7) &&
         same_bits(ctnn::standard_normal<double>(fast),
                   ctnn::reference::standard_normal<double>(reference)) &&
         same_bits(ctnn::standard_normal<float>(fast),
                   ctnn::reference::standard_normal<float>(reference));
}
static_assert(generators_agree(1) && generators_agree(42) && generators_agree(0xdead'beef'cafe));

/// The fast shuffle of a built-in array (unrolled) permutes as the reference's loop does.
template <std::size_t Count>
constexpr bool shuffles_agree(std::uint64_t seed) {
  ctnn::pcg32 fast(seed);
  ctnn::reference::pcg32 reference(seed);
  for (int epoch = 0; epoch < 3; ++epoch) {
    std::size_t order[Count];
    for (std::size_t n = 0; n < Count; ++n) order[n] = n;
    ctnn::shuffle(order, fast);
    if (!same_bits(order, ctnn::reference::epoch_order<Count>(reference))) return false;
  }
  return fast() == reference();
}
static_assert(shuffles_agree<4>(1) && shuffles_agree<4>(7) && shuffles_agree<9>(3));

/// Forward pass, loss, gradient and SGD step of every pattern of data at parameters drawn from
/// seed: each fast path's bits are the reference's.
template <class Net, class T>
constexpr bool pattern_paths_agree(const ctnn::dataset<T, 2, 1, 4>& data, std::uint64_t seed) {
  const auto params = ctnn::initialize<Net, T>(seed);
  for (std::size_t n = 0; n < 4; ++n) {
    const auto& x = data.inputs[n];
    const auto& t = data.targets[n];
    if (!same_bits(ctnn::forward(params, x).values, ctnn::reference::forward(params, x)) ||
        !same_bits(ctnn::loss(params, x, t), ctnn::reference::loss(params, x, t)) ||
        !same_bits(ctnn::gradient(params, x, t).values,
                   ctnn::reference::gradient(params, x, t).values))
      return false;
    auto fast = params;
    auto reference = params;
    if (!same_bits(ctnn::sgd_step(fast, x, t, T(0.3)),
                   ctnn::reference::sgd_step(reference, x, t, T(0.3))) ||
        !same_bits(fast.values, reference.values))
      return false;
  }
  return true;
}
/// The homework's inputs are 0 or 1, so that w x is exact and (a b) x = a (b x): patterns with
/// other values tell apart the orders that those cannot.
template <class T>
constexpr ctnn::dataset<T, 2, 1, 4> uneven_patterns{
    {{0.3, -1.7}, {2.5, 0.1}, {-0.9, 1.3}, {1.1, 1.9}}, {{0.2}, {0.9}, {-0.4}, {1}}};

/// A relu unit whose only reader is a dead relu unit: its dE/dy is a single term 0 w, which is -0
/// for a negative w and must stay -0.
using dead_relu_net = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::relu>,
                                    ctnn::dense<1, ctnn::relu>, ctnn::dense<1, ctnn::linear>>;

static_assert(pattern_paths_agree<or_neuron, double>(or_patterns<double>, 1));
static_assert(pattern_paths_agree<or_neuron, double>(uneven_patterns<double>, 1));
static_assert(pattern_paths_agree<xor_net, double>(uneven_patterns<double>, 2));
static_assert(pattern_paths_agree<xor_net, float>(uneven_patterns<float>, 3));
static_assert(pattern_paths_agree<dead_relu_net, double>(uneven_patterns<double>, 1) &&
              pattern_paths_agree<dead_relu_net, double>(uneven_patterns<double>, 2) &&
              pattern_paths_agree<dead_relu_net, double>(uneven_patterns<double>, 3) &&
              pattern_paths_agree<dead_relu_net, double>(uneven_patterns<double>, 4));

/// Hidden units with three readers each: their dE/dy sums three terms, in backprop's order.
using three_readers_net =
    ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::hyperbolic_tangent>,
                  ctnn::dense<3, ctnn::logistic>, ctnn::dense<1, ctnn::linear>>;
static_assert(pattern_paths_agree<three_readers_net, double>(uneven_patterns<double>, 1) &&
              pattern_paths_agree<three_readers_net, double>(uneven_patterns<double>, 2));
static_assert(pattern_paths_agree<or_neuron, float>(or_patterns<float>, 2));
static_assert(pattern_paths_agree<or_tanh_neuron, double>(or_patterns<double>, 3));
static_assert(pattern_paths_agree<xor_net, double>(xor_patterns<double>, 1));
static_assert(pattern_paths_agree<xor_net, float>(xor_patterns<float>, 4));

/// Initialisation, then `epochs` epochs one by one: parameters, epoch errors and generators agree.
template <class Net, class T>
constexpr bool epochs_agree(const ctnn::dataset<T, 2, 1, 4>& data, std::uint64_t seed,
                            std::size_t epochs) {
  ctnn::pcg32 fast_rng(seed);
  ctnn::reference::pcg32 reference_rng(seed);
  auto fast = ctnn::initialize<Net, T>(fast_rng);
  auto reference = ctnn::reference::initialize<Net, T>(reference_rng);
  if (!same_bits(fast.values, reference.values)) return false;
  for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
    if (!same_bits(ctnn::sgd_epoch(fast, data, T(0.3), fast_rng),
                   ctnn::reference::sgd_epoch(reference, data, T(0.3), reference_rng)) ||
        !same_bits(fast.values, reference.values))
      return false;
  }
  return fast_rng() == reference_rng();
}
static_assert(epochs_agree<or_neuron, double>(or_patterns<double>, 1, 5));
static_assert(epochs_agree<xor_net, double>(xor_patterns<double>, 1, 5));
static_assert(epochs_agree<xor_net, float>(xor_patterns<float>, 5, 5));
static_assert(epochs_agree<xor_net, double>(uneven_patterns<double>, 2, 5));

/// ctnn::train, which skips the epoch error when nothing observes it, ends where the reference
/// does from the same random seed.
constexpr ctnn::training_options ten_epochs{.learning_rate = 0.05, .epochs = 10, .random_seed = 1};
static_assert(
    same_bits(ctnn::train<or_neuron>(or_patterns<double>, ten_epochs).values,
              ctnn::reference::train<or_neuron>(or_patterns<double>, 0.05, 10, 1).values));
static_assert(same_bits(ctnn::train<xor_net>(xor_patterns<float>, ten_epochs).values,
                        ctnn::reference::train<xor_net>(xor_patterns<float>, 0.05, 10, 1).values));

}  // namespace
