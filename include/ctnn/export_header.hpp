// Defines `ctnn::export_header` and `ctnn::header_text`: parameters as a C++ header that defines
// them as a constexpr value, exact to the bit, in a namespace and under names the caller chooses.
// Opt-in (POSIX, <filesystem>): not in <ctnn.hpp>.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <ctnn/detail/file_io.hpp>
#include <ctnn/detail/float_text.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/json.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/detail/printable.hpp>
#include <ctnn/model_file_error.hpp>
#include <ctnn/model_shape.hpp>
#include <ctnn/model_text.hpp>
#include <ctnn/parameters.hpp>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace CTNN_NAMESPACE {

/// Where an exported header puts the parameters, and what it calls them.
struct header_options {
  /// The namespace, e.g. "models" or "app::models"; each part a C++ identifier.
  std::string_view namespace_name;
  /// The `constexpr ctnn::parameters<Net, T>` variable's name, e.g. "xor_double".
  std::string_view variable;
  /// The name of the alias for Net; empty for `<variable>_network`.
  std::string_view network_alias = {};
  /// One line of text for the header's opening comment, e.g. where the values come from.
  std::string_view note = {};
};

namespace detail {

/// C++20's keywords and alternative tokens: none can name a namespace or a variable.
inline constexpr std::string_view cpp_keywords[] = {
    "alignas",       "alignof",     "and",
    "and_eq",        "asm",         "auto",
    "bitand",        "bitor",       "bool",
    "break",         "case",        "catch",
    "char",          "char8_t",     "char16_t",
    "char32_t",      "class",       "compl",
    "concept",       "const",       "consteval",
    "constexpr",     "constinit",   "const_cast",
    "continue",      "co_await",    "co_return",
    "co_yield",      "decltype",    "default",
    "delete",        "do",          "double",
    "dynamic_cast",  "else",        "enum",
    "explicit",      "export",      "extern",
    "false",         "float",       "for",
    "friend",        "goto",        "if",
    "inline",        "int",         "long",
    "mutable",       "namespace",   "new",
    "noexcept",      "not",         "not_eq",
    "nullptr",       "operator",    "or",
    "or_eq",         "private",     "protected",
    "public",        "register",    "reinterpret_cast",
    "requires",      "return",      "short",
    "signed",        "sizeof",      "static",
    "static_assert", "static_cast", "struct",
    "switch",        "template",    "this",
    "thread_local",  "throw",       "true",
    "try",           "typedef",     "typeid",
    "typename",      "union",       "unsigned",
    "using",         "virtual",     "void",
    "volatile",      "wchar_t",     "while",
    "xor",           "xor_eq"};

/// Refuses `name` unless it is an ASCII C++ identifier that a header may declare: not a keyword,
/// nor reserved to the implementation (a `__` anywhere, or `_` and a capital first).
inline void check_identifier(std::string_view what, std::string_view name) {
  const std::string named = "header " + std::string(what) + ' ' + in_quotes(name, 60);
  const auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  };
  const bool identifier = !name.empty() && letter(name.front()) &&
                          std::all_of(name.begin(), name.end(),
                                      [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
  if (!identifier) {
    throw model_file_error(named +
                           " is not a C++ identifier: ASCII letters, digits and '_', not "
                           "starting with a digit");
  }
  if (std::find(std::begin(cpp_keywords), std::end(cpp_keywords), name) != std::end(cpp_keywords)) {
    throw model_file_error(named + " is a C++ keyword");
  }
  if (name.find("__") != std::string_view::npos ||
      (name.size() > 1 && name[0] == '_' && name[1] >= 'A' && name[1] <= 'Z')) {
    throw model_file_error(named +
                           " is reserved to the implementation (it has \"__\", or starts with "
                           "'_' and a capital letter)");
  }
}

/// Checks every name in `options`, and that the note is one line of text; returns the network
/// alias, `options.network_alias` or `<variable>_network`.
inline std::string checked_network_alias(const header_options& options) {
  std::string_view rest = options.namespace_name;
  for (std::size_t part = 0;; ++part) {
    const std::size_t colons = rest.find("::");
    const std::string_view name = rest.substr(0, colons);
    if (part == 0 && name == "std") {
      throw model_file_error("header namespace " + in_quotes(options.namespace_name, 60) +
                             " is the standard library's");
    }
    check_identifier("namespace", name);
    if (colons == std::string_view::npos) break;
    rest.remove_prefix(colons + 2);
  }
  check_identifier("variable", options.variable);
  std::string alias = options.network_alias.empty() ? std::string(options.variable) + "_network"
                                                    : std::string(options.network_alias);
  check_identifier("network alias", alias);
  if (alias == options.variable) {
    throw model_file_error("header variable and network alias are both " + in_quotes(alias, 60));
  }
  const bool one_line = std::none_of(options.note.begin(), options.note.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  // A backslash that ends a line comment would continue it onto the next line.
  if (!one_line || !json::is_utf8(options.note) || options.note.ends_with('\\')) {
    throw model_file_error("header note " + in_quotes(options.note, 60) +
                           " is not one line of UTF-8 text that does not end in '\\'");
  }
  return alias;
}

/// The header for `values`, parameters of a network of `shape`, named as `options` says; each
/// value a hexadecimal literal commented with its connection and its shortest decimal.
inline std::string header_source(const model_shape& shape, std::span<const double> values,
                                 const header_options& options) {
  const std::string alias = checked_network_alias(options);
  const bool is_float = shape.scalar == "float";
  const std::string suffix = is_float ? "f" : "";
  const std::string space(options.namespace_name);
  const auto decimal = [&](double value) {
    return is_float ? decimal_text(static_cast<float>(value), false) : decimal_text(value, false);
  };
  const std::string variable = space + "::" + std::string(options.variable);
  std::string source = "// Defines " + variable + ", the parameters of a\n// " + space +
                       "::" + alias + " in " + shape.scalar +
                       " as a constexpr value, exact to the bit\n// (hexadecimal literals): "
                       "written by ctnn::export_header.\n";
  if (!options.note.empty()) source += "// " + std::string(options.note) + '\n';
  source += "#pragma once\n\n#include <ctnn.hpp>\n\nnamespace " + space + " {\n\nusing " + alias +
            " = " + shape.topology + ";\n\ninline constexpr ctnn::parameters<" + alias + ", " +
            shape.scalar + "> " + std::string(options.variable) + "{{\n";
  const auto line = [&](double value, const std::string& comment) {
    source +=
        "    " + hex_float(value) + suffix + ",  // " + comment + ": " + decimal(value) + '\n';
  };
  for (std::size_t layer = shape.input_group_count; layer < shape.layers.size(); ++layer) {
    const model_layer& current = shape.layers[layer];
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      for (std::size_t k = 0; k < current.fan_in; ++k) {
        const auto [source_layer, source_unit] = shape.source_of(layer, k);
        line(values[current.weight_offset + unit * current.fan_in + k],
             shape.unit_name(source_layer, source_unit) + " -> " + shape.unit_name(layer, unit));
      }
    }
    for (std::size_t unit = 0; unit < current.width; ++unit) {
      line(values[current.weight_offset + current.width * current.fan_in + unit],
           "bias of " + shape.unit_name(layer, unit));
    }
  }
  return source + "}};\n\n}  // namespace " + space + '\n';
}

}  // namespace detail

/// A C++ header that defines, in namespace `options.namespace_name`, the alias
/// `options.network_alias` (default `<variable>_network`) for Net and `inline constexpr
/// ctnn::parameters<alias, T> <variable>` holding `params` (T float or double) as hexadecimal
/// literals, exact to the bit, so that a program compiles the values in and reads no file. It
/// includes <ctnn.hpp>; a network with an activation of one's own needs that activation's header
/// included before it. Headers exported under different names can be included in one
/// translation unit. Throws `model_file_error` for a name that is not a C++ identifier, is a
/// keyword or is reserved, a namespace `std`, a note that is not one line, or a value that is
/// not finite ("cannot write header text: parameter 4 is nan").
template <class Net, class T>
std::string header_text(const parameters<Net, T>& params, const header_options& options) {
  const std::vector<double> values = detail::values_of(params);
  detail::check_finite_values(values, "cannot write header text");
  return detail::header_source(model_shape_of<Net, T>(), values, options);
}

/// Writes `header_text(params, options)` to `file` atomically, as `save_parameters` writes a
/// model file; throws `model_file_error` as `header_text` does, or `cannot write "<file>": <why>`.
template <class Net, class T>
void export_header(const std::filesystem::path& file, const parameters<Net, T>& params,
                   const header_options& options) {
  const std::vector<double> values = detail::values_of(params);
  detail::check_finite_values(values, "cannot write " + detail::quoted_path(file));
  detail::write_file_atomically(file,
                                detail::header_source(model_shape_of<Net, T>(), values, options));
}

}  // namespace CTNN_NAMESPACE
