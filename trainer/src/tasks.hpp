// Defines the trainer's tasks: the homework's three networks as types, with their data,
// default settings and the homework's names for their parameters.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/activation.hpp>
#include <ctnn/network.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>
#include <string_view>

#include "task_kind.hpp"

namespace ctnn_train {

// The homework's networks: the OR neuron (logistic, then tanh) and the XOR net.
using ctnn::homework::or_neuron;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;

/// The task names the command line accepts, in the order `--help` lists them.
inline constexpr std::array<std::string_view, 3> task_names = {"or", "or-tanh", "xor"};

/// A task: its network, its patterns, the homework's settings and names.
template <task_kind Kind>
struct task;

/// What the two OR tasks share: the homework trains its OR neuron, logistic or tanh, on the same
/// patterns, with the settings of its problem.
template <class Network, const ctnn::training_options& Options>
struct or_task {
  using network = Network;
  static constexpr std::size_t default_epochs = Options.epochs;
  static constexpr double default_learning_rate = Options.learning_rate;
  /// The homework's `w` is the vector [w_0, w_1].
  static constexpr std::array<std::string_view, 3> parameter_names = {"w_0", "w_1", "b"};
  template <class T>
  static constexpr const auto& data() {
    return ctnn::homework::or_patterns<T>;
  }
};

template <>
struct task<task_kind::logical_or> : or_task<or_neuron, ctnn::homework::problem_1_options> {
  static constexpr task_kind kind = task_kind::logical_or;
  static constexpr std::string_view name = "or";
  static constexpr std::string_view description = "logical OR, one logistic neuron";
  /// The title of the homework's matplotlib plot for this problem.
  static constexpr std::string_view plot_title =
      "stochastic gradient descent (logistic activation)";
};

template <>
struct task<task_kind::logical_or_tanh>
    : or_task<or_tanh_neuron, ctnn::homework::problem_3_options> {
  static constexpr task_kind kind = task_kind::logical_or_tanh;
  static constexpr std::string_view name = "or-tanh";
  static constexpr std::string_view description = "logical OR, one tanh neuron";
  static constexpr std::string_view plot_title = "stochastic gradient descent (tanh activation)";
};

template <>
struct task<task_kind::logical_xor> {
  static constexpr task_kind kind = task_kind::logical_xor;
  using network = xor_net;
  static constexpr std::string_view name = "xor";
  static constexpr std::string_view description =
      "logical XOR, 2-1-1 logistic network with direct input-output connections";
  static constexpr std::string_view plot_title = "stochastic gradient descent (XOR)";
  static constexpr std::size_t default_epochs = ctnn::homework::problem_4_options.epochs;
  static constexpr double default_learning_rate = ctnn::homework::problem_4_options.learning_rate;
  /// The order of ctnn::parameters<xor_net, T>::values: the hidden unit's w_34 and b_0, then the
  /// output unit's w_012 over [x0, x1, h] and b_1.
  static constexpr std::array<std::string_view, 7> parameter_names = {"w_3", "w_4", "b_0", "w_0",
                                                                      "w_1", "w_2", "b_1"};
  template <class T>
  static constexpr const auto& data() {
    return ctnn::homework::xor_patterns<T>;
  }
};

}  // namespace ctnn_train
