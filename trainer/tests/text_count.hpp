// Defines `count`: how often a part occurs in a text, overlaps included, for the tests of the
// trainer's pages and pictures.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <string>

inline std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}
