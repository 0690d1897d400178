// ctnn-train: trains the seed homework's networks at run time and explains what they learned.
// SPDX-License-Identifier: BSL-1.0
#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) {
  return ctnn_train::run_command_line(argc, argv, std::cout, std::cerr);
}
