// Defines `ctnn::homework`: the homework's three networks as types, which its OR and XOR
// tables (`ctnn::or_patterns`, `ctnn::xor_patterns`) train.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/activation.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/network.hpp>

namespace ctnn::homework {

/// The OR neuron with a logistic unit (Problems 1 and 2).
using or_neuron = network<input<2>, dense<1, logistic>>;

/// The same neuron with a tanh unit (Problem 3).
using or_tanh_neuron = network<input<2>, dense<1, hyperbolic_tangent>>;

/// The XOR net (Problem 4): a hidden unit h over [x0, x1], and an output unit over [x0, x1, h];
/// both logistic.
using xor_net = network<input<2>, dense<1, logistic>, dense<1, logistic, from<0, 1>>>;

}  // namespace ctnn::homework
