// Tests model files and exported headers: exact round trips, and one clear error per bad file.
// SPDX-License-Identifier: BSL-1.0
#include "model_io.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <ctnn/initialize.hpp>
#include <ctnn/network.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/topology_name.hpp>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "catch.hpp"
#include "errors.hpp"
#include "scratch_directory.hpp"

namespace {

using ctnn::homework::or_neuron;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;
using ctnn_test::read_text;
using ctnn_test::scratch_directory;
using wide_net = ctnn::network<ctnn::input<3>, ctnn::dense<4, ctnn::hyperbolic_tangent>,
                               ctnn::dense<2, ctnn::linear, ctnn::from<1, 0>>,
                               ctnn::dense<2, ctnn::logistic, ctnn::from<2, 0, 1>>>;

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

template <class T>
bool same_bits(const T& a, const T& b) {
  for (std::size_t i = 0; i < std::size(a.values); ++i) {
    if (std::bit_cast<std::array<unsigned char, sizeof a.values[i]>>(a.values[i]) !=
        std::bit_cast<std::array<unsigned char, sizeof b.values[i]>>(b.values[i])) {
      return false;
    }
  }
  return true;
}

/// Values a careless format would lose: signed zero, subnormals, extremes, non-terminating
/// decimals.
template <class T>
const T awkward[] = {T(-0.0),
                     std::numeric_limits<T>::denorm_min(),
                     -std::numeric_limits<T>::min(),
                     std::numeric_limits<T>::max(),
                     -std::numeric_limits<T>::lowest() / 3,
                     T(0.1),
                     T(1) / T(3),
                     std::nextafter(T(1), T(2))};

template <class Net, class T>
void check_round_trip(const std::filesystem::path& file, const ctnn::parameters<Net, T>& params) {
  ctnn_train::save_model(file, "task", params);
  const auto loaded = ctnn_train::load_model<Net, T>(file, "task");
  CHECK(same_bits(loaded, params));
}

}  // namespace

TEMPLATE_TEST_CASE("a saved model loads back bit for bit", "[model_io]", float, double) {
  scratch_directory directory("round_trip");
  const auto file = directory.path / "model.json";
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    check_round_trip(file, ctnn::initialize<or_neuron, TestType>(seed));
    check_round_trip(file, ctnn::initialize<or_tanh_neuron, TestType>(seed));
    check_round_trip(file, ctnn::initialize<xor_net, TestType>(seed));
    check_round_trip(file, ctnn::initialize<wide_net, TestType>(seed));
  }
  auto params = ctnn::initialize<wide_net, TestType>(7);
  for (std::size_t i = 0; i < std::size(params.values); ++i) {
    params.values[i] = awkward<TestType>[i % std::size(awkward<TestType>)];
  }
  check_round_trip(file, params);
  CHECK(std::signbit(ctnn_train::load_model<wide_net, TestType>(file, "task").values[0]));
  CHECK(directory.files() == std::vector<std::string>{"model.json"});
}

TEST_CASE("a model file names its format, task, topology and scalar type", "[model_io]") {
  scratch_directory directory("contents");
  const auto file = directory.path / "xor.json";
  const auto params = ctnn::initialize<xor_net, float>(3);
  ctnn_train::save_model(file, "xor", params);
  const auto model = nlohmann::json::parse(read_text(file));
  CHECK(model["format"] == "ctnn-model");
  CHECK(model["version"] == 1);
  CHECK(model["task"] == "xor");
  CHECK(model["topology"] == ctnn::topology_name<xor_net>());
  CHECK(model["scalar"] == "float");
  CHECK(model["parameter_count"] == 7);
  REQUIRE(model["layers"].size() == 2);
  SECTION("each layer lists its units, their weights by source, and their biases") {
    const auto& output = model["layers"][1];
    CHECK(output["layer"] == 2);
    CHECK(output["activation"] == "logistic");
    CHECK(output["sources"] == nlohmann::json::array({0, 1}));
    const auto& unit = output["units"][0];
    CHECK(unit["unit"] == "y");
    REQUIRE(unit["weights"].size() == 3);
    const char* sources[] = {"x_0", "x_1", "h"};
    for (std::size_t k = 0; k < 3; ++k) {
      CHECK(unit["weights"][k]["from"] == sources[k]);
      CHECK(unit["weights"][k]["value"].get<double>() == params.weight<2>(0, k));
      CHECK(unit["weights"][k]["exact"] ==
            fmt::format("{:a}", static_cast<double>(params.weight<2>(0, k))));
    }
    CHECK(unit["bias"]["value"].get<double>() == params.bias<2>(0));
    CHECK(model["layers"][0]["units"][0]["bias"]["value"].get<double>() == params.bias<1>(0));
  }
}

