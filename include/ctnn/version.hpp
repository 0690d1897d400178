// Defines ctnn's version: CTNN_VERSION_MAJOR, _MINOR and _PATCH, CTNN_VERSION as one number
// (major * 10000 + minor * 100 + patch, to compare in #if) and CTNN_VERSION_STRING. CMake reads
// its project version from this file, so the two cannot disagree.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#define CTNN_VERSION_MAJOR 0
#define CTNN_VERSION_MINOR 1
#define CTNN_VERSION_PATCH 0

#define CTNN_VERSION (CTNN_VERSION_MAJOR * 10000 + CTNN_VERSION_MINOR * 100 + CTNN_VERSION_PATCH)

#define CTNN_DETAIL_STRINGIZE(x) #x
#define CTNN_DETAIL_VERSION_STRING(major, minor, patch) \
  CTNN_DETAIL_STRINGIZE(major) "." CTNN_DETAIL_STRINGIZE(minor) "." CTNN_DETAIL_STRINGIZE(patch)
/// "major.minor.patch", e.g. "0.1.0".
#define CTNN_VERSION_STRING \
  CTNN_DETAIL_VERSION_STRING(CTNN_VERSION_MAJOR, CTNN_VERSION_MINOR, CTNN_VERSION_PATCH)
