// Defines `ctnn::detail::json`: a strict JSON reader, that keeps every number as it was spelled,
// and a writer that lays documents out as nlohmann/json's `dump(2)` does; for model files.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/detail/printable.hpp>
#include <ctnn/model_file_error.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace CTNN_NAMESPACE::detail::json {

enum class kind { null, boolean, number, string, array, object };

/// A JSON value. A number keeps its text as written ("1.0", "-0", "1e999"), so that a reader
/// decides what it accepts; a string holds its decoded UTF-8.
struct value {
  json::kind kind = json::kind::null;
  /// A string's contents; a number's, a boolean's or null's text.
  std::string text;
  /// An array's elements, or an object's members' values in the order written.
  std::vector<value> elements;
  /// An object's keys, one for each of `elements`.
  std::vector<std::string> keys;

  /// The member named `key` of an object, or nullptr.
  const value* find(std::string_view key) const {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == key) return &elements[i];
    }
    return nullptr;
  }
  bool is_structured() const { return kind == json::kind::array || kind == json::kind::object; }
};

/// The length of the UTF-8 sequence (1 to 4 bytes) that starts `text`, or 0 if none does: an
/// overlong encoding, a surrogate, a code point past U+10FFFF or a cut sequence is none.
inline std::size_t utf8_sequence_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto continuation = [&](std::size_t i) {
    return i < text.size() && (byte(i) & 0xc0) == 0x80;
  };
  if (text.empty()) return 0;
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  // Each lead byte's allowed range for the byte after it rules out overlongs and surrogates.
  unsigned char low = 0x80, high = 0xbf;
  std::size_t length = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!continuation(i)) return 0;
  }
  return length;
}

/// Whether `text` is valid UTF-8 throughout.
inline bool is_utf8(std::string_view text) {
  while (!text.empty()) {
    const std::size_t length = utf8_sequence_length(text);
    if (length == 0) return false;
    text.remove_prefix(length);
  }
  return true;
}

/// Parses one JSON document (RFC 8259), refusing what lenient parsers let through: anything but
/// white space after it, invalid UTF-8, a lone surrogate escape, a key twice in one object (many
/// parsers keep the last), and arrays and objects nested more than `nesting_limit` deep (refused
/// as they open, so that nothing recursive ever meets deeper input). Throws `model_file_error`
/// with a predicate: "is not valid JSON (parse error at line 1, column 25: ...)", "has the key
/// "task" twice in one object", "nests arrays and objects deeper than 32 levels".
class reader {
 public:
  reader(std::string_view text, std::size_t nesting_limit)
      : text_(text), nesting_limit_(nesting_limit) {}

  value document() {
    value result = parse_value(0);
    skip_space();
    if (position_ != text_.size()) fail("expected the end of the input");
    return result;
  }

 private:
  std::string_view text_;
  std::size_t nesting_limit_;
  std::size_t position_ = 0;

  /// Refuses the text at the current position, saying where (lines and columns from 1, in bytes)
  /// and what it found there: `found`, or the byte there.
  [[noreturn]] void fail(std::string_view expected, std::string_view found_text = {}) const {
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < position_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    const std::string found = !found_text.empty() ? printable(found_text)
                              : position_ >= text_.size()
                                  ? std::string("the end of the input")
                                  : '\'' + printable(text_.substr(position_, 1)) + '\'';
    throw model_file_error("is not valid JSON (parse error at line " + std::to_string(line) +
                           ", column " + std::to_string(position_ - line_start + 1) + ": " +
                           std::string(expected) + ", not " + found + ")");
  }

  bool at(char c) const { return position_ < text_.size() && text_[position_] == c; }
  bool at_digit() const {
    return position_ < text_.size() && text_[position_] >= '0' && text_[position_] <= '9';
  }
  void skip_space() {
    while (at(' ') || at('\t') || at('\n') || at('\r')) ++position_;
  }
  void expect(char c, std::string_view expected) {
    if (!at(c)) fail(expected);
    ++position_;
  }

