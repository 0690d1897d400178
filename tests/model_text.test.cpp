// Tests <ctnn/model_text.hpp>: parameters as model text, read back bit for bit, and every way a
// text is refused, each with its message.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <ctnn/initialize.hpp>
#include <ctnn/model_text.hpp>
#include <ctnn/presets/homework.hpp>
#include <limits>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;
using wide_net = ctnn::network<ctnn::input<3>, ctnn::dense<4, ctnn::hyperbolic_tangent>,
                               ctnn::dense<2, ctnn::linear, ctnn::from<1, 0>>,
                               ctnn::dense<2, ctnn::logistic, ctnn::from<2, 0, 1>>>;
// Two input groups: 3 inputs read by the hidden layer, 2 read with it by the output.
using groups_net =
    ctnn::network<ctnn::input<3>, ctnn::input<2>, ctnn::dense<2, ctnn::relu, ctnn::from<0>>,
                  ctnn::dense<1, ctnn::logistic, ctnn::from<2, 1>>>;

template <class Net, class T>
bool same_bits(const ctnn::parameters<Net, T>& a, const ctnn::parameters<Net, T>& b) {
  for (std::size_t i = 0; i < Net::parameter_count; ++i) {
    if (std::bit_cast<std::array<unsigned char, sizeof(T)>>(a.values[i]) !=
        std::bit_cast<std::array<unsigned char, sizeof(T)>>(b.values[i])) {
      return false;
    }
  }
  return true;
}

/// Values a careless format would lose: signed zero, subnormals, the extremes, decimals that do
/// not terminate in binary, the neighbour of 1.
template <class T>
const T awkward[] = {T(-0.0),
                     std::numeric_limits<T>::denorm_min(),
                     -std::numeric_limits<T>::denorm_min(),
                     std::numeric_limits<T>::min(),
                     -std::numeric_limits<T>::min(),
                     std::numeric_limits<T>::max(),
                     std::numeric_limits<T>::lowest(),
                     std::numeric_limits<T>::lowest() / 3,
                     T(0.1),
                     T(1) / T(3),
                     std::nextafter(T(1), T(2)),
                     T(0)};

template <class Net, class T>
void check_round_trip(const ctnn::parameters<Net, T>& params) {
  const auto loaded = ctnn::parameters_from_text<Net, T>(ctnn::parameters_to_text(params));
  CHECK(same_bits(loaded, params));
}

/// `text` with its only `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

const ctnn::parameters<xor_net, double> xor_values{{-1.5, 2.25, 0.5, 3.0, -4.0, 0.125, 1.0}};

}  // namespace

TEMPLATE_TEST_CASE("model text reads back bit for bit", "[model_text]", float, double) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    check_round_trip(ctnn::initialize<or_neuron, TestType>(seed));
    check_round_trip(ctnn::initialize<or_tanh_neuron, TestType>(seed));
    check_round_trip(ctnn::initialize<xor_net, TestType>(seed));
    check_round_trip(ctnn::initialize<wide_net, TestType>(seed));
    check_round_trip(ctnn::initialize<groups_net, TestType>(seed));
  }
  auto params = ctnn::initialize<wide_net, TestType>(7);
  for (std::size_t i = 0; i < wide_net::parameter_count; ++i) {
    params.values[i] = awkward<TestType>[i % std::size(awkward<TestType>)];
  }
  check_round_trip(params);
  const auto loaded =
      ctnn::parameters_from_text<wide_net, TestType>(ctnn::parameters_to_text(params));
  CHECK(std::signbit(loaded.values[0]));
  CHECK_FALSE(std::signbit(loaded.values[std::size(awkward<TestType>) - 1]));
  CHECK(loaded.values[1] == std::numeric_limits<TestType>::denorm_min());
  CHECK(loaded.values[5] == std::numeric_limits<TestType>::max());
}

