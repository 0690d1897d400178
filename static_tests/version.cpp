// Static tests of <ctnn/version.hpp>: the one number and the string are made of the three parts,
// and they are the version CMake read for the project (CTNN_PROJECT_VERSION, given to this file
// alone by static_tests/CMakeLists.txt).
// SPDX-License-Identifier: BSL-1.0
#include <cstddef>
#include <ctnn.hpp>
#include <string_view>

namespace {

constexpr std::string_view version = CTNN_VERSION_STRING;

/// The string's three numbers, as major, minor and patch, or -1 where it is not of that form.
constexpr int part(std::size_t which) {
  int parts[3] = {-1, -1, -1};
  std::size_t at = 0;
  for (std::size_t p = 0; p < 3; ++p) {
    if (at >= version.size() || version[at] < '0' || version[at] > '9') return -1;
    parts[p] = 0;
    while (at < version.size() && version[at] >= '0' && version[at] <= '9')
      parts[p] = parts[p] * 10 + (version[at++] - '0');
    if (p < 2 && (at >= version.size() || version[at++] != '.')) return -1;
  }
  return at == version.size() ? parts[which] : -1;
}

static_assert(part(0) == CTNN_VERSION_MAJOR && part(1) == CTNN_VERSION_MINOR &&
              part(2) == CTNN_VERSION_PATCH);
static_assert(CTNN_VERSION ==
              CTNN_VERSION_MAJOR * 10000 + CTNN_VERSION_MINOR * 100 + CTNN_VERSION_PATCH);
static_assert(CTNN_VERSION_MINOR < 100 && CTNN_VERSION_PATCH < 100, "CTNN_VERSION's places");
static_assert(version == CTNN_PROJECT_VERSION,
              "CMake's project version is not <ctnn/version.hpp>'s");

}  // namespace