  value parse_value(std::size_t depth) {
    skip_space();
    if (at('{') || at('[')) {
      // depth counts the arrays and objects around this one.
      if (depth >= nesting_limit_) {
        throw model_file_error("nests arrays and objects deeper than " +
                               std::to_string(nesting_limit_) + " levels");
      }
      return at('{') ? parse_object(depth + 1) : parse_array(depth + 1);
    }
    if (at('"')) return {kind::string, parse_string(), {}, {}};
    if (at('-') || at_digit()) return {kind::number, parse_number(), {}, {}};
    for (const std::string_view literal : {"true", "false", "null"}) {
      if (text_.substr(position_).starts_with(literal)) {
        position_ += literal.size();
        return {literal == "null" ? kind::null : kind::boolean, std::string(literal), {}, {}};
      }
    }
    fail("expected a value");
  }

  value parse_object(std::size_t depth) {
    value object{kind::object, {}, {}, {}};
    std::set<std::string> seen;
    ++position_;
    skip_space();
    if (at('}')) {
      ++position_;
      return object;
    }
    while (true) {
      skip_space();
      if (!at('"')) fail("expected a string, the key of a member");
      std::string key = parse_string();
      // A set, not a search of the keys so far: an object of many keys stays quick to refuse.
      if (!seen.insert(key).second) {
        throw model_file_error("has the key " + in_quotes(key, 60) + " twice in one object");
      }
      skip_space();
      expect(':', "expected ':' after a key");
      object.elements.push_back(parse_value(depth));
      object.keys.push_back(std::move(key));
      skip_space();
      if (at('}')) break;
      expect(',', "expected ',' or '}' after a member");
    }
    ++position_;
    return object;
  }

  value parse_array(std::size_t depth) {
    value array{kind::array, {}, {}, {}};
    ++position_;
    skip_space();
    if (at(']')) {
      ++position_;
      return array;
    }
    while (true) {
      array.elements.push_back(parse_value(depth));
      skip_space();
      if (at(']')) break;
      expect(',', "expected ',' or ']' after an element");
    }
    ++position_;
    return array;
  }

  /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, as written.
  std::string parse_number() {
    const std::size_t start = position_;
    if (at('-')) ++position_;
    if (at('0')) {
      ++position_;
    } else if (at_digit()) {
      while (at_digit()) ++position_;
    } else {
      fail("expected a digit");
    }
    if (at('.')) {
      ++position_;
      if (!at_digit()) fail("expected a digit after '.'");
      while (at_digit()) ++position_;
    }
    if (at('e') || at('E')) {
      ++position_;
      if (at('+') || at('-')) ++position_;
      if (!at_digit()) fail("expected a digit in the exponent");
      while (at_digit()) ++position_;
    }
    return std::string(text_.substr(start, position_ - start));
  }

