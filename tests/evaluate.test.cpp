// Run-time tests of <ctnn/evaluate.hpp>: a dataset's loss and largest error, and the stopping
// rules, which stop training at the first epoch where they hold.
// SPDX-License-Identifier: BSL-1.0
#include <cmath>
#include <cstddef>
#include <ctnn/evaluate.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>
#include <vector>

#include "catch.hpp"

namespace {

using ctnn::homework::xor_net;
const auto& xor_data = ctnn::homework::xor_patterns<double>;

}  // namespace

TEST_CASE("dataset_loss sums the patterns' losses in order, largest_error the worst output",
          "[evaluate]") {
  const auto params = ctnn::initialize<xor_net, double>(std::uint64_t{4});
  double sum = ctnn::loss(params, xor_data.inputs[0], xor_data.targets[0]);
  double bce =
      ctnn::loss(params, xor_data.inputs[0], xor_data.targets[0], ctnn::binary_cross_entropy{});
  double worst = 0;
  for (std::size_t n = 0; n < 4; ++n) {
    if (n > 0) {
      sum = sum + ctnn::loss(params, xor_data.inputs[n], xor_data.targets[n]);
      bce = bce + ctnn::loss(params, xor_data.inputs[n], xor_data.targets[n],
                             ctnn::binary_cross_entropy{});
    }
    worst = std::fmax(
        worst, std::fabs(ctnn::predict(params, xor_data.inputs[n])[0] - xor_data.targets[n][0]));
  }
  CHECK(ctnn::dataset_loss(params, xor_data) == sum);
  CHECK(ctnn::dataset_loss(params, xor_data, ctnn::binary_cross_entropy{}) == bce);
  CHECK(ctnn::largest_error(params, xor_data) == worst);
  CHECK(worst > 0);
}

TEST_CASE("until_within stops training at the first epoch where every output is in the band",
          "[evaluate][train]") {
  for (const double band : {0.5, 0.2}) {
    auto run = ctnn::start_training<xor_net, double>(1);
    const auto start = run;
    const std::size_t stopped =
        ctnn::train(run, xor_data, 0.5, 20000, ctnn::until_within(xor_data, band));
    INFO("band " << band << ": stopped after " << stopped << " epochs");
    REQUIRE(stopped < 20000);
    CHECK(run.epochs_trained == stopped);
    CHECK(ctnn::largest_error(run.params, xor_data) < band);
    // Not one epoch earlier.
    auto before = start;
    ctnn::train(before, xor_data, 0.5, stopped - 1);
    CHECK_FALSE(ctnn::largest_error(before.params, xor_data) < band);
  }
}

TEST_CASE("until_error_below stops training at the first epoch whose error is below it",
          "[evaluate][train]") {
  auto run = ctnn::start_training<xor_net, double>(1);
  std::vector<double> errors;
  auto recorded = run;
  ctnn::train(recorded, xor_data, 0.5, 3000,
              [&](std::size_t, double error) { errors.push_back(error); });
  const std::size_t stopped = ctnn::train(run, xor_data, 0.5, 3000, ctnn::until_error_below(0.05));
  INFO("stopped after " << stopped << " epochs");
  REQUIRE(stopped < 3000);
  CHECK(errors[stopped - 1] < 0.05);
  for (std::size_t epoch = 0; epoch + 1 < stopped; ++epoch) CHECK_FALSE(errors[epoch] < 0.05);
  CHECK(run.params == [&] {
    auto again = ctnn::start_training<xor_net, double>(1);
    ctnn::train(again, xor_data, 0.5, stopped);
    return again.params;
  }());
}

// At compile time too: OR's neuron, stopped on the right side of 1/2 for every pattern.
constexpr std::size_t or_stopped = [] {
  auto run = ctnn::start_training<ctnn::homework::or_neuron, double>(1);
  return ctnn::train(run, ctnn::homework::or_patterns<double>, 0.5, 400,
                     ctnn::until_within(ctnn::homework::or_patterns<double>, 0.5));
}();
static_assert(or_stopped < 400);
