// Run-time tests that compile-time and run-time training agree bit for bit.
// SPDX-License-Identifier: BSL-1.0
#include <bit>
#include <cstddef>
#include <cstdint>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>

#include "catch.hpp"

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::input;
using ctnn::logistic;

using ctnn::homework::or_neuron;
using ctnn::homework::or_patterns;
using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;

template <class Net, class T>
bool bitwise_equal(const ctnn::parameters<Net, T>& a, const ctnn::parameters<Net, T>& b) {
  using bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    if (std::bit_cast<bits>(a.values[i]) != std::bit_cast<bits>(b.values[i])) return false;
  }
  return true;
}

// The homework's Problems 1 (OR) and 4 (XOR).
constexpr ctnn::training_options or_settings = ctnn::homework::problem_1_options;
constexpr ctnn::training_options xor_settings = ctnn::homework::problem_4_options;

template <class T>
constexpr auto compile_time_or = ctnn::train<or_neuron>(or_patterns<T>, or_settings);
template <class T>
constexpr auto compile_time_xor = ctnn::train<xor_net>(xor_patterns<T>, xor_settings);

}  // namespace

TEMPLATE_TEST_CASE("OR trained at compile time equals OR trained at run time, bit for bit",
                   "[train][bit_identity]", float, double) {
  volatile std::uint64_t seed = 1;  // read at run time, so nothing below can be folded
  ctnn::training_options settings = or_settings;
  settings.random_seed = seed;
  const auto run_time = ctnn::train<or_neuron>(or_patterns<TestType>, settings);
  CHECK(bitwise_equal(compile_time_or<TestType>, run_time));
}

TEMPLATE_TEST_CASE("XOR trained at compile time equals XOR trained at run time, bit for bit",
                   "[train][bit_identity]", float, double) {
  volatile std::uint64_t seed = 1;
  ctnn::training_options settings = xor_settings;
  settings.random_seed = seed;
  const auto run_time = ctnn::train<xor_net>(xor_patterns<TestType>, settings);
  CHECK(bitwise_equal(compile_time_xor<TestType>, run_time));
}
