// Tests of the command line's value parsers: every bad value gets one line naming the flag.
// SPDX-License-Identifier: BSL-1.0
#include "cli.hpp"

#include <string>

#include "catch.hpp"
#include "errors.hpp"

using ctnn_train::input_error;
using ctnn_train::parse_learning_rate;
using ctnn_train::parse_whole_number;

TEST_CASE("whole numbers parse within their range and nothing else", "[cli]") {
  CHECK(parse_whole_number("0", "--epochs", 0, 10) == 0);
  CHECK(parse_whole_number("10", "--epochs", 0, 10) == 10);
  CHECK(parse_whole_number("18446744073709551615", "--seed", 0, UINT64_MAX) == UINT64_MAX);
  const char* bad[] = {
      "", "-1", "11", "1.5", "ten", "1e3", " 1", "1 ", "+1", "0x10", "18446744073709551616"};
  for (const char* text : bad) {
    INFO(text);
    CHECK_THROWS_AS(parse_whole_number(text, "--epochs", 0, 10), input_error);
  }
  CHECK_THROWS_WITH(parse_whole_number("-5", "--epochs", 0, 10),
                    "--epochs: must not be negative, got '-5'");
  CHECK_THROWS_WITH(parse_whole_number("abc", "--seed", 0, 10),
                    "--seed: expected a whole number, got 'abc'");
}

TEST_CASE("learning rates must be finite and positive", "[cli]") {
  CHECK(parse_learning_rate("0.05") == 0.05);
  CHECK(parse_learning_rate("1e-3") == 1e-3);
  const char* bad[] = {"0",        "-0.1",  "nan", "NaN",  "inf",  "-inf",
                       "infinity", "1e999", "",    "fast", "0.05x"};
  for (const char* text : bad) {
    INFO(text);
    CHECK_THROWS_AS(parse_learning_rate(text), input_error);
  }
  CHECK_THROWS_WITH(parse_learning_rate("nan"),
                    "--learning-rate: must be a finite number greater than 0, got 'nan'");
}