namespace {

/// A valid XOR model in double, as JSON to spoil.
nlohmann::json valid_model() {
  return nlohmann::json::parse(ctnn_train::model_json(
      "xor", ctnn::parameters<xor_net, double>{{-1.5, 2.25, 0.5, 3.0, -4.0, 0.125, 1.0}}));
}

}  // namespace

TEST_CASE("a bad model file gives one line naming the file and the problem", "[model_io]") {
  scratch_directory directory("bad_files");
  const auto file = directory.path / "model.json";
  const std::string prefix = "model file \"" + file.string() + "\" ";
  auto model = valid_model();
  std::string text;
  std::string expected;
  SECTION("empty") {
    text = "  \n";
    expected = "is empty";
  }
  SECTION("truncated") {
    text = model.dump(2);
    text.resize(text.size() / 2);
    expected = "is not valid JSON (parse error at line";
  }
  SECTION("malformed") {
    text = R"({"format": "ctnn-model",})";
    expected = "is not valid JSON (parse error at line 1, column 25";
  }
  SECTION("not an object") {
    text = "[1, 2]";
    expected = "is not a ctnn model file: not a JSON object";
  }
  SECTION("another format") {
    model["format"] = "keras";
    expected = "is not a ctnn model file: \"format\" is \"keras\", not \"ctnn-model\"";
  }
  SECTION("no format") {
    model.erase("format");
    expected = "is not a ctnn model file: \"format\" is missing, not \"ctnn-model\"";
  }
  SECTION("another version") {
    model["version"] = 2;
    expected = "has format version 2; this program reads version 1";
  }
  SECTION("another task") {
    model["task"] = "or";
    expected = "holds a model for task \"or\", not \"xor\"";
  }
  SECTION("another topology") {
    model["topology"] = ctnn::topology_name<or_neuron>();
    expected =
        "has topology \"ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>\", "
        "but task \"xor\" uses " +
        ctnn::topology_name<xor_net>();
  }
  SECTION("another scalar type") {
    model["scalar"] = "float";
    expected = "holds \"float\" parameters, not double";
  }
  SECTION("another parameter count") {
    model["parameter_count"] = 6;
    expected = "declares 6 parameters, but the topology has 7";
  }
  SECTION("a parameter count that is not a count") {
    model["parameter_count"] = "7";
    expected = "declares \"7\" parameters, but the topology has 7";
  }
  SECTION("a layer too few") {
    model["layers"].erase(1);
    expected = "has 1 layers, but the topology has 2";
  }
  SECTION("a weight too few") {
    model["layers"][1]["units"][0]["weights"].erase(2);
    expected = "is wrong in layer 2, unit 0: it has 2 weights, but the topology has 3";
  }
  SECTION("a unit too many") {
    model["layers"][0]["units"].push_back(model["layers"][0]["units"][0]);
    expected = "is wrong in layer 1: it has 2 units, but the topology has 1";
  }
  SECTION("no bias") {
    model["layers"][0]["units"][0].erase("bias");
    expected = "is wrong in layer 1, unit 0: it has no \"bias\"";
  }
  SECTION("a non-numeric value") {
    model["layers"][1]["units"][0]["weights"][1]["value"] = "two";
    expected = "is wrong in layer 2, unit 0, weight 1: its \"value\" is not a number, but \"two\"";
  }
  SECTION("a non-numeric exact value") {
    model["layers"][1]["units"][0]["bias"]["exact"] = "1.0";
    expected =
        "is wrong in layer 2, unit 0, bias: \"1.0\" is not a hexadecimal float like \"0x1.8p-1\"";
  }
  SECTION("an infinite value") {
    model["layers"][0]["units"][0]["weights"][0]["exact"] = "-0x1p+1024";
    expected = "is wrong in layer 1, unit 0, weight 0: \"-0x1p+1024\" is out of range";
  }
  SECTION("a NaN") {
    model["layers"][0]["units"][0]["weights"][0]["exact"] = "nan";
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"nan\" is not a hexadecimal float like "
        "\"0x1.8p-1\"";
  }
  SECTION("an exact value that disagrees with the decimal") {
    model["layers"][0]["units"][0]["weights"][0]["exact"] = "0x1.8p+0";
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"value\" -1.5 disagrees with \"exact\" "
        "\"0x1.8p+0\"";
  }
  SECTION("a control character in a string") {
    model["task"] = "x\nor";
    expected = "holds a model for task \"x\\nor\", not \"xor\"";
  }
  // The loader used to accept each of these; a model file must be exactly what save_model writes.
  SECTION("no layers") {
    model.erase("layers");
    expected = "has no \"layers\"";
  }
  SECTION("nesting deeper than the limit") {
    text = "{\"format\": " + std::string(32, '[') + std::string(32, ']') + "}";
    expected = "nests arrays and objects deeper than 32 levels";
  }
  SECTION("nesting at the limit is parsed, and not echoed whole") {
    text = "{\"format\": " + std::string(31, '[') + std::string(31, ']') + "}";
    expected = "is not a ctnn model file: \"format\" is [...], not \"ctnn-model\"";
  }
  SECTION("a NUL and garbage after the document") {
    text = model.dump(2) + std::string("\0garbage", 8);
    expected = "holds a NUL byte at offset " + std::to_string(model.dump(2).size()) +
               "; a model file is JSON text";
  }
  SECTION("a second document after the first") {
    text = model.dump(2) + "\n{}";
    expected = "is not valid JSON (parse error at line";
  }
  SECTION("a duplicate key") {
    text = "{\"task\": \"or\", " + model.dump().substr(1);
    expected = "has the key \"task\" twice in one object";
  }
  SECTION("a duplicate key deep inside") {
    text = model.dump();
    text.insert(text.find("\"exact\""), "\"exact\": \"0x1p+0\", ");
    expected = "has the key \"exact\" twice in one object";
  }
  SECTION("an unknown key") {
    model["comment"] = "hand-edited";
    expected = "has an unknown key \"comment\"";
  }
  SECTION("an unknown key in a bias") {
    model["layers"][0]["units"][0]["bias"]["note"] = 1;
    expected = "is wrong in layer 1, unit 0, bias: it has an unknown key \"note\"";
  }
  SECTION("version 1.0") {
    model["version"] = 1.0;
    expected = "has format version 1.0; this program reads version 1";
  }
  SECTION("another activation") {
    model["layers"][0]["activation"] = "hyperbolic_tangent";
    expected =
        "is wrong in layer 1: its \"activation\" is \"hyperbolic_tangent\", not \"logistic\"";
  }
  SECTION("other sources") {
    model["layers"][1]["sources"] = {1, 0};
    expected = "is wrong in layer 2: its \"sources\" are [1, 0], not [0, 1]";
  }
  SECTION("sources that are not counts") {
    model["layers"][1]["sources"] = {0.0, 1};
    expected = "is wrong in layer 2: its \"sources\" are [0.0, 1], not [0, 1]";
  }
  SECTION("another layer index") {
    model["layers"][1]["layer"] = 1;
    expected = "is wrong in layer 2: its \"layer\" is 1, not 2";
  }
  SECTION("a weight from another unit") {
    model["layers"][1]["units"][0]["weights"][2]["from"] = "x_0";
    expected = "is wrong in layer 2, unit 0, weight 2: its \"from\" is \"x_0\", not \"h\"";
  }
  SECTION("another unit name") {
    model["layers"][0]["units"][0]["unit"] = "y";
    expected = "is wrong in layer 1, unit 0: its \"unit\" is \"y\", not \"h\"";
  }
  SECTION("a mantissa longer than a double holds") {
    model["layers"][0]["units"][0]["weights"][0]["exact"] = "-0x1.80000000000001p+0";
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"-0x1.80000000000001p+0\" is not a double "
        "spelled exactly as this program writes it; the nearest double is \"-0x1.8p+0\"";
  }
  SECTION("an exact value spelled otherwise") {
    model["layers"][0]["units"][0]["weights"][0]["exact"] = "-0X1.80P+0";
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"-0X1.80P+0\" is not a double spelled exactly "
        "as this program writes it; the nearest double is \"-0x1.8p+0\"";
  }
  SECTION("a value of 0 with an exact -0") {
    model["layers"][0]["units"][0]["weights"][0]["value"] = 0.0;
    model["layers"][0]["units"][0]["weights"][0]["exact"] = "-0x0p+0";
    expected =
        "is wrong in layer 1, unit 0, weight 0: \"value\" 0.0 disagrees with \"exact\" "
        "\"-0x0p+0\"";
  }
  SECTION("text from the file is escaped to printable ASCII and shortened") {
    model["task"] = "x\x07\xc3\xa9" + std::string(100, 'y');
    expected =
        "holds a model for task \"x\\x07\\xc3\\xa9" + std::string(47, 'y') + "...\", not \"xor\"";
  }
  if (text.empty()) text = model.dump(2);
  write(file, text);
  const auto before = directory.files();
  try {
    (void)ctnn_train::load_model<xor_net, double>(file, "xor");
    FAIL("load_model accepted the file");
  } catch (const ctnn_train::input_error& error) {
    const std::string message = error.what();
    CHECK(message.find('\n') == std::string::npos);
    CHECK(std::all_of(message.begin(), message.end(), [](char c) { return c >= ' ' && c <= '~'; }));
    CHECK_THAT(message, Catch::Matchers::StartsWith(prefix + expected));
  }
  CHECK(directory.files() == before);
}

