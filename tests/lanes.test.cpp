// Run-time tests of ctnn::lanes: its sigmoid, tanh and relu are the scalar functions' bits in every
// lane, and networks trained side by side are the networks trained alone, bit for bit.
// SPDX-License-Identifier: BSL-1.0
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ctnn/dataset.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>
#include <ctnn/train_lanes.hpp>
#include <limits>
#include <random>
#include <vector>

#include "catch.hpp"

namespace {

using ctnn::dense;
using ctnn::from;
using ctnn::hyperbolic_tangent;
using ctnn::input;
using ctnn::logistic;
using ctnn::relu;

using ctnn::homework::or_neuron;
using ctnn::homework::or_patterns;
using ctnn::homework::or_tanh_neuron;
using ctnn::homework::xor_net;
using ctnn::homework::xor_patterns;
// Hidden layer 1 read by two later layers: its error is first stored, then added to.
using wide_net = ctnn::network<input<2>, dense<3, logistic>, dense<2, hyperbolic_tangent>,
                               dense<1, logistic, from<1, 2>>>;
// Relu units, hidden and at the output, whose net inputs fall on both sides of 0.
using relu_net = ctnn::network<input<2>, dense<4, relu>, dense<1, logistic, from<0, 1>>>;
using relu_output_net = ctnn::network<input<2>, dense<3, hyperbolic_tangent>, dense<1, relu>>;

template <class T>
bool same_bits(T a, T b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

/// Arguments for the lane functions: normal draws at several scales, and the edges where sigmoid
/// and tanh change formula or leave the kernel's range, NaN and infinities among them.
template <class T>
std::vector<T> arguments() {
  std::mt19937_64 engine(2026);
  std::vector<T> values;
  for (double scale : {1e-3, 0.5, 4.0, 40.0, 400.0}) {
    std::normal_distribution<double> normal(0.0, scale);
    for (int i = 0; i < 20000; ++i) values.push_back(static_cast<T>(normal(engine)));
  }
  constexpr T infinity = std::numeric_limits<T>::infinity();
  for (T edge : {T(0), -T(0), T(0.75), T(-0.75), T(20), T(-20), T(87), T(-87), T(-87.5), T(708),
                 T(-708), T(709), T(-746), T(1e30), T(-1e30), infinity, -infinity,
                 std::numeric_limits<T>::quiet_NaN(), std::numeric_limits<T>::denorm_min()})
    values.push_back(edge);
  return values;
}

/// Applies `lane_function` to the arguments N at a time (each edge in every lane position) and
/// counts the lanes whose bits differ from `scalar_function`'s.
template <class T, std::size_t N, class LaneFunction, class ScalarFunction>
std::size_t differing_lanes(LaneFunction lane_function, ScalarFunction scalar_function) {
  const std::vector<T> values = arguments<T>();
  std::size_t differing = 0;
  for (std::size_t start = 0; start < values.size(); ++start) {
    ctnn::lanes<T, N> x;
    for (std::size_t i = 0; i < N; ++i) x[i] = values[(start + i * 7919) % values.size()];
    const ctnn::lanes<T, N> y = lane_function(x);
    for (std::size_t i = 0; i < N; ++i) differing += !same_bits(y[i], scalar_function(x[i]));
  }
  return differing;
}

}  // namespace

TEMPLATE_TEST_CASE("sigmoid over lanes is the scalar sigmoid's bits in every lane", "[lanes]",
                   float, double) {
  using T = TestType;
  const auto lanes = [](const auto& x) { return ctnn::sigmoid(x); };
  const auto scalar = [](T x) { return ctnn::sigmoid(x); };
  CHECK(differing_lanes<T, 2>(lanes, scalar) == 0);
  CHECK(differing_lanes<T, 4>(lanes, scalar) == 0);
  CHECK(differing_lanes<T, 16>(lanes, scalar) == 0);
  CHECK(differing_lanes<T, 3>(lanes, scalar) == 0);  // not a vector: lane by lane
}

TEMPLATE_TEST_CASE("tanh over lanes is the scalar tanh's bits in every lane", "[lanes]", float,
                   double) {
  using T = TestType;
  CHECK(differing_lanes<T, 8>([](const auto& x) { return ctnn::tanh(x); },
                              [](T x) { return ctnn::tanh(x); }) == 0);
}

TEMPLATE_TEST_CASE("relu over lanes is the scalar relu's bits in every lane", "[lanes]", float,
                   double) {
  using T = TestType;
  // -0 and NaN among the arguments: both give +0, as the scalar `net > 0 ? net : 0` does.
  const auto value = [](const auto& x) { return relu::value(x); };
  const auto slope = [](const auto& x) { return relu::slope(x); };
  CHECK(differing_lanes<T, 2>(value, value) == 0);
  CHECK(differing_lanes<T, 4>(value, value) == 0);
  CHECK(differing_lanes<T, 16>(value, value) == 0);
  CHECK(differing_lanes<T, 3>(value, value) == 0);  // not a vector: lane by lane
  CHECK(differing_lanes<T, 8>(slope, slope) == 0);
  CHECK(differing_lanes<T, 5>(slope, slope) == 0);
}

TEMPLATE_TEST_CASE("lanes arithmetic is the scalar arithmetic in every lane", "[lanes]", float,
                   double) {
  using T = TestType;
  const std::vector<T> values = arguments<T>();
  std::size_t differing = 0;
  for (std::size_t start = 0; start + 8 < values.size(); start += 8) {
    ctnn::lanes<T, 4> a, b;
    for (std::size_t i = 0; i < 4; ++i) a[i] = values[start + i], b[i] = values[start + 4 + i];
    const ctnn::lanes<T, 4> sum = a + b, difference = a - b, product = a * b, quotient = a / b,
                            negated = -a;
    ctnn::lanes<T, 4> accumulated = a;
    accumulated *= b, accumulated -= a, accumulated += b, accumulated /= a;
    for (std::size_t i = 0; i < 4; ++i) {
      T scalar = a[i];
      scalar *= b[i], scalar -= a[i], scalar += b[i], scalar /= a[i];
      differing += !same_bits(sum[i], T(a[i] + b[i])) + !same_bits(difference[i], T(a[i] - b[i])) +
                   !same_bits(product[i], T(a[i] * b[i])) +
                   !same_bits(quotient[i], T(a[i] / b[i])) + !same_bits(negated[i], T(-a[i])) +
                   !same_bits(accumulated[i], scalar);
    }
  }
  CHECK(differing == 0);
  CHECK(ctnn::lanes<T, 4>{} == ctnn::lanes<T, 4>(T(0)));
  CHECK(ctnn::lanes<T, 3>(T(2))[2] == T(2));
}

namespace {

/// Trains networks seeded first_seed, first_seed + 1, ... side by side and alone, and counts the
/// networks whose parameters or generators differ.
template <class Net, class T, std::size_t N, class Data>
std::size_t differing_networks(const Data& data, std::size_t epochs, std::uint64_t first_seed) {
  std::array<std::uint64_t, N> seeds{};
  for (std::size_t i = 0; i < N; ++i) seeds[i] = first_seed + i;
  std::array<ctnn::pcg32, N> rngs = ctnn::seeded_generators(seeds);
  ctnn::parameters<Net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<Net, T>(rngs[i]);
  auto together = ctnn::side_by_side(each);
  std::vector<ctnn::lanes<T, N>> errors;
  for (std::size_t e = 0; e < epochs; ++e)
    errors.push_back(ctnn::sgd_epoch(together, data, T(0.05), rngs));

  std::size_t differing = 0;
  for (std::size_t i = 0; i < N; ++i) {
    ctnn::pcg32 rng(seeds[i]);
    std::size_t epoch = 0, differing_errors = 0;
    const auto alone = ctnn::train<Net>(
        data, {.learning_rate = 0.05, .epochs = epochs, .random_seed = seeds[i]},
        [&](std::size_t, T error) { differing_errors += !same_bits(error, errors[epoch++][i]); });
    // The generator left as training alone leaves it: the initial draws, then one shuffle a epoch.
    auto params = ctnn::initialize<Net, T>(rng);
    for (std::size_t e = 0; e < epochs; ++e) ctnn::sgd_epoch(params, data, T(0.05), rng);
    differing += !(ctnn::lane(together, i) == alone) || !(rngs[i] == rng) || differing_errors != 0;
  }
  return differing;
}

}  // namespace

TEMPLATE_TEST_CASE("networks trained side by side are the networks trained alone, bit for bit",
                   "[lanes]", float, double) {
  using T = TestType;
  CHECK(differing_networks<or_neuron, T, 8>(or_patterns<T>, 500, 1) == 0);
  CHECK(differing_networks<or_tanh_neuron, T, 4>(or_patterns<T>, 500, 11) == 0);
  CHECK(differing_networks<xor_net, T, 16>(xor_patterns<T>, 2000, 1) == 0);
  CHECK(differing_networks<xor_net, T, 5>(xor_patterns<T>, 300, 40) == 0);
  CHECK(differing_networks<wide_net, T, 4>(xor_patterns<T>, 300, 7) == 0);
  CHECK(differing_networks<relu_net, T, 8>(xor_patterns<T>, 500, 3) == 0);
  CHECK(differing_networks<relu_net, T, 3>(xor_patterns<T>, 300, 20) == 0);
  CHECK(differing_networks<relu_output_net, T, 16>(or_patterns<T>, 300, 9) == 0);
}

namespace {

/// More patterns than 4, which the vector draws of AVX2 builds take without permuting the
/// patterns in registers; 5 and 6 are bounds whose remainders need a multiplication.
template <class T>
constexpr ctnn::dataset<T, 2, 1, 5> five_patterns{
    {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {T(0.5), T(0.5)}}, {{0}, {1}, {1}, {0}, {1}}};
template <class T>
constexpr ctnn::dataset<T, 2, 1, 6> six_patterns{
    {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {T(0.25), T(0.75)}, {T(0.75), T(0.25)}},
    {{0}, {1}, {1}, {0}, {1}, {1}}};

}  // namespace

TEMPLATE_TEST_CASE("networks side by side draw as alone with any number of patterns and lanes",
                   "[lanes]", float, double) {
  using T = TestType;
  CHECK(differing_networks<xor_net, T, 2>(xor_patterns<T>, 300, 3) == 0);
  CHECK(differing_networks<xor_net, T, 16>(five_patterns<T>, 300, 50) == 0);
  CHECK(differing_networks<xor_net, T, 8>(six_patterns<T>, 300, 21) == 0);
  CHECK(differing_networks<xor_net, T, 32>(xor_patterns<T>, 300, 70) == 0);
}

TEMPLATE_TEST_CASE("a lane whose shuffle draws again trains as it would alone", "[lanes]", float,
                   double) {
  using T = TestType;
  // Lane 2's generator outputs 0 at its second draw, bounded(3) in a shuffle of 4 patterns, which
  // rejects it (2^32 mod 3 = 1): its state after two steps is 0, so it starts at
  // s0 = ((0 - c) / a - c) / a, with 1 / a mod 2^64 by Newton's iteration from a's own 3 bits.
  constexpr std::uint64_t a = ctnn::pcg32::multiplier, c = 2 * ctnn::pcg32::default_stream + 1;
  std::uint64_t inverse = a;
  for (int i = 0; i < 5; ++i) inverse *= 2 - a * inverse;
  const ctnn::pcg32 rejecting(ctnn::pcg32::words{((0 - c) * inverse - c) * inverse, c});
  ctnn::pcg32 probe = rejecting;
  probe();
  REQUIRE(probe() == 0);

  constexpr std::size_t N = 8;
  std::array<std::uint64_t, N> seeds{};
  for (std::size_t i = 0; i < N; ++i) seeds[i] = 100 + i;
  std::array<ctnn::pcg32, N> rngs = ctnn::seeded_generators(seeds);
  rngs[2] = rejecting;
  ctnn::parameters<xor_net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<xor_net, T>(std::uint64_t{i + 1});
  const std::array<ctnn::pcg32, N> start = rngs;
  auto together = ctnn::side_by_side(each);
  for (int e = 0; e < 3; ++e) ctnn::sgd_epoch(together, xor_patterns<T>, T(0.05), rngs);
  for (std::size_t i = 0; i < N; ++i) {
    ctnn::pcg32 rng = start[i];
    for (int e = 0; e < 3; ++e) ctnn::sgd_epoch(each[i], xor_patterns<T>, T(0.05), rng);
    CHECK(ctnn::lane(together, i) == each[i]);
    CHECK(rngs[i] == rng);
  }
}

TEMPLATE_TEST_CASE("each lane learns at its own rate as its network alone at that rate", "[lanes]",
                   float, double) {
  using T = TestType;
  // A grid's column: one seed, eight rates from slow to diverging-prone, and a second seed's.
  constexpr std::size_t N = 8;
  const T rates[N] = {T(0.01), T(0.05), T(0.2), T(0.5), T(1), T(2), T(4), T(0.3)};
  std::array<std::uint64_t, N> seeds{};
  for (std::size_t i = 0; i < N; ++i) seeds[i] = i < N - 1 ? 5 : 6;
  std::array<ctnn::pcg32, N> rngs = ctnn::seeded_generators(seeds);
  ctnn::parameters<xor_net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<xor_net, T>(rngs[i]);
  auto together = ctnn::side_by_side(each);
  ctnn::lanes<T, N> rate;
  for (std::size_t i = 0; i < N; ++i) rate[i] = rates[i];
  std::vector<ctnn::lanes<T, N>> errors;
  for (int e = 0; e < 400; ++e)
    errors.push_back(ctnn::sgd_epoch(together, xor_patterns<T>, rate, rngs));
  for (std::size_t i = 0; i < N; ++i) {
    INFO("lane " << i << ", rate " << rates[i]);
    std::size_t epoch = 0, differing_errors = 0;
    const auto alone = ctnn::train<xor_net>(
        xor_patterns<T>, {.learning_rate = rates[i], .epochs = 400, .random_seed = seeds[i]},
        [&](std::size_t, T error) { differing_errors += !same_bits(error, errors[epoch++][i]); });
    CHECK(ctnn::lane(together, i) == alone);
    CHECK(differing_errors == 0);
  }
}
