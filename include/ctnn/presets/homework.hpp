// Defines `ctnn::homework`, a preset: the networks, tables and settings of the homework ctnn comes
// from (NYU Computational Cognitive Modeling, "Neural networks, part B"). Nothing in ctnn needs it,
// and <ctnn.hpp> does not include it. The cells cited, In [n], are the homework's notebook's.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/activation.hpp>
#include <ctnn/dataset.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/network.hpp>
#include <ctnn/train.hpp>

namespace CTNN_NAMESPACE::homework {

/// The OR neuron with a logistic unit (Problems 1 and 2).
using or_neuron = network<input<2>, dense<1, logistic>>;

/// The same neuron with a tanh unit (Problem 3).
using or_tanh_neuron = network<input<2>, dense<1, hyperbolic_tangent>>;

/// The XOR net (Problem 4): a hidden unit h over [x0, x1], and an output unit over [x0, x1, h];
/// both logistic, as the problem says (the notebook's forward pass calls g_tanh, but its gradients
/// are the logistic's).
using xor_net = network<input<2>, dense<1, logistic>, dense<1, logistic, from<0, 1>>>;

/// Logical OR over two inputs, the notebook's D and Y_or (In [3]), patterns in its order: 00, 01,
/// 10, 11.
template <class T>
inline constexpr dataset<T, 2, 1, 4> or_patterns{{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                                                 {{0}, {1}, {1}, {1}}};

/// Logical XOR over two inputs, the notebook's D and Y_xor (In [29]), in the same order.
template <class T>
inline constexpr dataset<T, 2, 1, 4> xor_patterns{{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                                                  {{0}, {1}, {1}, {0}}};

// Each problem's settings are the notebook's `alpha` (the learning rate) and `nepochs`. It seeds
// no generator (torch.randn, np.random.permutation), so the random seed is training_options'
// own default.

/// Problems 1 and 2, the logistic OR neuron on or_patterns: alpha = 0.05, nepochs = 5000 (In [6]).
inline constexpr training_options problem_1_options{.learning_rate = 0.05, .epochs = 5000};

/// Problem 3, the tanh OR neuron on or_patterns: alpha = 0.05, nepochs = 5000 (In [8]).
inline constexpr training_options problem_3_options{.learning_rate = 0.05, .epochs = 5000};

/// Problem 4, the XOR net on xor_patterns: alpha = 0.05, nepochs = 8000 (In [29]). Problem 5
/// explains the network that this run learns.
inline constexpr training_options problem_4_options{.learning_rate = 0.05, .epochs = 8000};

}  // namespace CTNN_NAMESPACE::homework