TEST_CASE("model text is JSON naming its format, topology, scalar type, layers and units",
          "[model_text]") {
  const ctnn::parameters<or_neuron, double> params{{0.5, -0.25, 1.0}};
  // A snapshot of the writer's output, kept on purpose: the text is format version 1, which files
  // already saved depend on, so a change here is a change of format (and of its version). The
  // properties (round trips, refusals) are tested on their own above and below.
  CHECK(ctnn::parameters_to_text(params, {{"task", "or"}}) ==
        R"({
  "format": "ctnn-model",
  "version": 1,
  "task": "or",
  "topology": "ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>",
  "scalar": "double",
  "parameter_count": 3,
  "layers": [
    {
      "layer": 1,
      "activation": "logistic",
      "sources": [
        0
      ],
      "units": [
        {
          "unit": "y",
          "weights": [
            {
              "from": "x_0",
              "value": 0.5,
              "exact": "0x1p-1"
            },
            {
              "from": "x_1",
              "value": -0.25,
              "exact": "-0x1p-2"
            }
          ],
          "bias": {
            "value": 1.0,
            "exact": "0x1p+0"
          }
        }
      ]
    }
  ]
}
)");
  SECTION("a weight names the unit it comes from, across skip connections") {
    const std::string text = ctnn::parameters_to_text(xor_values);
    CHECK(text.find(R"("unit": "h")") != std::string::npos);
    CHECK(text.find(R"("from": "h",
              "value": 0.125,
              "exact": "0x1p-3")") != std::string::npos);
  }
  SECTION("a float parameter is written as the double it converts to") {
    const ctnn::parameters<or_neuron, float> floats{{0.1f, 0, 0}};
    const std::string text = ctnn::parameters_to_text(floats);
    CHECK(text.find(R"("scalar": "float")") != std::string::npos);
    CHECK(text.find(R"("value": 0.10000000149011612,
              "exact": "0x1.99999ap-4")") != std::string::npos);
  }
  SECTION("a field's value is escaped as JSON") {
    const std::string text = ctnn::parameters_to_text(params, {{"note", "a \"b\"\n\x01 \xc3\xa9"}});
    CHECK(text.find(R"("note": "a \"b\"\n\u0001 )"
                    "\xc3\xa9\"") != std::string::npos);
    CHECK(ctnn::parameters_from_text<or_neuron, double>(
              text, {{"note", "a \"b\"\n\x01 \xc3\xa9"}}) == params);
  }
}

TEST_CASE("model text with several input groups lists only the dense layers", "[model_text]") {
  // Two input groups (layers 0 and 1): the walk starts at the first dense layer, whatever its
  // index.
  const std::string from_network =
      ctnn::parameters_to_text(ctnn::initialize<groups_net, double>(std::uint64_t{3}));
  CHECK(from_network.find(R"("layer": 2)") != std::string::npos);
  CHECK(from_network.find(R"("layer": 1,)") == std::string::npos);
  CHECK(from_network.find(R"("from": "x_3")") != std::string::npos);  // the relation's first
  // Another grouping of the same widths is another network.
  using regrouped =
      ctnn::network<ctnn::input<2>, ctnn::input<3>, ctnn::dense<2, ctnn::relu, ctnn::from<0>>,
                    ctnn::dense<1, ctnn::logistic, ctnn::from<2, 1>>>;
  CHECK_THROWS_AS((ctnn::parameters_from_text<regrouped, double>(from_network)),
                  ctnn::model_file_error);

  const ctnn::model_shape shape{
      "t", "double", 2, {{2, 0, {}, "", 0}, {1, 0, {}, "", 0}, {1, 3, {0, 1}, "relu", 0}}, 4};
  const std::vector<double> values{1, 2, 3, 4};
  const std::string text = ctnn::detail::model_json(shape, values, {});
  CHECK(text.find(R"("layer": 2)") != std::string::npos);
  CHECK(text.find(R"("from": "x_2")") != std::string::npos);
  CHECK(text.find(R"("layer": 1)") == std::string::npos);
  CHECK(ctnn::detail::model_json_reader(shape, {}).read(text) == values);
}

TEST_CASE("hex floats are exact and parse only in their own spelling", "[model_text]") {
  CHECK(ctnn::detail::hex_float(0.75) == "0x1.8p-1");
  CHECK(ctnn::detail::hex_float(-0.0) == "-0x0p+0");
  CHECK(ctnn::detail::hex_float(5e-324) == "0x0.0000000000001p-1022");
  for (const double value : {0.1, -3.0, 1e-310, 1e300, -0.0, 5e-324, -1.7976931348623157e308}) {
    const double parsed = ctnn::detail::parse_hex_float(ctnn::detail::hex_float(value), "v");
    CHECK(std::bit_cast<std::uint64_t>(parsed) == std::bit_cast<std::uint64_t>(value));
  }
  for (const char* bad : {"", "-", "0x", "1.5", "0x-1p0", "--0x1p0", "0xinf", "0xnan", "0x1p",
                          "0x1.8p-1 ", " 0x1p0", "0x1g", "inf", "nan", "0x1.8p-01", "0X1.8p-1"}) {
    CHECK_THROWS_AS(ctnn::detail::parse_hex_float(bad, "v"), ctnn::model_file_error);
  }
  CHECK_THROWS_WITH(ctnn::detail::parse_hex_float("0x1p+1024", "w"),
                    "w: \"0x1p+1024\" is out of range");
  CHECK_THROWS_WITH(ctnn::detail::parse_hex_float("0x1", "w"),
                    "w: \"0x1\" is not a double spelled exactly as this program writes it; the "
                    "nearest double is \"0x1p+0\"");
}

TEST_CASE("decimals are the shortest that read back, laid out as JSON writers do", "[model_text]") {
  using ctnn::detail::decimal_text;
  CHECK(decimal_text(1.0, true) == "1.0");
  CHECK(decimal_text(1.0, false) == "1");
  CHECK(decimal_text(-0.0, true) == "-0.0");
  CHECK(decimal_text(100000.0, true) == "100000.0");
  CHECK(decimal_text(123.25, true) == "123.25");
  CHECK(decimal_text(1e14, false) == "100000000000000");
  CHECK(decimal_text(1e15, true) == "1e+15");
  CHECK(decimal_text(0.0001, true) == "0.0001");
  CHECK(decimal_text(1e-5, true) == "1e-05");
  CHECK(decimal_text(5e-324, true) == "5e-324");
  CHECK(decimal_text(-1.7976931348623157e308, true) == "-1.7976931348623157e+308");
  CHECK(decimal_text(0.1f, false) == "0.1");
  CHECK(decimal_text(static_cast<double>(0.1f), false) == "0.10000000149011612");
}

TEST_CASE("model text that is not what parameters_to_text writes is refused, saying why",
          "[model_text]") {
  const std::string text = ctnn::parameters_to_text(xor_values);
  const std::string first_weight = R"("value": -1.5,
              "exact": "-0x1.8p+0")";
  std::string spoiled;
  std::string expected;
  SECTION("empty") {
    spoiled = " \n\t";
    expected = "is empty";
  }
  SECTION("truncated") {
    spoiled = text.substr(0, text.size() / 2);
    expected =
        "is not valid JSON (parse error at line 31, column 17: expected '\"' to close the "
        "string, not the end of the input)";
  }
  SECTION("malformed") {
    spoiled = R"({"format": "ctnn-model",})";
    expected =
        "is not valid JSON (parse error at line 1, column 25: expected a string, the key of "
        "a member, not '}')";
  }
  SECTION("a second document after the first") {
    spoiled = text + "{}";
    expected =
        "is not valid JSON (parse error at line 72, column 1: expected the end of the "
        "input, not '{')";
  }
  SECTION("not UTF-8") {
    spoiled = replaced(text, "\"x_1\",\n              \"value\": 2.25",
                       "\"x\xff\",\n              \"value\": 2.25");
    expected =
        "is not valid JSON (parse error at line 24, column 25: expected UTF-8 text, not "
        "'\\xff')";
  }
  SECTION("a lone surrogate") {
    spoiled = replaced(text, "\"x_1\",\n              \"value\": 2.25",
                       "\"\\udc00\",\n              \"value\": 2.25");
    expected =
        "is not valid JSON (parse error at line 24, column 24: expected a high surrogate first, "
        "not \\udc00)";
  }
  SECTION("a NUL") {
    spoiled = text + std::string("\0garbage", 8);
    expected =
        "holds a NUL byte at offset " + std::to_string(text.size()) + "; a model file is JSON text";
  }
  SECTION("nesting deeper than the limit") {
    spoiled = "{\"format\": " + std::string(32, '[') + std::string(32, ']') + "}";
    expected = "nests arrays and objects deeper than 32 levels";
  }
  SECTION("nesting at the limit is read, and not echoed whole") {
    spoiled = "{\"format\": " + std::string(31, '[') + std::string(31, ']') + "}";
    expected = "is not a ctnn model file: \"format\" is [...], not \"ctnn-model\"";
  }
  SECTION("not an object") {
    spoiled = "[1, 2]";
    expected = "is not a ctnn model file: not a JSON object";
  }
  SECTION("another format") {
    spoiled = replaced(text, R"("ctnn-model")", R"("keras")");
    expected = "is not a ctnn model file: \"format\" is \"keras\", not \"ctnn-model\"";
  }
  SECTION("no format") {
    spoiled = replaced(text, R"("format": "ctnn-model",)", "");
    expected = "is not a ctnn model file: \"format\" is missing, not \"ctnn-model\"";
  }
  SECTION("a duplicate key") {
    spoiled = replaced(text, R"("version": 1,)", R"("version": 2, "version": 1,)");
    expected = "has the key \"version\" twice in one object";
  }
  SECTION("an unknown key") {
    spoiled = replaced(text, R"("version": 1,)", R"("version": 1, "task": "xor",)");
    expected = "has an unknown key \"task\"";
  }
  SECTION("another version") {
    spoiled = replaced(text, R"("version": 1,)", R"("version": 2,)");
    expected = "has format version 2; this program reads version 1";
  }
  SECTION("version 1.0") {
    spoiled = replaced(text, R"("version": 1,)", R"("version": 1.0,)");
    expected = "has format version 1.0; this program reads version 1";
  }
  SECTION("another topology") {
    spoiled = replaced(text, ctnn::topology_name<xor_net>(), ctnn::topology_name<or_neuron>());
    expected = "has topology \"" + ctnn::topology_name<or_neuron>() + "\", but this program uses " +
               ctnn::topology_name<xor_net>();
  }
  SECTION("another scalar type") {
    spoiled = replaced(text, R"("scalar": "double")", R"("scalar": "float")");
    expected = "holds \"float\" parameters, not double";
  }
  SECTION("another parameter count") {
    spoiled = replaced(text, R"("parameter_count": 7)", R"("parameter_count": 6)");
    expected = "declares 6 parameters, but the topology has 7";
  }
  SECTION("a parameter count that is not a count") {
    spoiled = replaced(text, R"("parameter_count": 7)", R"("parameter_count": "7")");
    expected = "declares \"7\" parameters, but the topology has 7";
  }
  SECTION("no layers") {
    spoiled = replaced(text, R"("parameter_count": 7,)", R"("parameter_count": 7, "x": [)");
    spoiled = replaced(spoiled, R"("layers": [)", "");
    expected = "has an unknown key \"x\"";
  }
  SECTION("a layer too few") {
    spoiled = text.substr(0, text.find(",\n    {\n      \"layer\": 2")) + "\n  ]\n}\n";
    expected = "has 1 layers, but the topology has 2";
  }
  SECTION("another layer index") {
    spoiled = replaced(text, R"("layer": 2)", R"("layer": 1)");
    expected = "is wrong in layer 2: its \"layer\" is 1, not 2";
  }
  SECTION("another activation") {
    spoiled = replaced(text, R"("layer": 1,
      "activation": "logistic")",
                       R"("layer": 1,
      "activation": "hyperbolic_tangent")");
    expected =
        "is wrong in layer 1: its \"activation\" is \"hyperbolic_tangent\", not \"logistic\"";
  }
  SECTION("other sources") {
    spoiled = replaced(text, "[\n        0,\n        1\n      ]", "[1, 0]");
    expected = "is wrong in layer 2: its \"sources\" are [1, 0], not [0, 1]";
  }
  SECTION("sources that are not counts") {
    spoiled = replaced(text, "[\n        0,\n        1\n      ]", "[0.0, 1]");
    expected = "is wrong in layer 2: its \"sources\" are [0.0, 1], not [0, 1]";
  }
  SECTION("a unit of another name") {
    spoiled = replaced(text, R"("unit": "h")", R"("unit": "y")");
    expected = "is wrong in layer 1, unit 0: its \"unit\" is \"y\", not \"h\"";
  }
  SECTION("a weight from another unit") {
    spoiled = replaced(text, R"("from": "h")", R"("from": "x_0")");
    expected = "is wrong in layer 2, unit 0, weight 2: its \"from\" is \"x_0\", not \"h\"";
  }
  SECTION("a weight too few") {
    spoiled = replaced(text, R"(,
            {
              "from": "h",
              "value": 0.125,
              "exact": "0x1p-3"
            })",
                       "");
    expected = "is wrong in layer 2, unit 0: it has 2 weights, but the topology has 3";
  }
  SECTION("no bias") {
    spoiled = replaced(text, R"(,
          "bias": {
            "value": 0.5,
            "exact": "0x1p-1"
          })",
                       "");
    expected = "is wrong in layer 1, unit 0: it has no \"bias\"";
  }
  SECTION("an unknown key in a bias") {
    spoiled = replaced(text, R"("value": 0.5,)", R"("value": 0.5, "note": 1,)");
    expected = "is wrong in layer 1, unit 0, bias: it has an unknown key \"note\"";
  }
  SECTION("a value that is not a number") {
    spoiled = replaced(text, R"("value": 2.25)", R"("value": "two")");
    expected = "is wrong in layer 1, unit 0, weight 1: its \"value\" is not a number, but \"two\"";
  }
  SECTION("an exact value that is not a hexadecimal float") {
    spoiled = replaced(text, R"("exact": "0x1p+0")", R"("exact": "1.0")");
    expected =
        "is wrong in layer 2, unit 0, bias: \"1.0\" is not a hexadecimal float like \"0x1.8p-1\"";
  }
  SECTION("an infinite value") {
    spoiled = replaced(text, first_weight, R"("value": -1.5, "exact": "-0x1p+1024")");
    expected = "is wrong in layer 1, unit 0, weight 0: \"-0x1p+1024\" is out of range";
  }
  SECTION("a NaN") {
    spoiled = replaced(text, first_weight, R"("value": -1.5, "exact": "nan")");
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"nan\" is not a hexadecimal float like "
        "\"0x1.8p-1\"";
  }
  SECTION("an exact value that disagrees with the decimal") {
    spoiled = replaced(text, first_weight, R"("value": -1.5, "exact": "0x1.8p+0")");
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"value\" -1.5 disagrees with \"exact\" "
        "\"0x1.8p+0\"";
  }
  SECTION("a decimal out of double's range") {
    spoiled = replaced(text, first_weight, R"("value": -1e999, "exact": "-0x1.8p+0")");
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"value\" -1e999 disagrees with \"exact\" "
        "\"-0x1.8p+0\"";
  }
  SECTION("a value of 0 with an exact -0") {
    spoiled = replaced(text, first_weight, R"("value": 0.0, "exact": "-0x0p+0")");
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"value\" 0.0 disagrees with \"exact\" "
        "\"-0x0p+0\"";
  }
  SECTION("a mantissa longer than a double holds") {
    spoiled = replaced(text, first_weight, R"("value": -1.5, "exact": "-0x1.80000000000001p+0")");
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"-0x1.80000000000001p+0\" is not a double "
        "spelled exactly as this program writes it; the nearest double is \"-0x1.8p+0\"";
  }
  SECTION("text from the file is escaped to printable ASCII and cut short") {
    spoiled = replaced(text, R"("ctnn-model")", "\"x\\u0007\xc3\xa9" + std::string(100, 'y') + '"');
    expected = "is not a ctnn model file: \"format\" is \"x\\x07\\xc3\\xa9" + std::string(47, 'y') +
               "...\", not \"ctnn-model\"";
  }
  auto params = ctnn::initialize<xor_net, double>(1);
  const auto before = params;
  try {
    params = ctnn::parameters_from_text<xor_net, double>(spoiled);
    FAIL("parameters_from_text accepted the text");
  } catch (const ctnn::model_file_error& error) {
    const std::string message = error.what();
    CHECK(message == "model text " + expected);
    CHECK(std::all_of(message.begin(), message.end(), [](char c) { return c >= ' ' && c <= '~'; }));
  }
  CHECK(params == before);
}

