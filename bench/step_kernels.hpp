// Defines the per-pattern SGD steps that bench/step.cpp and bench/step_count.cpp time: the
// homework's networks trained by ctnn::sgd_step, and the same math written out by hand with
// std::exp.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cmath>
#include <cstddef>
#include <ctnn.hpp>
#include <ctnn/presets/homework.hpp>
#include <vector>

namespace ctnn_bench {

using or_net = ctnn::homework::or_neuron;
using ctnn::homework::xor_net;

/// The order in which every benchmark visits the four patterns: epochs of a shuffled order, drawn
/// once, so that each implementation sees the same sequence and none can learn a fixed one.
inline std::vector<unsigned char> pattern_sequence(std::size_t epochs) {
  ctnn::pcg32 rng(7);
  std::vector<unsigned char> sequence;
  sequence.reserve(4 * epochs);
  for (std::size_t e = 0; e < epochs; ++e) {
    unsigned char order[4] = {0, 1, 2, 3};
    ctnn::shuffle(order, rng);
    sequence.insert(sequence.end(), order, order + 4);
  }
  return sequence;
}

/// The logistic OR neuron, by hand: y = s(w0 x0 + w1 x1 + b), loss (y - t)^2.
template <class T>
struct hand_or {
  T w0, w1, b;

  T step(const T* x, T t, T rate) {
    const T y = T(1) / (T(1) + std::exp(-(w0 * x[0] + w1 * x[1] + b)));
    const T difference = y - t;
    const T delta = T(2) * difference * (y * (T(1) - y));
    b -= rate * delta;
    w0 -= rate * (delta * x[0]);
    w1 -= rate * (delta * x[1]);
    return difference * difference;
  }
};

/// The homework's XOR network by hand: h = s(w3 x0 + w4 x1 + b0), y = s(w0 x0 + w1 x1 + w2 h + b1).
template <class T>
struct hand_xor {
  T w3, w4, b0, w0, w1, w2, b1;

  T step(const T* x, T t, T rate) {
    const T h = T(1) / (T(1) + std::exp(-(w3 * x[0] + w4 * x[1] + b0)));
    const T y = T(1) / (T(1) + std::exp(-(w0 * x[0] + w1 * x[1] + w2 * h + b1)));
    const T difference = y - t;
    const T delta_y = T(2) * difference * (y * (T(1) - y));
    const T delta_h = delta_y * w2 * (h * (T(1) - h));
    b1 -= rate * delta_y;
    w0 -= rate * (delta_y * x[0]);
    w1 -= rate * (delta_y * x[1]);
    w2 -= rate * (delta_y * h);
    b0 -= rate * delta_h;
    w3 -= rate * (delta_h * x[0]);
    w4 -= rate * (delta_h * x[1]);
    return difference * difference;
  }
};

/// ctnn's step on Net, in the same shape as the hand-written ones.
template <class Net, class T>
struct library_step {
  ctnn::parameters<Net, T> params;

  T step(const T* x, T t, T rate) {
    return ctnn::sgd_step(params, std::array<T, 2>{x[0], x[1]}, std::array<T, 1>{t}, rate);
  }
};

/// Initial parameters for every implementation: N(0, 1) draws, the hand-written structs filled in
/// ctnn's parameter order (hidden unit, then output unit; weights before each bias).
template <class Net, class T>
ctnn::parameters<Net, T> initial_parameters() {
  return ctnn::initialize<Net, T>(std::uint64_t{3});
}

template <class T>
hand_or<T> make_hand_or() {
  const auto p = initial_parameters<or_net, T>();
  return {p.values[0], p.values[1], p.values[2]};
}

template <class T>
hand_xor<T> make_hand_xor() {
  const auto p = initial_parameters<xor_net, T>();
  return {p.values[0], p.values[1], p.values[2], p.values[3],
          p.values[4], p.values[5], p.values[6]};
}

/// Runs the steps of `sequence` on `trainer` for data's patterns; returns the summed loss, which
/// the caller must use so that no step can be dropped.
template <class Trainer, class Data>
auto run_steps(Trainer& trainer, const Data& data, const std::vector<unsigned char>& sequence,
               typename Data::value_type rate) {
  typename Data::value_type loss{};
  for (unsigned char n : sequence) loss += trainer.step(data.inputs[n], data.targets[n][0], rate);
  return loss;
}

}  // namespace ctnn_bench
