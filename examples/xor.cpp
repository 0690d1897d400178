// Trains the homework's 2-1-1 XOR network at run time and prints its progress, outputs and weights.
// SPDX-License-Identifier: BSL-1.0
#include <cstdlib>
#include <ctnn.hpp>
#include <ctnn/io.hpp>
#include <ctnn/presets/homework.hpp>
#include <iostream>
#include <string>

using ctnn::homework::xor_net;

int main(int argc, char** argv) {
  ctnn::training_options options = ctnn::homework::problem_4_options;
  if (argc > 1) options.random_seed = std::stoull(argv[1]);
  const auto params = ctnn::train<xor_net>(
      ctnn::homework::xor_patterns<double>, options, [](std::size_t epoch, double error) {
        if (epoch % 500 == 0) std::cout << "epoch " << epoch << "; error=" << error << '\n';
      });
  const auto& data = ctnn::homework::xor_patterns<double>;
  bool solved = true;
  for (std::size_t n = 0; n < data.size; ++n) {
    const double output = ctnn::predict(params, {data.inputs[n][0], data.inputs[n][1]})[0];
    solved = solved && (output > 0.5) == (data.targets[n][0] > 0.5);
    std::cout << "input [" << data.inputs[n][0] << ", " << data.inputs[n][1] << "] output "
              << output << " target " << data.targets[n][0] << '\n';
  }
  std::cout << params << (solved ? "XOR solved\n" : "XOR not solved\n");
  return solved ? EXIT_SUCCESS : EXIT_FAILURE;
}
