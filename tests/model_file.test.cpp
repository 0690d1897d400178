// Tests <ctnn/model_file.hpp>: model files saved atomically and loaded bit for bit, and every way a
// file is refused, each with its message, leaving what the caller holds and the disk as they were.
// SPDX-License-Identifier: BSL-1.0
#include <sys/stat.h>

#include <cstdint>
#include <cstring>
#include <ctnn/initialize.hpp>
#include <ctnn/model_file.hpp>
#include <ctnn/presets/homework.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "catch.hpp"
#include "scratch_directory.hpp"

namespace {

using ctnn::homework::xor_net;
using ctnn_test::read_text;
using ctnn_test::scratch_directory;

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

/// Loads `file` into a copy of some parameters, checks the message it is refused with, and that
/// the copy is untouched.
void check_refused(const std::filesystem::path& file, const std::string& message) {
  auto params = ctnn::initialize<xor_net, double>(std::uint64_t{3});
  const auto before = params;
  CHECK_THROWS_WITH(params = (ctnn::load_parameters<xor_net, double>(file)), message);
  CHECK(params == before);
}

}  // namespace

TEMPLATE_TEST_CASE("a saved model file loads back bit for bit", "[model_file]", float, double) {
  scratch_directory directory("model_file_round_trip");
  const auto file = directory.path / "model.json";
  auto params = ctnn::initialize<xor_net, TestType>(5);
  params.values[0] = TestType(-0.0);
  params.values[1] = std::numeric_limits<TestType>::denorm_min();
  params.values[2] = std::numeric_limits<TestType>::max();
  params.values[3] = -std::numeric_limits<TestType>::min();
  ctnn::save_parameters(file, params, {{"task", "xor"}});
  CHECK(read_text(file) == ctnn::parameters_to_text(params, {{"task", "xor"}}));
  const auto loaded = ctnn::load_parameters<xor_net, TestType>(file, {{"task", "xor"}});
  CHECK(std::memcmp(loaded.values, params.values, sizeof params.values) == 0);
  CHECK(directory.files() == std::vector<std::string>{"model.json"});
}

TEST_CASE("a model file that does not match is refused with its name", "[model_file]") {
  scratch_directory directory("model_file_mismatch");
  const auto file = directory.path / "model.json";
  const std::string name = "model file \"" + file.string() + "\" ";
  SECTION("another topology") {
    ctnn::save_parameters(file, ctnn::initialize<ctnn::homework::or_neuron, double>(1));
    check_refused(file, name + "has topology \"" +
                            ctnn::topology_name<ctnn::homework::or_neuron>() +
                            "\", but this program uses " + ctnn::topology_name<xor_net>());
  }
  SECTION("another scalar type") {
    ctnn::save_parameters(file, ctnn::initialize<xor_net, float>(1));
    check_refused(file, name + "holds \"float\" parameters, not double");
  }
  SECTION("malformed") {
    write(file, "{\"format\": \"ctnn-model\",\n  \"version\": 1,,}");
    check_refused(file, name +
                            "is not valid JSON (parse error at line 2, column 16: expected a "
                            "string, the key of a member, not ',')");
  }
  SECTION("a field of another value") {
    ctnn::save_parameters(file, ctnn::initialize<xor_net, double>(1), {{"task", "or"}});
    CHECK_THROWS_WITH((ctnn::load_parameters<xor_net, double>(file, {{"task", "xor"}})),
                      name + "holds a model for task \"or\", not \"xor\"");
  }
  CHECK(directory.files() == std::vector<std::string>{"model.json"});
}