TEST_CASE("a float model refuses values float cannot hold", "[model_io]") {
  scratch_directory directory("float_values");
  const auto file = directory.path / "model.json";
  // A float model as a careless writer would write it: values that only a double holds.
  auto model = nlohmann::json::parse(
      ctnn_train::model_json("or", ctnn::parameters<or_neuron, double>{{0.5, 0.1, 1.0}}));
  model["scalar"] = "float";
  write(file, model.dump(2));
  CHECK_THROWS_WITH((ctnn_train::load_model<or_neuron, float>(file, "or")),
                    "model file \"" + file.string() +
                        "\" is wrong in layer 1, unit 0, weight 1: \"0x1.999999999999ap-4\" is not "
                        "a float value");
}

TEST_CASE("an unreadable model file gives one clear line", "[model_io]") {
  scratch_directory directory("unreadable");
  CHECK_THROWS_WITH(
      (ctnn_train::load_model<xor_net, double>(directory.path / "missing.json", "xor")),
      "cannot read model file \"" + (directory.path / "missing.json").string() +
          "\": no such file");
  // Was "cannot read model file ...: permission denied or not a file"; now it says which.
  CHECK_THROWS_WITH(
      (ctnn_train::load_model<xor_net, double>(directory.path, "xor")),
      "model file \"" + directory.path.string() + "\" is not a regular file (a directory)");
  CHECK(directory.files().empty());
}

