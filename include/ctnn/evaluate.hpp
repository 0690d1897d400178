// Defines how well parameters fit a whole dataset (ctnn::dataset_loss, largest_error), and the
// stopping rules of the 1986 experiments as training observers (ctnn::until_within,
// until_error_below): train a training_run with one, and it returns the epoch it stopped at.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/dataset.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/parameters.hpp>
#include <type_traits>

namespace CTNN_NAMESPACE {

/// The loss of every pattern of data at params (the homework's, or the one given), summed in the
/// data's order from the first pattern's.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count,
          LossFunction Loss = sum_of_squares>
constexpr T dataset_loss(const parameters<Net, T>& params,
                         const dataset<T, Inputs, Outputs, Count>& data, Loss loss_function = {}) {
  static_assert(Count > 0, "ctnn::dataset_loss(params, data) requires a pattern");
  T sum = loss(params, data.inputs[0], data.targets[0], loss_function);
  for (std::size_t n = 1; n < Count; ++n) {
    sum = sum + loss(params, data.inputs[n], data.targets[n], loss_function);
  }
  return sum;
}

/// The largest |y_o - t_o| over every output of every pattern of data; NaN if an output is.
template <class Net, class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
constexpr T largest_error(const parameters<Net, T>& params,
                          const dataset<T, Inputs, Outputs, Count>& data) {
  T largest = T(0);
  for (std::size_t n = 0; n < Count; ++n) {
    const auto y = predict(params, data.inputs[n]);
    for (std::size_t o = 0; o < Outputs; ++o) {
      const T error =
          y[o] < data.targets[n][o] ? data.targets[n][o] - y[o] : y[o] - data.targets[n][o];
      // NaN compares false both ways: it is kept, and no band holds it.
      if (!(error <= largest)) largest = error;
    }
  }
  return largest;
}

/// A training observer that stops training after the first epoch at which every output of every
/// pattern of data is within `band` of its target, |y_o - t_o| < band: Rumelhart, Hinton and
/// Williams (1986) count a pattern learned within 0.5 (the right side of 1/2) or 0.2 of it. It
/// reads data where it stays: keep data alive while training runs.
template <class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
struct within_band_rule {
  const dataset<T, Inputs, Outputs, Count>* data;
  T band;
  template <class Net>
  constexpr bool operator()(std::size_t, T, const parameters<Net, T>& params) const {
    return !(largest_error(params, *data) < band);  // false: stop
  }
};

/// The rule of within_band_rule for data and band.
template <class T, std::size_t Inputs, std::size_t Outputs, std::size_t Count>
constexpr within_band_rule<T, Inputs, Outputs, Count> until_within(
    const dataset<T, Inputs, Outputs, Count>& data, std::type_identity_t<T> band) {
  return {&data, band};
}

/// A training observer that stops training after the first epoch whose error (the sum of the
/// patterns' losses, each before its own update) is below `threshold`.
template <class T>
struct error_below_rule {
  T threshold;
  constexpr bool operator()(std::size_t, T error) const { return !(error < threshold); }
};

/// The rule of error_below_rule for threshold.
template <class T>
constexpr error_below_rule<T> until_error_below(T threshold) {
  return {threshold};
}

}  // namespace CTNN_NAMESPACE
