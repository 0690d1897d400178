// Catch2's runner for ctnn's run-time tests.
// SPDX-License-Identifier: BSL-1.0
#define CATCH_CONFIG_MAIN
#include "catch.hpp"
