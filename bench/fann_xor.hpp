// Declares ctnn_bench::fann_xor<T>: the homework's XOR network as FANN builds it, a 2-1-1 shortcut
// network, for T = double (libdoublefann) and T = float (libfloatfann). bench/fann_xor.cpp defines
// it, compiled once per FANN build: the two builds' headers cannot share a translation unit.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace ctnn_bench {

/// One of FANN's connections: the neurons it joins, in FANN's numbering (the inputs, the input
/// layer's bias neuron, then the hidden and the output unit), and its weight.
template <class T>
struct fann_link {
  unsigned from = 0;
  unsigned to = 0;
  T weight{};
};

/// fann_create_shortcut(3, 2, 1, 1) set up to train as ctnn does: logistic units (FANN_SIGMOID
/// at steepness 1/2, so 1 / (1 + e^-net)), incremental updates, no momentum and the linear error
/// function, so that each fann_train is one step of plain per-pattern SGD.
template <class T>
class fann_xor {
 public:
  /// Throws std::runtime_error if FANN cannot be loaded or refuses the network.
  explicit fann_xor(float learning_rate);
  ~fann_xor();
  fann_xor(const fann_xor&) = delete;
  fann_xor& operator=(const fann_xor&) = delete;

  /// The library this instance runs, for the report.
  static const char* library();

  /// fann_get_total_connections: weights and biases.
  unsigned total_connections() const;
  /// fann_get_connection_array.
  std::vector<fann_link<T>> links() const;
  /// fann_set_weight_array.
  void set_links(const std::vector<fann_link<T>>& links);

  /// fann_run's single output for inputs x[0], x[1].
  T run(const T* x);
  /// One fann_train per step k on inputs[order[k]] and targets[order[k]].
  void train(const unsigned char* order, std::size_t steps, const T (*inputs)[2],
             const T (*targets)[1]);

 private:
  struct state;
  std::unique_ptr<state> self_;
};

extern template class fann_xor<double>;
extern template class fann_xor<float>;

}  // namespace ctnn_bench