  /// Four hex digits of a \u escape.
  unsigned parse_hex4() {
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = position_ < text_.size() ? text_[position_] : '\0';
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) fail("expected four hexadecimal digits after \\u");
      code = code * 16 + static_cast<unsigned>(digit);
      ++position_;
    }
    return code;
  }

  static void append_utf8(std::string& out, unsigned code) {
    const auto byte = [&](unsigned bits) { out += static_cast<char>(bits); };
    if (code < 0x80) {
      byte(code);
    } else if (code < 0x800) {
      byte(0xc0 | (code >> 6));
      byte(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      byte(0xe0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    } else {
      byte(0xf0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 0x3f));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    }
  }

  std::string parse_string() {
    ++position_;  // the opening quote
    std::string result;
    while (true) {
      if (position_ >= text_.size()) fail("expected '\"' to close the string");
      const char c = text_[position_];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) fail("expected a control character escaped");
      if (c != '\\') {
        const std::size_t length = utf8_sequence_length(text_.substr(position_));
        if (length == 0) fail("expected UTF-8 text");
        result += text_.substr(position_, length);
        position_ += length;
        continue;
      }
      ++position_;
      const char escape = position_ < text_.size() ? text_[position_] : '\0';
      constexpr std::string_view escapes = "\"\\/bfnrt", meanings = "\"\\/\b\f\n\r\t";
      if (const std::size_t which = escapes.find(escape);
          escape != '\0' && which != std::string_view::npos) {
        result += meanings[which];
        ++position_;
        continue;
      }
      if (escape != 'u')
        fail("expected an escape: \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u");
      const std::size_t escape_start = position_ - 1;
      ++position_;
      unsigned code = parse_hex4();
      // A surrogate is refused where its escape starts, quoting it.
      const auto refuse_surrogate = [&](std::string_view expected) {
        position_ = escape_start;
        fail(expected, text_.substr(escape_start, 6));
      };
      if (code >= 0xdc00 && code <= 0xdfff) refuse_surrogate("expected a high surrogate first");
      if (code >= 0xd800 && code <= 0xdbff) {
        if (!text_.substr(position_).starts_with("\\u")) {
          refuse_surrogate("expected a low surrogate after a high one");
        }
        position_ += 2;
        const unsigned low = parse_hex4();
        if (low < 0xdc00 || low > 0xdfff)
          refuse_surrogate("expected a low surrogate after a high one");
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      }
      append_utf8(result, code);
    }
    ++position_;
    return result;
  }
};

/// `text` as a JSON string literal: quotes, `\"`, `\\`, the short escapes for control
/// characters and `\u00XX` for the others, UTF-8 as it is (the caller makes sure it is UTF-8).
inline std::string string_literal(std::string_view text) {
  constexpr char hex_digits[] = "0123456789abcdef";
  std::string literal = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        literal += "\\\"";
        break;
      case '\\':
        literal += "\\\\";
        break;
      case '\b':
        literal += "\\b";
        break;
      case '\f':
        literal += "\\f";
        break;
      case '\n':
        literal += "\\n";
        break;
      case '\r':
        literal += "\\r";
        break;
      case '\t':
        literal += "\\t";
        break;
      default:
        if (byte < 0x20) {
          literal += "\\u00";
          literal += hex_digits[byte >> 4];
          literal += hex_digits[byte & 0xf];
        } else {
          literal += c;
        }
    }
  }
  return literal + '"';
}

/// Writes one JSON document, indented by two spaces a level: each member and element on a line
/// of its own, `"key": value`, as nlohmann/json's `dump(2)` lays it out. Arrays and objects are
/// never empty in a model file, and are written as if they were not.
class writer {
 public:
  void open_object() { open('{'); }
  void open_array() { open('['); }
  void close_object() { close('}'); }
  void close_array() { close(']'); }
  /// The next member's key; its value follows.
  void key(std::string_view name) {
    start_element();
    text_ += string_literal(name) + ": ";
    after_key_ = true;
  }
  void string(std::string_view contents) { scalar(string_literal(contents)); }
  /// A number, or any other value, written as `json_text` spells it.
  void raw(std::string_view json_text) { scalar(json_text); }
  /// The document, with a final newline.
  std::string finish() { return text_ + '\n'; }

 private:
  std::string text_;
  std::vector<bool> has_elements_;  // one for each open array or object
  bool after_key_ = false;

  void start_element() {
    if (!has_elements_.empty()) {
      if (has_elements_.back()) text_ += ',';
      has_elements_.back() = true;
      text_ += '\n' + std::string(2 * has_elements_.size(), ' ');
    }
  }
  void start_value() {
    if (!after_key_) start_element();
    after_key_ = false;
  }
  void scalar(std::string_view json_text) {
    start_value();
    text_ += json_text;
  }
  void open(char bracket) {
    start_value();
    text_ += bracket;
    has_elements_.push_back(false);
  }
  void close(char bracket) {
    has_elements_.pop_back();
    text_ += '\n' + std::string(2 * has_elements_.size(), ' ') + bracket;
  }
};

}  // namespace CTNN_NAMESPACE::detail::json
