// Runs one implementation's SGD steps a given number of epochs, for bench/instructions.sh to count
// the instructions under callgrind: instructions per step are stable where times are not.
// SPDX-License-Identifier: BSL-1.0
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "step_kernels.hpp"

namespace {

using namespace ctnn_bench;

template <class Trainer, class Data>
int run(Trainer trainer, const Data& data, std::size_t epochs) {
  const auto steps = pattern_sequence(epochs);
  const auto loss = run_steps(trainer, data, steps, typename Data::value_type(0.05));
  std::printf("%zu steps, summed loss %.17g\n", steps.size(), static_cast<double>(loss));
  return EXIT_SUCCESS;
}

template <class T>
int run_named(std::string_view name, std::size_t epochs) {
  if (name == "hand_or") return run(make_hand_or<T>(), ctnn::homework::or_patterns<T>, epochs);
  if (name == "ctnn_or")
    return run(library_step<or_net, T>{initial_parameters<or_net, T>()},
               ctnn::homework::or_patterns<T>, epochs);
  if (name == "hand_xor") return run(make_hand_xor<T>(), ctnn::homework::xor_patterns<T>, epochs);
  if (name == "ctnn_xor")
    return run(library_step<xor_net, T>{initial_parameters<xor_net, T>()},
               ctnn::homework::xor_patterns<T>, epochs);
  std::fprintf(stderr, "step_count: unknown implementation '%.*s'\n", int(name.size()),
               name.data());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr,
                 "usage: step_count {hand_or|ctnn_or|hand_xor|ctnn_xor} {float|double} EPOCHS\n");
    return 2;
  }
  const std::string_view scalar = argv[2];
  char* end = nullptr;
  const std::size_t epochs = std::strtoull(argv[3], &end, 10);
  if (*end != '\0') {
    std::fprintf(stderr, "step_count: EPOCHS must be a number, not '%s'\n", argv[3]);
    return 2;
  }
  if (scalar == "double") return run_named<double>(argv[1], epochs);
  if (scalar == "float") return run_named<float>(argv[1], epochs);
  std::fprintf(stderr, "step_count: the scalar is float or double, not '%s'\n", argv[2]);
  return 2;
}
