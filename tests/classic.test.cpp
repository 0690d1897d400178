// Run-time tests of the classic experiments (examples/classic_experiments.hpp): a few seeds of
// each, trained with the 1986 paper's settings, and what their learned networks must show. The
// seeds are the first few: each test asks only that most of them learn, as most of 100 do
// (examples/classic.cpp reports the 100), and checks every one that does.
// SPDX-License-Identifier: BSL-1.0
#include <classic_experiments.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "catch.hpp"

namespace {

/// The runs from seeds 1 to `seeds` that learn data within max_sweeps.
template <class Net, class Data>
std::vector<ctnn::parameters<Net, double>> learned_runs(const Data& data, double learning_rate,
                                                        std::size_t max_sweeps,
                                                        std::uint64_t seeds) {
  std::vector<ctnn::parameters<Net, double>> learned;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    auto run = classic::start<Net>(seed);
    if (classic::learn(run, data, learning_rate, max_sweeps)) learned.push_back(run.params);
  }
  return learned;
}

/// Every output of every pattern within the paper's band of its target, each computed here.
template <class Net, class Data>
void check_within_band(const ctnn::parameters<Net, double>& params, const Data& data) {
  for (std::size_t n = 0; n < Data::size; ++n) {
    const auto y = ctnn::predict(params, data.inputs[n]);
    for (std::size_t o = 0; o < Data::output_width; ++o)
      CHECK(std::abs(y[o] - data.targets[n][o]) < classic::band);
  }
}

/// Layer 1's outputs for pattern n, thresholded at 1/2.
template <class Net, class Data>
std::vector<bool> hidden_on(const ctnn::parameters<Net, double>& params, const Data& data,
                            std::size_t n) {
  const auto units = ctnn::forward(params, data.inputs[n]);
  std::vector<bool> on;
  for (const double h : units.template layer<1>()) on.push_back(h > 0.5);
  return on;
}

}  // namespace

TEST_CASE(
    "XOR's 2-2-1 net learns from most seeds, its hidden code telling 01 and 10 from 00 and 11",
    "[classic]") {
  const auto learned = learned_runs<classic::xor_two_hidden>(
      classic::xor_patterns, classic::xor_learning_rate, classic::xor_max_sweeps, 5);
  REQUIRE(learned.size() >= 4);
  for (const auto& params : learned) {
    check_within_band(params, classic::xor_patterns);
    // Linearly separable in the hidden units: no code shared by a pattern of each class.
    for (const std::size_t one : {1, 2})
      for (const std::size_t zero : {0, 3})
        CHECK(hidden_on(params, classic::xor_patterns, one) !=
              hidden_on(params, classic::xor_patterns, zero));
  }
}

TEST_CASE(
    "XOR's 2-1-1 net with direct links learns from most seeds, its hidden unit singling out "
    "one corner",
    "[classic]") {
  const auto learned = learned_runs<classic::xor_direct>(
      classic::xor_patterns, classic::xor_learning_rate, classic::xor_max_sweeps, 5);
  REQUIRE(learned.size() >= 4);
  for (const auto& params : learned) {
    check_within_band(params, classic::xor_patterns);
    // With x0 and x1 beside it, the output separates XOR only if h is on for one corner of the
    // square or off for one (AND, NOR, x0 AND NOT x1, ...), not for two or none.
    std::size_t on = 0;
    for (std::size_t n = 0; n < 4; ++n) on += hidden_on(params, classic::xor_patterns, n)[0];
    CHECK((on == 1 || on == 3));
  }
}