TEST_CASE("a model file is read only if it is a regular file of at most 1 MiB", "[model_io]") {
  scratch_directory directory("not_regular");
  const auto file = directory.path / "model.json";
  const std::string quoted_file = "\"" + file.string() + "\"";
  SECTION("a FIFO is refused at once, not waited on") {
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    CHECK_THROWS_WITH((ctnn_train::load_model<xor_net, double>(file, "xor")),
                      "model file " + quoted_file + " is not a regular file (a FIFO)");
  }
  SECTION("a character device is refused without reading it") {
    CHECK_THROWS_WITH((ctnn_train::load_model<xor_net, double>("/dev/zero", "xor")),
                      "model file \"/dev/zero\" is not a regular file (a character device)");
  }
  SECTION("a dangling symbolic link is named as such") {
    std::filesystem::create_symlink("missing.json", file);
    CHECK_THROWS_WITH(
        (ctnn_train::load_model<xor_net, double>(file, "xor")),
        "cannot read model file " + quoted_file + ": no such file (a dangling symbolic link)");
  }
  SECTION("a symbolic link to a model loads") {
    const auto params = ctnn::initialize<xor_net, double>(5);
    ctnn_train::save_model(directory.path / "target.json", "xor", params);
    std::filesystem::create_symlink("target.json", file);
    CHECK(same_bits(ctnn_train::load_model<xor_net, double>(file, "xor"), params));
  }
  SECTION("a file over the limit is refused, however it starts") {
    auto text = ctnn_train::model_json(
        "xor", ctnn::parameters<xor_net, double>{{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}});
    text.resize(ctnn_train::model_file_size_limit + 1, ' ');
    write(file, text);
    CHECK_THROWS_WITH(
        (ctnn_train::load_model<xor_net, double>(file, "xor")),
        "model file " + quoted_file + " is larger than 1 MiB, the limit for model files");
    text.pop_back();  // exactly at the limit: read, and valid JSON
    write(file, text);
    CHECK_NOTHROW(ctnn_train::load_model<xor_net, double>(file, "xor"));
  }
  SECTION("a read error is an input_error, not an ios_base::failure") {
    CHECK_THROWS_WITH((ctnn_train::load_model<xor_net, double>("/proc/self/mem", "xor")),
                      "cannot read model file \"/proc/self/mem\": Input/output error");
  }
}