TEST_CASE("model text for float refuses a value float cannot hold", "[model_text]") {
  const ctnn::parameters<or_neuron, double> doubles{{0.5, 0.1, 1.0}};
  const std::string text =
      replaced(ctnn::parameters_to_text(doubles), R"("scalar": "double")", R"("scalar": "float")");
  CHECK_THROWS_WITH((ctnn::parameters_from_text<or_neuron, float>(text)),
                    "model text is wrong in layer 1, unit 0, weight 1: \"0x1.999999999999ap-4\" "
                    "is not a float value");
}

TEST_CASE("model text records the caller's fields and requires them on reading", "[model_text]") {
  const std::string text = ctnn::parameters_to_text(xor_values, {{"task", "xor"}, {"run", "7"}});
  CHECK(text.find("  \"version\": 1,\n  \"task\": \"xor\",\n  \"run\": \"7\",\n  \"topology\"") !=
        std::string::npos);
  CHECK(ctnn::parameters_from_text<xor_net, double>(text, {{"task", "xor"}, {"run", "7"}}) ==
        xor_values);
  CHECK_THROWS_WITH((ctnn::parameters_from_text<xor_net, double>(text, {{"task", "or"}})),
                    "model text has an unknown key \"run\"");
  CHECK_THROWS_WITH(
      (ctnn::parameters_from_text<xor_net, double>(text, {{"task", "or"}, {"run", "7"}})),
      "model text holds a model for task \"xor\", not \"or\"");
  CHECK_THROWS_WITH((ctnn::parameters_from_text<xor_net, double>(
                        ctnn::parameters_to_text(xor_values), {{"task", "xor"}})),
                    "model text has no \"task\"");
  SECTION("a topology is named as the first field's") {
    const std::string or_text = ctnn::parameters_to_text(
        ctnn::parameters<or_neuron, double>{{1, 2, 3}}, {{"task", "xor"}, {"run", "7"}});
    CHECK_THROWS_WITH(
        (ctnn::parameters_from_text<xor_net, double>(or_text, {{"task", "xor"}, {"run", "7"}})),
        "model text has topology \"" + ctnn::topology_name<or_neuron>() +
            "\", but task \"xor\" uses " + ctnn::topology_name<xor_net>());
  }
  SECTION("fields that a model file cannot hold are refused, reading and writing") {
    const auto refused = [&](std::initializer_list<ctnn::model_field> fields,
                             const std::string& message) {
      CHECK_THROWS_WITH(ctnn::parameters_to_text(xor_values, fields), message);
      CHECK_THROWS_WITH((ctnn::parameters_from_text<xor_net, double>(text, fields)), message);
    };
    refused({{"topology", "x"}}, "model field \"topology\" is one of ctnn's own keys");
    refused({{"task-name", "x"}},
            "model field \"task-name\" is not a key of letters, digits and '_'");
    refused({{"", "x"}}, "model field \"\" is not a key of letters, digits and '_'");
    refused({{"task", "x"}, {"task", "y"}}, "model field \"task\" is given twice");
    refused({{"task", "\xff"}}, "model field \"task\" has a value that is not UTF-8 text");
  }
}

TEST_CASE("model text refuses values that are not finite", "[model_text]") {
  auto params = xor_values;
  params.values[4] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(ctnn::parameters_to_text(params),
                    "cannot write model text: parameter 4 is nan");
  params.values[4] = -std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(ctnn::parameters_to_text(params),
                    "cannot write model text: parameter 4 is -inf");
  const ctnn::parameters<or_neuron, float> floats{{0, std::numeric_limits<float>::infinity(), 0}};
  CHECK_THROWS_WITH(ctnn::parameters_to_text(floats),
                    "cannot write model text: parameter 1 is inf");
}
