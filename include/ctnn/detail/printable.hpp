// Defines `ctnn::detail::printable`: text from a file or a caller, made safe to quote in a message.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/namespace.hpp>
#include <string>
#include <string_view>

namespace CTNN_NAMESPACE::detail {

/// `text` as printable ASCII on one line: `\n`, `\t` and `\r` spelled so, every other byte
/// outside ' ' .. '~' as `\xNN`, and in quotes `"` and `\` escaped too. Cut, with
/// "...", after `limit` characters, so that a message stays short whatever a file holds.
inline std::string printable(std::string_view text, std::size_t limit = std::string_view::npos,
                             bool quoted = false) {
  constexpr char hex_digits[] = "0123456789abcdef";
  std::string shown;
  for (const char c : text) {
    if (shown.size() >= limit) {
      shown += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (quoted && (c == '"' || c == '\\')) {
      shown += '\\';
      shown += c;
    } else if (c == '\n') {
      shown += "\\n";
    } else if (c == '\t') {
      shown += "\\t";
    } else if (c == '\r') {
      shown += "\\r";
    } else if (byte >= 0x20 && byte < 0x7f) {
      shown += c;
    } else {
      shown += "\\x";
      shown += hex_digits[byte >> 4];
      shown += hex_digits[byte & 0xf];
    }
  }
  return shown;
}

/// `text` in double quotes, escaped and cut as `printable` does for quoted text.
inline std::string in_quotes(std::string_view text, std::size_t limit = std::string_view::npos) {
  return '"' + printable(text, limit, true) + '"';
}

}  // namespace CTNN_NAMESPACE::detail
