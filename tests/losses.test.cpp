// Run-time tests of ctnn's losses (<ctnn/loss.hpp>): each loss through the folds and the loops,
// in float and double, against ctnn::reference bit for bit, categorical cross-entropy on softmax
// outputs (random targets: the bits are compared, not the calculus, which dual numbers check).
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/backend.hpp>
#include <ctnn/loss.hpp>

#include "reference_checks.hpp"

using namespace ctnn_reference_test;

namespace {

// Folds (small) and loops (large), each output activation, skip links, input groups. The
// logistic outputs on folds come first and the loops' networks together, so that halves and
// thirds of the list each hold every loss on its backends (asserted below).
using loss_topologies = std::tuple<
    ctnn::homework::xor_net,
    network<input<4>, dense<5, tnh>, dense<1, lin, from<1, 0>>, dense<3, sig, from<2, 0, 1>>>,
    network<input<2>, input<1>, dense<3, tnh, from<0>>, dense<2, sig, from<2, 1, 0>>>,
    network<input<3>, dense<4, rlu>, dense<3, rlu>, dense<2, lin, from<2, 1>>>,
    network<input<2>, dense<3, sig>, dense<2, tnh, from<0, 1>>>,
    network<input<12>, dense<8, rlu>, dense<15, rlu>, dense<36, sig>>,
    network<input<8>, input<4>, dense<8, rlu, from<0>>, dense<15, rlu, from<2, 1>>, dense<36, sig>>,
    network<input<10>, dense<12, tnh>, dense<10, rlu, from<0, 1>>, dense<7, sig, from<2, 0, 1>>,
            dense<3, lin, from<3, 1>>>,
    // softmax outputs, which run as loops at every size (ctnn/backend.hpp)
    network<input<3>, dense<2, ctnn::softmax>>,
    network<input<2>, dense<3, tnh>, dense<4, ctnn::softmax>>,
    network<input<2>, input<1>, dense<3, rlu, from<0>>, dense<3, ctnn::softmax, from<2, 1, 0>>>,
    network<input<8>, input<4>, dense<8, rlu, from<0>>, dense<15, rlu, from<2, 1>>,
            dense<36, ctnn::softmax>>>;

/// One pattern's paths in double, epochs and training in float: each scalar type meets every
/// path of a loss, and the compile stays short (each check instantiates the whole API).
template <class Net, class Loss>
void check_loss(std::uint64_t seed) {
  check_pattern_paths<Net, double, Loss>(seed);
  check_epochs<Net, float, 5, Loss>(seed + 1);
  check_training<Net, float, Loss>(seed + 2);
}

/// This build's share of loss_topologies, as the reference suites share theirs
/// (reference_checks.hpp): the test command gives each compiler a third.
using loss_suite = shard_of<loss_topologies>;

/// Whether a share of loss_topologies runs every loss on some topology of each backend that takes
/// it: the squared losses on folds and on loops, binary cross-entropy on folds, categorical
/// cross-entropy (which runs as loops) on a softmax network.
template <std::size_t Shard, std::size_t Shards>
constexpr bool loss_share_meets_every_backend() {
  bool squared_folds = false, squared_loops = false, binary_folds = false, categorical = false;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto meet = [&]<class Net>(std::type_identity<Net>) {
      using output = typename Net::template activation<Net::layer_count - 1>;
      const bool folds = ctnn::detail::runs_folds<Net>;
      categorical = categorical || std::is_same_v<output, ctnn::softmax>;
      if constexpr (!std::is_same_v<output, ctnn::softmax>) {
        squared_folds = squared_folds || folds;
        squared_loops = squared_loops || !folds;
        binary_folds = binary_folds || (folds && std::is_same_v<output, sig>);
      }
    };
    ((I % Shards == Shard ? meet(std::type_identity<std::tuple_element_t<I, loss_topologies>>{})
                          : void()),
     ...);
  }
  (std::make_index_sequence<std::tuple_size_v<loss_topologies>>{});
  return squared_folds && squared_loops && binary_folds && categorical;
}

static_assert(
    []<std::size_t... S>(std::index_sequence<S...>) {
      return (loss_share_meets_every_backend<S, shards>() && ...);
    }(std::make_index_sequence<shards>{}),
    "a share of loss_topologies misses a loss on one of its backends: reorder the list");

}  // namespace

TEMPLATE_LIST_TEST_CASE("every loss runs with the reference's bits, in folds and in loops",
                        "[loss][reference]", loss_suite) {
  using Net = TestType;
  using output_activation = typename Net::template activation<Net::layer_count - 1>;
  INFO(ctnn::topology_name<Net>() << (ctnn::detail::runs_folds<Net> ? ", folds" : ", loops"));
  const std::size_t compared_before = compared_scalars;
  if constexpr (std::is_same_v<output_activation, ctnn::softmax>) {
    SECTION("categorical cross-entropy") { check_loss<Net, ctnn::categorical_cross_entropy>(57); }
  } else {
    // The homework's loss, which the folds write out, and the two other squared losses, which
    // take the path of every loss the folds call, on every topology of the share.
    SECTION("sum of squares") { check_loss<Net, ctnn::sum_of_squares>(41); }
    SECTION("half the sum of squares") { check_loss<Net, ctnn::half_sum_of_squares>(45); }
    SECTION("mean squared error") { check_loss<Net, ctnn::mean_squared_error>(49); }
  }
  if constexpr (std::is_same_v<output_activation, sig>) {
    SECTION("binary cross-entropy") { check_loss<Net, ctnn::binary_cross_entropy>(53); }
  }
  CHECK(compared_scalars > compared_before);
}
