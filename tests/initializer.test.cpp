// Run-time tests of ctnn::initializer's laws: initialize draws the reference's bits for each, the
// uniform laws stay within their radius and fill it, and training starts from them.
// SPDX-License-Identifier: BSL-1.0
#include <cmath>
#include <ctnn/initializer.hpp>

#include "reference_checks.hpp"

using namespace ctnn_reference_test;

namespace {

constexpr ctnn::initializer laws[] = {
    ctnn::initializer::standard_normal(), ctnn::initializer::uniform(0.3),
    ctnn::initializer::uniform(2.5), ctnn::initializer::fan_in_uniform()};

using initializer_topologies = std::tuple<
    ctnn::homework::xor_net,
    network<input<4>, dense<5, tnh>, dense<1, lin, from<1, 0>>, dense<3, sig, from<2, 0, 1>>>,
    network<input<12>, dense<8, rlu>, dense<15, rlu>, dense<36, sig>>>;

}  // namespace

TEMPLATE_LIST_TEST_CASE("every initial law draws the reference's bits", "[initializer][reference]",
                        initializer_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>());
  const std::size_t compared_before = compared_scalars;
  for (const ctnn::initializer law : laws) {
    for (const std::uint64_t seed : {1ull, 7ull, 0x100'0000'0003ull}) {
      INFO("law " << int(law.distribution) << ", radius " << law.radius << ", seed " << seed);
      ctnn::pcg32 rng(seed);
      ctnn::reference::pcg32 reference_rng(seed);
      CHECK(first_difference(
                all_values(ctnn::initialize<Net, float>(rng, law)),
                all_values(ctnn::reference::initialize<Net, float>(reference_rng, law))) == "");
      CHECK(first_difference(
                all_values(ctnn::initialize<Net, double>(rng, law)),
                all_values(ctnn::reference::initialize<Net, double>(reference_rng, law))) == "");
      CHECK(rng() == reference_rng());      // as many draws
      ctnn::reference::pcg32 seeded(seed);  // the seed overload: its own generator
      CHECK(ctnn::initialize<Net, double>(seed, law) ==
            ctnn::reference::initialize<Net, double>(seeded, law));
    }
  }
  CHECK(compared_scalars > compared_before);
}

TEST_CASE("the uniform laws stay within their radius and fill it", "[initializer]") {
  // 784-32-10: fan-ins 784 and 32, 25,450 parameters.
  using mnist = network<input<784>, dense<32, rlu>, dense<10, sig>>;
  const auto params =
      ctnn::initialize<mnist, double>(std::uint64_t{3}, ctnn::initializer::fan_in_uniform());
  const auto check_layer = [&](auto layer, double radius) {
    constexpr std::size_t L = decltype(layer)::value;
    const std::size_t first = mnist::weight_offset<L>;
    const std::size_t end = mnist::bias_offset<L> + mnist::width<L>;
    double largest = 0, sum = 0;
    for (std::size_t i = first; i < end; ++i) {
      const double value = params.values[i];
      CHECK(value >= -radius);
      CHECK(value < radius);
      largest = std::fmax(largest, std::fabs(value));
      sum += value;
    }
    const double count = double(end - first);
    INFO("layer " << L << ": " << count << " values, largest " << largest << " of " << radius);
    // Filled: n uniform values leave the top 1/n of the range empty only by chance.
    CHECK(largest > radius * (1 - 10 / count));
    // Centred: the mean of n values of variance r^2/3 within 4 standard errors of 0.
    CHECK(std::fabs(sum / count) < 4 * radius / std::sqrt(3 * count));
  };
  check_layer(std::integral_constant<std::size_t, 1>{}, 1.0 / 28);  // 1/sqrt(784)
  check_layer(std::integral_constant<std::size_t, 2>{}, 1.0 / std::sqrt(32.0));

  const auto paper =
      ctnn::initialize<mnist, float>(std::uint64_t{4}, ctnn::initializer::uniform(0.3));
  float largest = 0;
  for (const float value : paper.values) {
    CHECK(value >= -0.3f);
    CHECK(value < 0.3f);
    largest = std::fmax(largest, std::fabs(value));
  }
  CHECK(largest > 0.299f);
}

TEST_CASE("training starts from the law its options name", "[initializer][train]") {
  using Net = ctnn::homework::xor_net;
  const auto& data = ctnn::homework::xor_patterns<double>;
  for (const ctnn::initializer law : laws) {
    const ctnn::training_options options{
        .learning_rate = 0.5, .epochs = 0, .random_seed = 9, .initial_parameters = law};
    CHECK(ctnn::train<Net>(data, options) == ctnn::initialize<Net, double>(std::uint64_t{9}, law));
    CHECK(ctnn::start_training<Net, double>(9, law).params ==
          ctnn::initialize<Net, double>(std::uint64_t{9}, law));
  }
}
