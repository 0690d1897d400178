// The one Catch2 include for ctnn's tests: Catch2 3 where installed, else Catch2 2.13.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#if __has_include(<catch2/catch_test_macros.hpp>)
#  include <catch2/catch_template_test_macros.hpp>
#  include <catch2/catch_test_macros.hpp>
#  include <catch2/generators/catch_generators.hpp>
#  include <catch2/matchers/catch_matchers_floating_point.hpp>
#else
#  include <catch2/catch.hpp>
#endif

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using Catch::Matchers::WithinULP;
