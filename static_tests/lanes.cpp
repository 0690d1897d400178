// Static tests of ctnn::lanes: at compile time too, networks trained side by side are the
// networks trained alone, bit for bit.
// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/dataset.hpp>
#include <ctnn/homework.hpp>
#include <ctnn/train.hpp>
#include <ctnn/train_lanes.hpp>

namespace {

using ctnn::homework::xor_net;
constexpr std::size_t epochs = 60;

/// Whether every lane of a side-by-side XOR run equals its network trained alone.
template <class T, std::size_t N>
constexpr bool side_by_side_is_alone(std::uint64_t first_seed) {
  std::array<std::uint64_t, N> seeds{};
  for (std::size_t i = 0; i < N; ++i) seeds[i] = first_seed + i;
  std::array<ctnn::pcg32, N> rngs = ctnn::seeded_generators(seeds);
  ctnn::parameters<xor_net, T> each[N];
  for (std::size_t i = 0; i < N; ++i) each[i] = ctnn::initialize<xor_net, T>(rngs[i]);
  auto together = ctnn::side_by_side(each);
  for (std::size_t e = 0; e < epochs; ++e)
    ctnn::sgd_epoch(together, ctnn::xor_patterns<T>, T(0.05), rngs);
  bool same = true;
  for (std::size_t i = 0; i < N; ++i)
    same = same &&
           ctnn::lane(together, i) ==
               ctnn::train<xor_net>(ctnn::xor_patterns<T>,
                                    {.learning_rate = 0.05, .epochs = epochs, .seed = seeds[i]});
  return same;
}

static_assert(side_by_side_is_alone<double, 4>(1));
static_assert(side_by_side_is_alone<float, 3>(30));

// The lanes' arithmetic and sigmoid, lane by lane.
constexpr ctnn::lanes<double, 2> pair = [] {
  ctnn::lanes<double, 2> x;
  x[0] = -1.5, x[1] = 800.0;
  return ctnn::sigmoid(x * 2.0 - 1.0);
}();
static_assert(pair[0] == ctnn::sigmoid(-4.0) && pair[1] == 1.0);

}  // namespace
int main() {}
