// The names of the trainer's exported headers.
// SPDX-License-Identifier: BSL-1.0
#include "model_io.hpp"

#include <cctype>

namespace ctnn_train {

exported_names::exported_names(std::string_view task, std::string_view scalar) {
  std::string name;
  for (const char c : task) {
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_';
  }
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) name = "task_" + name;
  const std::string prefix = name + '_' + std::string(scalar);
  variable = prefix + "_parameters";
  network_alias = prefix + "_network";
  note = "Trained by ctnn-train for task \"" + std::string(task) + "\".";
}

}  // namespace ctnn_train