TEST_CASE("saving fails cleanly, leaving no file behind", "[model_io][files]") {
  scratch_directory directory("save_fails");
  auto params = ctnn::initialize<xor_net, double>(1);
  SECTION("into a directory that does not exist") {
    const auto file = directory.path / "no" / "model.json";
    CHECK_THROWS_WITH(ctnn_train::save_model(file, "xor", params),
                      "cannot write \"" + file.string() + "\": No such file or directory");
    CHECK_THROWS_AS(ctnn_train::export_header(file, "xor", params), ctnn_train::input_error);
  }
  SECTION("over a directory") {
    std::filesystem::create_directory(directory.path / "model.json");
    CHECK_THROWS_WITH(
        ctnn_train::save_model(directory.path / "model.json", "xor", params),
        Catch::Matchers::StartsWith("cannot write \"" + (directory.path / "model.json").string()));
    CHECK(directory.files() == std::vector<std::string>{"model.json"});
    std::filesystem::remove(directory.path / "model.json");
  }
  SECTION("a parameter that is not finite") {
    params.values[4] = std::numeric_limits<double>::quiet_NaN();
    const auto file = directory.path / "model.json";
    CHECK_THROWS_WITH(ctnn_train::save_model(file, "xor", params),
                      "cannot write \"" + file.string() + "\": parameter 4 is nan");
    params.values[4] = -std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(ctnn_train::export_header(directory.path / "xor.hpp", "xor", params),
                      Catch::Matchers::EndsWith("parameter 4 is -inf"));
  }
  CHECK(directory.files().empty());
}

TEST_CASE("saving replaces an existing model whole", "[model_io][files]") {
  scratch_directory directory("replace");
  const auto file = directory.path / "model.json";
  write(file, "old");
  const auto params = ctnn::initialize<xor_net, double>(2);
  ctnn_train::save_model(file, "xor", params);
  CHECK(same_bits(ctnn_train::load_model<xor_net, double>(file, "xor"), params));
  CHECK(directory.files() == std::vector<std::string>{"model.json"});
}

TEST_CASE("an exported header defines the parameters as constexpr hex literals", "[model_io]") {
  scratch_directory directory("header");
  ctnn::parameters<xor_net, double> params{{-1.5, 2.25, 0.5, 3.0, -4.0, 0.125, 1.0}};
  ctnn_train::export_header(directory.path / "xor.hpp", "xor", params);
  const std::string header = read_text(directory.path / "xor.hpp");
  CHECK(header.find("#include <ctnn.hpp>") != std::string::npos);
  CHECK(header.find("namespace ctnn_trained {") != std::string::npos);
  CHECK(header.find("using xor_double_network = " + ctnn::topology_name<xor_net>() + ";") !=
        std::string::npos);
  CHECK(header.find("inline constexpr ctnn::parameters<xor_double_network, double> "
                    "xor_double_parameters{{") != std::string::npos);
  CHECK(header.find("    -0x1.8p+0,  // x_0 -> h: -1.5\n") != std::string::npos);
  CHECK(header.find("    0x1p+0,  // bias of y: 1\n") != std::string::npos);

  const auto tanh_params = ctnn::initialize<or_tanh_neuron, float>(1);
  ctnn_train::export_header(directory.path / "or-tanh.hpp", "or-tanh", tanh_params);
  const std::string tanh_header = read_text(directory.path / "or-tanh.hpp");
  CHECK(tanh_header.find(
            "ctnn::parameters<or_tanh_float_network, float> or_tanh_float_parameters{{") !=
        std::string::npos);
  CHECK(tanh_header.find(fmt::format("{:a}", static_cast<double>(tanh_params.values[2])) +
                         "f,  // bias of y") != std::string::npos);
}
