// Static test: the homework's Problems 1 and 3, OR learned by one logistic and one tanh neuron with
// learning rate 0.05 over 5000 epochs, trained entirely at compile time under each compiler's
// default constexpr limits.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/forward.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>

namespace {

using namespace ctnn::homework;

/// True when every pattern's output is within tolerance of its target.
template <class Net, class T, class Data>
constexpr bool within(const ctnn::parameters<Net, T>& params, const Data& data, T tolerance) {
  for (std::size_t n = 0; n < Data::size; ++n) {
    const T output = ctnn::predict(params, {data.inputs[n][0], data.inputs[n][1]})[0];
    const T target = data.targets[n][0];
    if (output - target > tolerance || target - output > tolerance) return false;
  }
  return true;
}

// Problem 1: logistic unit.
static_assert(within(ctnn::train<or_neuron>(or_patterns<double>, problem_1_options),
                     or_patterns<double>, 0.1));

// Problem 3: tanh unit.
static_assert(within(ctnn::train<or_tanh_neuron>(or_patterns<double>, problem_3_options),
                     or_patterns<double>, 0.1));

}  // namespace
