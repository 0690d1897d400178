// Trains the homework's XOR net (seed 1) and writes every file the trainer's model and picture code
// makes into a directory: the inputs of the export-header and XML tests in io_tests.cmake.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <cmath>
#include <cstdlib>
#include <ctnn.hpp>
#include <ctnn/presets/homework.hpp>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "model_io.hpp"
#include "svg.hpp"

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::xor_net;
using deep_net = ctnn::network<ctnn::input<3>, ctnn::dense<4, ctnn::hyperbolic_tangent>,
                               ctnn::dense<2, ctnn::relu, ctnn::from<1, 0>>,
                               ctnn::dense<2, ctnn::logistic, ctnn::from<2, 0, 1>>>;

template <class T>
ctnn::parameters<xor_net, T> train_xor(std::vector<double>& errors) {
  return ctnn::train<xor_net>(ctnn::homework::xor_patterns<T>, ctnn::homework::problem_4_options,
                              [&](std::size_t, T error) { errors.push_back(error); });
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::cerr << "usage: io_samples DIRECTORY\n";
    return EXIT_FAILURE;
  }
  const std::filesystem::path directory = argv[1];
  std::filesystem::create_directories(directory);

  std::vector<double> errors, float_errors;
  const auto params = train_xor<double>(errors);
  const auto float_params = train_xor<float>(float_errors);
  ctnn_train::save_model(directory / "xor.json", "xor", params);
  // Both of task "xor": the consumer includes them in one translation unit.
  ctnn_train::export_header(directory / "xor_double_parameters.hpp", "xor", params);
  ctnn_train::export_header(directory / "xor_float_parameters.hpp", "xor", float_params);

  const std::vector<std::string> xor_names = {"w_3", "w_4", "b_0", "w_0", "w_1", "w_2", "b_1"};
  ctnn_train::write_learning_curve(directory / "xor_learning_curve.svg",
                                   directory / "xor_learning_curve.csv", errors,
                                   "stochastic gradient descent (XOR)");
  ctnn_train::write_network_diagram(directory / "xor_network.svg", params, xor_names,
                                    "XOR network after 8000 epochs (seed 1)");
  const std::array<std::string_view, 3> or_names = {"w_0", "w_1", "b"};
  ctnn_train::write_network_diagram(directory / "or_network.svg",
                                    ctnn::initialize<or_neuron, double>(1), or_names,
                                    "OR neuron <initial> & \"untrained\"");
  ctnn_train::write_network_diagram(directory / "deep_network.svg",
                                    ctnn::initialize<deep_net, double>(1),
                                    std::span<const std::string>{}, "a deeper network");
  std::vector<double> fraction(8000);
  for (std::size_t epoch = 0; epoch < fraction.size(); ++epoch) {
    fraction[epoch] = epoch < 1500 ? 0.0 : 0.915 * (1 - std::exp(-(epoch - 1500.0) / 900));
  }
  ctnn_train::write_solved_fraction(directory / "xor_solved_fraction.svg",
                                    directory / "xor_solved_fraction.csv", fraction,
                                    "XOR: fraction of 1000 runs solved");
  std::cout << "io_samples: wrote " << directory.string() << '\n';
  return EXIT_SUCCESS;
} catch (const std::exception& error) {
  std::cerr << "io_samples: " << error.what() << '\n';
  return EXIT_FAILURE;
}