TEST_CASE(
    "the symmetry net learns from most seeds with mirror-antisymmetric, opposite hidden units",
    "[classic]") {
  const auto& data = classic::symmetry_patterns;
  const auto learned = learned_runs<classic::symmetry_net>(data, classic::symmetry_learning_rate,
                                                           classic::symmetry_max_sweeps, 6);
  REQUIRE(learned.size() >= 4);
  for (const auto& params : learned) {
    check_within_band(params, data);
    for (std::size_t i = 0; i < 6; ++i) {
      INFO("input " << i);
      for (std::size_t j = 0; j < 2; ++j) {
        // Equal and opposite on mirror-image inputs: a palindrome sends the unit no net input.
        const double w = params.weight<1>(j, i), mirrored = params.weight<1>(j, 5 - i);
        CHECK(std::abs(w + mirrored) <= 0.01 * std::abs(w));
      }
      // The second unit's weights are the first's negated.
      const double first = params.weight<1>(0, i), second = params.weight<1>(1, i);
      CHECK(std::abs(first + second) <= 0.2 * std::abs(first));
    }
    // So a palindrome leaves both units off, and any other pattern turns exactly one on.
    for (std::size_t n = 0; n < 64; ++n) {
      const auto on = hidden_on(params, data, n);
      CHECK(on[0] + on[1] == (data.targets[n][0] == 1 ? 0 : 1));
    }
  }
}

TEST_CASE(
    "the 4-2-4 encoder learns from most seeds, giving the four patterns distinct hidden codes",
    "[classic]") {
  const auto& data = classic::encoder_patterns;
  const auto learned = learned_runs<classic::encoder_net>(data, classic::encoder_learning_rate,
                                                          classic::encoder_max_sweeps, 10);
  REQUIRE(learned.size() >= 9);
  for (const auto& params : learned) {
    check_within_band(params, data);
    for (std::size_t a = 0; a < 4; ++a)
      for (std::size_t b = a + 1; b < 4; ++b) {
        const auto units_a = ctnn::forward(params, data.inputs[a]);
        const auto units_b = ctnn::forward(params, data.inputs[b]);
        const auto code_a = units_a.layer<1>(), code_b = units_b.layer<1>();
        CHECK(std::hypot(code_a[0] - code_b[0], code_a[1] - code_b[1]) > 0.3);
      }
  }
}

TEST_CASE("4-bit parity learns from most seeds, and nets whose units share their signs count",
          "[classic]") {
  const auto& data = classic::parity_patterns;
  const auto learned = learned_runs<classic::parity_net>(data, classic::parity_learning_rate,
                                                         classic::parity_max_sweeps, 5);
  REQUIRE(learned.size() >= 3);
  std::size_t counting = 0;
  for (const auto& params : learned) {
    check_within_band(params, data);
    // If every hidden unit's weights have the signs of the first unit's, or all the opposite
    // ones, each unit reads the same inputs the same way: its output should depend only on how
    // many of them are on (counting x_i where the first unit's weight is positive, else NOT x_i).
    bool shared = true;
    for (std::size_t j = 1; j < 4; ++j) {
      const bool flipped = (params.weight<1>(j, 0) < 0) != (params.weight<1>(0, 0) < 0);
      for (std::size_t i = 1; i < 4; ++i)
        shared =
            shared && ((params.weight<1>(j, i) < 0) != (params.weight<1>(0, i) < 0)) == flipped;
    }
    if (!shared) continue;
    ++counting;
    double lowest[4][5], highest[4][5];
    for (std::size_t j = 0; j < 4; ++j)
      for (std::size_t count = 0; count <= 4; ++count) lowest[j][count] = 1, highest[j][count] = 0;
    for (std::size_t n = 0; n < 16; ++n) {
      std::size_t count = 0;
      for (std::size_t i = 0; i < 4; ++i)
        count += (data.inputs[n][i] == 1) == (params.weight<1>(0, i) > 0);
      const auto units = ctnn::forward(params, data.inputs[n]);
      const auto h = units.layer<1>();
      for (std::size_t j = 0; j < 4; ++j) {
        lowest[j][count] = std::fmin(lowest[j][count], h[j]);
        highest[j][count] = std::fmax(highest[j][count], h[j]);
      }
    }
    for (std::size_t j = 0; j < 4; ++j)
      for (std::size_t count = 0; count <= 4; ++count)
        CHECK(highest[j][count] - lowest[j][count] <= 0.3);
  }
  CHECK(counting > 0);
}
