// ctnn-train: trains the homework's networks at run time and explains what they learned.
// SPDX-License-Identifier: BSL-1.0
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <iostream>

#include "cli.hpp"
#include "descriptor_output.hpp"
#include "errors.hpp"

int main(int argc, char** argv) {
  // A reader that closes the pipe must not kill the run before its files are written: the write
  // fails with EPIPE instead, and the exit status says that the report was lost.
  std::signal(SIGPIPE, SIG_IGN);
  ctnn_train::descriptor_output stdout_buffer(STDOUT_FILENO);
  std::ostream out(&stdout_buffer);
  const int status = ctnn_train::run_command_line(argc, argv, out, std::cerr);
  out.flush();
  if (stdout_buffer.error() != 0) {
    std::cerr << "ctnn-train: the report could not be written to standard output ("
              << std::strerror(stdout_buffer.error()) << ")"
              << (status == 0 ? "; the run's files were written" : "") << std::endl;
    return status == 0 ? ctnn_train::output_error_status : status;
  }
  return status;
}