TEST_CASE("a model file is read only if it is a regular file of at most 1 MiB", "[model_file]") {
  scratch_directory directory("model_file_not_regular");
  const auto file = directory.path / "model.json";
  const std::string quoted_file = "\"" + file.string() + "\"";
  SECTION("a missing file") {
    check_refused(file, "cannot read model file " + quoted_file + ": no such file");
  }
  SECTION("a directory") {
    std::filesystem::create_directory(file);
    check_refused(file, "model file " + quoted_file + " is not a regular file (a directory)");
  }
  SECTION("a FIFO is refused at once, not waited on") {
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    check_refused(file, "model file " + quoted_file + " is not a regular file (a FIFO)");
  }
  SECTION("a character device is refused without reading it") {
    check_refused("/dev/zero",
                  "model file \"/dev/zero\" is not a regular file (a character device)");
  }
  SECTION("a dangling symbolic link is named as such") {
    std::filesystem::create_symlink("missing.json", file);
    check_refused(file, "cannot read model file " + quoted_file +
                            ": no such file (a dangling symbolic link)");
  }
  SECTION("a symbolic link to a model file loads") {
    const auto params = ctnn::initialize<xor_net, double>(5);
    ctnn::save_parameters(directory.path / "target.json", params);
    std::filesystem::create_symlink("target.json", file);
    CHECK((ctnn::load_parameters<xor_net, double>(file)) == params);
  }
  SECTION("a file over the limit is refused, however it starts") {
    auto text = ctnn::parameters_to_text(ctnn::initialize<xor_net, double>(5));
    text.resize(ctnn::model_file_size_limit + 1, ' ');
    write(file, text);
    check_refused(file,
                  "model file " + quoted_file + " is larger than 1 MiB, the limit for model files");
    text.pop_back();  // exactly at the limit: read, and valid
    write(file, text);
    CHECK_NOTHROW(ctnn::load_parameters<xor_net, double>(file));
  }
  SECTION("a read error") {
    check_refused("/proc/self/mem",
                  "cannot read model file \"/proc/self/mem\": Input/output error");
  }
  SECTION("control characters in the name are escaped") {
    check_refused(
        directory.path / "a\nb\x7f.json",
        "cannot read model file \"" + directory.path.string() + "/a\\nb\\x7f.json\": no such file");
  }
}

TEST_CASE("saving fails cleanly, leaving no file behind and the old one whole", "[model_file]") {
  scratch_directory directory("model_file_save_fails");
  const auto file = directory.path / "model.json";
  auto params = ctnn::initialize<xor_net, double>(1);
  SECTION("into a directory that does not exist") {
    const auto nowhere = directory.path / "no" / "model.json";
    CHECK_THROWS_WITH(ctnn::save_parameters(nowhere, params),
                      "cannot write \"" + nowhere.string() + "\": No such file or directory");
    CHECK(directory.files().empty());
  }
  SECTION("over a directory") {
    std::filesystem::create_directory(file);
    CHECK_THROWS_WITH(
        ctnn::save_parameters(file, params),
        "cannot write \"" + file.string() + "\": it is a directory, not a regular file");
    CHECK(directory.files() == std::vector<std::string>{"model.json"});
  }
  SECTION("over a FIFO, without opening it") {
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    CHECK_THROWS_WITH(ctnn::save_parameters(file, params),
                      "cannot write \"" + file.string() + "\": it is a FIFO, not a regular file");
    CHECK(directory.files() == std::vector<std::string>{"model.json"});
  }
  SECTION("through a dangling symbolic link") {
    std::filesystem::create_symlink("missing.json", file);
    CHECK_THROWS_WITH(ctnn::save_parameters(file, params),
                      "cannot write \"" + file.string() + "\": it is a dangling symbolic link");
    CHECK(directory.files() == std::vector<std::string>{"model.json"});
  }
  SECTION("a parameter that is not finite, over an older model") {
    ctnn::save_parameters(file, params);
    const std::string old = read_text(file);
    auto broken = params;
    broken.values[4] = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH(ctnn::save_parameters(file, broken),
                      "cannot write \"" + file.string() + "\": parameter 4 is nan");
    CHECK(read_text(file) == old);
    CHECK(directory.files() == std::vector<std::string>{"model.json"});
  }
  SECTION("a field that a model file cannot hold") {
    CHECK_THROWS_WITH(ctnn::save_parameters(file, params, {{"format", "x"}}),
                      "model field \"format\" is one of ctnn's own keys");
    CHECK(directory.files().empty());
  }
}

TEST_CASE("saving replaces a model whole, through a symbolic link, keeping its mode",
          "[model_file]") {
  scratch_directory directory("model_file_replace");
  const auto file = directory.path / "model.json";
  write(file, "old");
  std::filesystem::permissions(file, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::owner_write |
                                         std::filesystem::perms::group_read);
  std::filesystem::create_symlink("model.json", directory.path / "link.json");
  const auto params = ctnn::initialize<xor_net, double>(2);
  ctnn::save_parameters(directory.path / "link.json", params);
  CHECK(std::filesystem::is_symlink(directory.path / "link.json"));
  CHECK((ctnn::load_parameters<xor_net, double>(file)) == params);
  CHECK(std::filesystem::status(file).permissions() ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
         std::filesystem::perms::group_read));
  CHECK(directory.files() == std::vector<std::string>{"link.json", "model.json"});
}
