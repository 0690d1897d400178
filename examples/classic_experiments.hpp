// Defines the classic experiments of Rumelhart, Hinton and Williams (1986) as ctnn values: each
// one's network, patterns and learning rate, and how all of them train and when a run has learned.
// examples/classic.cpp runs them over many seeds; tests/classic.test.cpp and
// static_tests/classic.cpp check what a few runs learn.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctnn.hpp>

// D. E. Rumelhart, G. E. Hinton and R. J. Williams, "Learning internal representations by error
// propagation", in Parallel Distributed Processing, vol. 1, ch. 8 (MIT Press, 1986), and "Learning
// representations by back-propagating errors", Nature 323, 533-536 (1986). Their procedure, which
// every experiment here follows:
// - logistic units, and the error E = 1/2 sum (y - t)^2 summed over the patterns;
// - initial weights and biases drawn uniformly from [-0.3, 0.3];
// - one update per sweep through all the patterns, from the gradient accumulated over the sweep,
//   with momentum 0.9: dw(t) = -rate dE/dw + 0.9 dw(t - 1);
// - a run counts as learned once every output of every pattern is within 0.2 of its target (the
//   stricter of the paper's two criteria; the other is the right side of 1/2).
// The symmetry network's settings are the Nature paper's (its Figure 1: rate 0.1, momentum 0.9,
// U(-0.3, 0.3), the gradient accumulated over each sweep). XOR, the encoder and parity train at
// rate 0.5 with the same momentum and initial range.
namespace classic {

/// Every output within this distance of its target: learned.
inline constexpr double band = 0.2;

/// A run of Net as the paper starts one: parameters from U(-0.3, 0.3), then full-sweep updates with
/// momentum 0.9. The parameters, and each sweep's order (which orders only the gradients' sum),
/// are drawn from one generator seeded with seed.
template <class Net>
constexpr ctnn::training_run<Net, double> start(std::uint64_t seed) {
  return ctnn::start_training<Net, double>(seed, ctnn::initializer::uniform(0.3),
                                           {.batch_size = ctnn::full_batch, .momentum = 0.9});
}

/// Trains run on data until every output is within band of its target, or for max_sweeps sweeps;
/// returns whether it learned. run.epochs_trained says how many sweeps it took.
template <class Net, class Data>
constexpr bool learn(ctnn::training_run<Net, double>& run, const Data& data, double learning_rate,
                     std::size_t max_sweeps) {
  ctnn::train(run, data, learning_rate, max_sweeps, ctnn::until_within(data, band),
              ctnn::half_sum_of_squares{});
  return ctnn::largest_error(run.params, data) < band;
}

using ctnn::dense;
using ctnn::from;
using ctnn::input;
using ctnn::logistic;

/// Exclusive or, patterns 00, 01, 10, 11.
inline constexpr ctnn::dataset<double, 2, 1, 4> xor_patterns{{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                                                             {{0}, {1}, {1}, {0}}};
/// XOR with two hidden units and no direct links.
using xor_two_hidden = ctnn::network<input<2>, dense<2, logistic>, dense<1, logistic>>;
/// XOR with one hidden unit, the output unit also reading both inputs (the chapter's first XOR
/// network, and the homework's).
using xor_direct = ctnn::network<input<2>, dense<1, logistic>, dense<1, logistic, from<0, 1>>>;
inline constexpr double xor_learning_rate = 0.5;
inline constexpr std::size_t xor_max_sweeps = 20000;

/// Whether pattern n's bit `bit`, counted from the most significant of `bits`, is on: the inputs
/// below are the binary digits of the pattern's index, most significant first.
constexpr bool bit_of(std::size_t n, std::size_t bit, std::size_t bits) {
  return (n >> (bits - 1 - bit)) & 1;
}

/// Symmetry: all 64 six-bit inputs; the target is 1 for the 8 that read the same backwards.
inline constexpr ctnn::dataset<double, 6, 1, 64> symmetry_patterns = [] {
  ctnn::dataset<double, 6, 1, 64> data;
  for (std::size_t n = 0; n < 64; ++n) {
    bool palindrome = true;
    for (std::size_t i = 0; i < 6; ++i) {
      data.inputs[n][i] = bit_of(n, i, 6);
      palindrome = palindrome && bit_of(n, i, 6) == bit_of(n, 5 - i, 6);
    }
    data.targets[n][0] = palindrome;
  }
  return data;
}();
using symmetry_net = ctnn::network<input<6>, dense<2, logistic>, dense<1, logistic>>;
inline constexpr double symmetry_learning_rate = 0.1;
inline constexpr std::size_t symmetry_max_sweeps = 20000;

/// The 4-2-4 encoder: each of four one-hot patterns to itself, through two hidden units.
inline constexpr ctnn::dataset<double, 4, 4, 4> encoder_patterns = [] {
  ctnn::dataset<double, 4, 4, 4> data;
  for (std::size_t n = 0; n < 4; ++n) data.inputs[n][n] = data.targets[n][n] = 1;
  return data;
}();
using encoder_net = ctnn::network<input<4>, dense<2, logistic>, dense<4, logistic>>;
inline constexpr double encoder_learning_rate = 0.5;
inline constexpr std::size_t encoder_max_sweeps = 20000;

/// 4-bit parity: all 16 inputs; the target is 1 when an odd number of them are on.
inline constexpr ctnn::dataset<double, 4, 1, 16> parity_patterns = [] {
  ctnn::dataset<double, 4, 1, 16> data;
  for (std::size_t n = 0; n < 16; ++n) {
    std::size_t on = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      data.inputs[n][i] = bit_of(n, i, 4);
      on += bit_of(n, i, 4);
    }
    data.targets[n][0] = on % 2;
  }
  return data;
}();
/// As many hidden units as inputs, which the chapter shows are enough.
using parity_net = ctnn::network<input<4>, dense<4, logistic>, dense<1, logistic>>;
inline constexpr double parity_learning_rate = 0.5;
/// Parity learns slowly from small weights: a quarter of the runs within 20000 sweeps, most
/// within 100000 (examples/classic.cpp reports both).
inline constexpr std::size_t parity_max_sweeps = 100000;

}  // namespace classic
