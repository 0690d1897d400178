// The homework's three networks trained at compile time and at run time, compared bit for bit:
// scripts/fma-test.sh builds this outside CMake, for an FMA target, as a consumer would.
// Prints one line per network and scalar; exits with the number that differ.
// SPDX-License-Identifier: BSL-1.0
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>
#include <type_traits>

namespace {

// Each network is compared after 300 epochs, where a fused multiply-add shows in every case, and
// after as many as fit each compiler's default constexpr budget (Clang's is the smaller).
constexpr ctnn::training_options settings(std::size_t epochs) {
  return {.learning_rate = 0.05, .epochs = epochs, .random_seed = 1};
}

// The patterns a network learns, named by a type: Data::get<T>().
struct or_data {
  template <class T>
  static constexpr const auto& get() {
    return ctnn::homework::or_patterns<T>;
  }
};
struct xor_data {
  template <class T>
  static constexpr const auto& get() {
    return ctnn::homework::xor_patterns<T>;
  }
};

template <class Net, class T, class Data, std::size_t Epochs>
constexpr auto compile_time = ctnn::train<Net>(Data::template get<T>(), settings(Epochs));

// Counts the parameters whose bits differ.
template <class Net, class T>
int differing(const ctnn::parameters<Net, T>& a, const ctnn::parameters<Net, T>& b) {
  using bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
  int count = 0;
  for (std::size_t i = 0; i < Net::parameter_count; ++i)
    count += std::bit_cast<bits>(a.values[i]) != std::bit_cast<bits>(b.values[i]);
  return count;
}

// Trains again at run time, from a seed the optimiser cannot see, and reports the comparison.
template <class Net, class T, class Data, std::size_t Epochs>
bool same_bits(const char* name) {
  volatile std::uint64_t seed = 1;
  ctnn::training_options run_time = settings(Epochs);
  run_time.random_seed = seed;
  const int differ = differing(compile_time<Net, T, Data, Epochs>,
                               ctnn::train<Net>(Data::template get<T>(), run_time));
  std::printf("%-10s %-6s %5zu epochs: %s (%d of %zu parameters differ)\n", name,
              std::is_same_v<T, float> ? "float" : "double", Epochs,
              differ == 0 ? "same bits" : "DIFFERENT BITS", differ, Net::parameter_count);
  return differ == 0;
}

template <class T>
int failures() {
  using namespace ctnn::homework;
  return !same_bits<or_neuron, T, or_data, 300>("OR") +
         !same_bits<or_neuron, T, or_data, 5000>("OR") +
         !same_bits<or_tanh_neuron, T, or_data, 300>("OR (tanh)") +
         !same_bits<or_tanh_neuron, T, or_data, 5000>("OR (tanh)") +
         !same_bits<xor_net, T, xor_data, 300>("XOR") +
         !same_bits<xor_net, T, xor_data, 3000>("XOR");
}

}  // namespace

int main() { return failures<float>() + failures<double>(); }
