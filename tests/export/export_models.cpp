// Writes the headers that tests/export/consumer.cpp includes together: the homework's XOR net
// trained at run time in double and in float (one network, two scalar types) and its OR neuron
// trained as README's example trains it at compile time, each exported under its own names.
// SPDX-License-Identifier: BSL-1.0
#include <cstdlib>
#include <ctnn.hpp>
#include <ctnn/export_header.hpp>
#include <ctnn/presets/homework.hpp>
#include <exception>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::cerr << "usage: export_models DIRECTORY\n";
    return EXIT_FAILURE;
  }
  const std::filesystem::path directory = argv[1];
  std::filesystem::create_directories(directory);
  namespace hw = ctnn::homework;
  ctnn::export_header(directory / "xor_double.hpp",
                      ctnn::train<hw::xor_net>(hw::xor_patterns<double>, hw::problem_4_options),
                      {.namespace_name = "models", .variable = "xor_double"});
  ctnn::export_header(directory / "xor_float.hpp",
                      ctnn::train<hw::xor_net>(hw::xor_patterns<float>, hw::problem_4_options),
                      {.namespace_name = "models", .variable = "xor_float"});
  ctnn::export_header(directory / "or_neuron.hpp",
                      ctnn::train<hw::or_neuron>(hw::or_patterns<double>, hw::problem_1_options),
                      {.namespace_name = "other::models",
                       .variable = "or_neuron",
                       .network_alias = "or_net",
                       .note = "The homework's Problem 1, trained at run time."});
  return EXIT_SUCCESS;
} catch (const std::exception& error) {
  std::cerr << "export_models: " << error.what() << '\n';
  return EXIT_FAILURE;
}
