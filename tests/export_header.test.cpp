// Tests <ctnn/export_header.hpp>: parameters as a C++ header under the caller's names, and the
// names it refuses. tests/export/ compiles two such headers into one translation unit.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/export_header.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/presets/homework.hpp>
#include <limits>
#include <string>

#include "catch.hpp"
#include "scratch_directory.hpp"

namespace {

using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;

const ctnn::parameters<xor_net, double> xor_values{{-1.5, 2.25, 0.5, 3.0, -4.0, 0.125, 1.0}};

}  // namespace

TEST_CASE("an exported header defines the network and its parameters as constexpr hex literals",
          "[export_header]") {
  const std::string header =
      ctnn::header_text(xor_values, {.namespace_name = "models", .variable = "xor_double"});
  CHECK(header ==
        "// Defines models::xor_double, the parameters of a\n"
        "// models::xor_double_network in double as a constexpr value, exact to the bit\n"
        "// (hexadecimal literals): written by ctnn::export_header.\n"
        "#pragma once\n"
        "\n"
        "#include <ctnn.hpp>\n"
        "\n"
        "namespace models {\n"
        "\n"
        "using xor_double_network = " +
            ctnn::topology_name<xor_net>() +
            ";\n"
            "\n"
            "inline constexpr ctnn::parameters<xor_double_network, double> xor_double{{\n"
            "    -0x1.8p+0,  // x_0 -> h: -1.5\n"
            "    0x1.2p+1,  // x_1 -> h: 2.25\n"
            "    0x1p-1,  // bias of h: 0.5\n"
            "    0x1.8p+1,  // x_0 -> y: 3\n"
            "    -0x1p+2,  // x_1 -> y: -4\n"
            "    0x1p-3,  // h -> y: 0.125\n"
            "    0x1p+0,  // bias of y: 1\n"
            "}};\n"
            "\n"
            "}  // namespace models\n");
  SECTION("float literals, a nested namespace, an alias and a note of the caller's") {
    auto params = ctnn::initialize<or_tanh_neuron, float>(1);
    params.values[0] = std::numeric_limits<float>::denorm_min();
    const std::string text = ctnn::header_text(params, {.namespace_name = "app::models",
                                                        .variable = "or_tanh",
                                                        .network_alias = "or_tanh_net",
                                                        .note = "Trained by hand \xc3\xa9."});
    CHECK(text.find("// Trained by hand \xc3\xa9.\n#pragma once\n") != std::string::npos);
    CHECK(text.find("namespace app::models {") != std::string::npos);
    CHECK(text.find("inline constexpr ctnn::parameters<or_tanh_net, float> or_tanh{{") !=
          std::string::npos);
    CHECK(text.find("    0x1p-149f,  // x_0 -> y: 1e-45\n") != std::string::npos);
    CHECK(text.find(ctnn::detail::hex_float(params.values[2]) + "f,  // bias of y: ") !=
          std::string::npos);
  }
}

TEST_CASE("an exported header refuses names that C++ would not take", "[export_header]") {
  const auto refused = [](const ctnn::header_options& options, const std::string& message) {
    CHECK_THROWS_WITH(ctnn::header_text(xor_values, options), message);
  };
  const std::string not_identifier =
      " is not a C++ identifier: ASCII letters, digits and '_', not starting with a digit";
  refused({.namespace_name = "my-models", .variable = "v"},
          "header namespace \"my-models\"" + not_identifier);
  refused({.namespace_name = "", .variable = "v"}, "header namespace \"\"" + not_identifier);
  refused({.namespace_name = "a::", .variable = "v"}, "header namespace \"\"" + not_identifier);
  refused({.namespace_name = "models", .variable = "2nets"},
          "header variable \"2nets\"" + not_identifier);
  refused({.namespace_name = "models", .variable = "r\xc3\xa9seau"},
          "header variable \"r\\xc3\\xa9seau\"" + not_identifier);
  refused({.namespace_name = "models", .variable = "xor"},
          "header variable \"xor\" is a C++ keyword");
  refused({.namespace_name = "models::class", .variable = "v"},
          "header namespace \"class\" is a C++ keyword");
  refused({.namespace_name = "models", .variable = "_Net"},
          "header variable \"_Net\" is reserved to the implementation (it has \"__\", or starts "
          "with '_' and a capital letter)");
  refused({.namespace_name = "my__models", .variable = "v"},
          "header namespace \"my__models\" is reserved to the implementation (it has \"__\", or "
          "starts with '_' and a capital letter)");
  refused({.namespace_name = "std", .variable = "v"},
          "header namespace \"std\" is the standard library's");
  refused({.namespace_name = "models", .variable = "v", .network_alias = "int"},
          "header network alias \"int\" is a C++ keyword");
  refused({.namespace_name = "models", .variable = "net", .network_alias = "net"},
          "header variable and network alias are both \"net\"");
  refused({.namespace_name = "models", .variable = "v", .note = "two\nlines"},
          "header note \"two\\nlines\" is not one line of UTF-8 text that does not end in '\\'");
  refused({.namespace_name = "models", .variable = "v", .note = "ends in \\"},
          "header note \"ends in \\\\\" is not one line of UTF-8 text that does not end in '\\'");
  auto params = xor_values;
  params.values[6] = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(ctnn::header_text(params, {.namespace_name = "models", .variable = "v"}),
                    "cannot write header text: parameter 6 is inf");
}

TEST_CASE("export_header writes the header atomically, or nothing", "[export_header]") {
  ctnn_test::scratch_directory directory("export_header");
  const ctnn::header_options names{.namespace_name = "models", .variable = "xor_double"};
  ctnn::export_header(directory.path / "xor.hpp", xor_values, names);
  CHECK(ctnn_test::read_text(directory.path / "xor.hpp") == ctnn::header_text(xor_values, names));
  CHECK_THROWS_WITH(ctnn::export_header(directory.path / "bad.hpp", xor_values,
                                        {.namespace_name = "models", .variable = "xor"}),
                    "header variable \"xor\" is a C++ keyword");
  auto params = xor_values;
  params.values[0] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(
      ctnn::export_header(directory.path / "xor.hpp", params, names),
      "cannot write \"" + (directory.path / "xor.hpp").string() + "\": parameter 0 is nan");
  CHECK(ctnn_test::read_text(directory.path / "xor.hpp") == ctnn::header_text(xor_values, names));
  CHECK(directory.files() == std::vector<std::string>{"xor.hpp"});
}
