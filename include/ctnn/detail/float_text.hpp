// Defines `ctnn::detail::hex_float`, `parse_hex_float` and `decimal_text`: doubles as text, exactly
// (C99 hexadecimal floats) and for people (the shortest decimal that reads back the same).
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cctype>
#include <charconv>
#include <cstddef>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/detail/printable.hpp>
#include <ctnn/model_file_error.hpp>
#include <string>
#include <string_view>
#include <system_error>

namespace CTNN_NAMESPACE::detail {

/// `value` as a C99 hexadecimal floating-point literal, as printf's `%a` spells it: "0x1.8p-1",
/// "-0x0p+0", "0x0.0000000000001p-1022" (a subnormal); exact, and the same whatever the locale.
inline std::string hex_float(double value) {
  char digits[32];
  const auto end = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::hex).ptr;
  const std::string_view text(digits, static_cast<std::size_t>(end - digits));
  return text.starts_with('-') ? "-0x" + std::string(text.substr(1)) : "0x" + std::string(text);
}

/// Parses what `hex_float` writes and nothing else: an optional `-`, `0x`, hex digits with an
/// optional fraction, a binary exponent. Throws `model_file_error` "<what>: "<text>" is ..." for
/// any other text, a value outside double's range, or another spelling of a double (so that a
/// mantissa too long for a double, which would round, is refused).
inline double parse_hex_float(std::string_view text, std::string_view what) {
  const auto refuse = [&](std::string_view why) {
    return model_file_error(std::string(what) + ": " + in_quotes(text, 60) + ' ' +
                            std::string(why));
  };
  constexpr std::string_view not_hex = "is not a hexadecimal float like \"0x1.8p-1\"";
  std::string_view magnitude_text = text;
  const bool negative = magnitude_text.starts_with('-');
  if (negative) magnitude_text.remove_prefix(1);
  // from_chars would also take a second sign, "inf" or "nan" here: only digits may follow 0x.
  if (!(magnitude_text.starts_with("0x") || magnitude_text.starts_with("0X")) ||
      magnitude_text.size() < 3 || !std::isxdigit(static_cast<unsigned char>(magnitude_text[2]))) {
    throw refuse(not_hex);
  }
  magnitude_text.remove_prefix(2);
  double magnitude = 0;
  const char* const end = magnitude_text.data() + magnitude_text.size();
  const auto [stop, error] =
      std::from_chars(magnitude_text.data(), end, magnitude, std::chars_format::hex);
  if (error == std::errc::result_out_of_range) throw refuse("is out of range");
  if (error != std::errc{} || stop != end) throw refuse(not_hex);
  const double value = negative ? -magnitude : magnitude;
  // from_chars rounds a mantissa longer than a double holds; only hex_float's spelling is exact
  // by construction, so anything else (a rounded value, or "0x1.80p-1") is refused.
  if (hex_float(value) != text) {
    throw refuse(
        "is not a double spelled exactly as this program writes it; the nearest double is \"" +
        hex_float(value) + '"');
  }
  return value;
}

/// The shortest decimal that reads back as `value` (of type T, float or double), laid out as
/// JavaScript and JSON libraries lay it out: positional for decimal exponents -4 to 14 ("0.0001",
/// "-1.5", "100000"), else scientific with a signed exponent of two digits or more ("1e-05",
/// "1.7976931348623157e+308"). `json_number` adds ".0" to a whole number ("1.0"), so that it
/// reads as a floating-point number, as nlohmann/json writes one. Finite values only.
template <class T>
std::string decimal_text(T value, bool json_number) {
  char buffer[40];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
  // d[.ddd]e<sign><digits>: the significant digits, without the point, and the exponent.
  const std::string_view scientific(buffer, static_cast<std::size_t>(end - buffer));
  const bool negative = scientific.starts_with('-');
  const std::string_view magnitude = scientific.substr(negative ? 1 : 0);
  const std::size_t e = magnitude.find('e');
  std::string digits(magnitude.substr(0, e));
  if (digits.size() > 1) digits.erase(1, 1);
  int exponent = 0;
  const std::string_view exponent_text = magnitude.substr(e + 1);
  std::from_chars(exponent_text.data() + (exponent_text.starts_with('+') ? 1 : 0),
                  exponent_text.data() + exponent_text.size(), exponent);
  std::string text = negative ? "-" : "";
  const auto count = static_cast<int>(digits.size());
  if (exponent >= 0 && exponent <= 14) {
    if (count <= exponent + 1) {
      text += digits + std::string(static_cast<std::size_t>(exponent + 1 - count), '0');
      if (json_number) text += ".0";
    } else {
      text += digits.substr(0, static_cast<std::size_t>(exponent + 1)) + '.' +
              digits.substr(static_cast<std::size_t>(exponent + 1));
    }
  } else if (exponent < 0 && exponent >= -4) {
    text += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  } else {
    text += digits.substr(0, 1);
    if (count > 1) text += '.' + digits.substr(1);
    const int size = exponent < 0 ? -exponent : exponent;
    text += exponent < 0 ? "e-" : "e+";
    if (size < 10) text += '0';
    text += std::to_string(size);
  }
  return text;
}

}  // namespace CTNN_NAMESPACE::detail
