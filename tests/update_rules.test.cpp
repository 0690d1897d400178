// Run-time tests of the update rules (<ctnn/update_rule.hpp>): mini-batches, the full batch,
// momentum and weight decay train with ctnn::reference's bits, in folds and in loops; a full batch
// with momentum and decay equals the same updates written here from ctnn::gradient; and training
// with momentum at compile time gives the run-time bits.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/backend.hpp>
#include <ctnn/update_rule.hpp>

#include "reference_checks.hpp"

using namespace ctnn_reference_test;

namespace {

constexpr ctnn::update_rule rules[] = {
    {.batch_size = 1, .momentum = 0.9},
    {.batch_size = 1, .weight_decay = 0.01},
    {.batch_size = 2},
    {.batch_size = 3, .momentum = 0.5},  // 3 does not divide the 5 patterns
    {.batch_size = ctnn::full_batch},
    {.batch_size = ctnn::full_batch, .momentum = 0.9, .weight_decay = 0.001}};

using rule_topologies = std::tuple<
    ctnn::homework::xor_net,
    network<input<4>, dense<5, tnh>, dense<1, lin, from<1, 0>>, dense<3, sig, from<2, 0, 1>>>,
    network<input<12>, dense<8, rlu>, dense<15, rlu>, dense<36, sig>>>;

/// Four epochs of a run, in chunks of one and three, against the reference: epoch errors,
/// parameters and momentum.
template <class Net, class T>
void check_rule(const ctnn::update_rule& rule, std::uint64_t seed) {
  ctnn::pcg32 rng(seed);
  const auto data = draw_dataset<T, Net::input_width, Net::output_width, 5>(rng);
  const std::uint64_t training_seed = rng();
  std::vector<T> reference_errors, fast_errors;
  const auto record = [](std::vector<T>& errors) {
    return [&errors](std::size_t, T error) { errors.push_back(error); };
  };
  ctnn::reference::pcg32 reference_rng(training_seed);
  auto reference = ctnn::reference::initialize<Net, T>(reference_rng);
  ctnn::optimizer_state<Net, T> reference_state{rule};
  ctnn::reference::train(reference, data, 0.05, 4, reference_rng, record(reference_errors),
                         ctnn::sum_of_squares{}, &reference_state);

  auto run = ctnn::start_training<Net, T>(training_seed, {}, rule);
  ctnn::train(run, data, 0.05, 1, record(fast_errors));
  ctnn::train(run, data, 0.05, 3, record(fast_errors));
  CHECK(first_difference<T>(fast_errors, reference_errors) == "");
  CHECK(first_difference(all_values(run.params), all_values(reference)) == "");
  CHECK(first_difference(all_values(run.optimizer.velocity),
                         all_values(reference_state.velocity)) == "");
  CHECK(run.optimizer.started == reference_state.started);

  const ctnn::training_options options{
      .learning_rate = 0.05, .epochs = 4, .random_seed = training_seed, .update = rule};
  CHECK(first_difference(all_values(ctnn::train<Net>(data, options)), all_values(reference)) == "");
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("every update rule trains with the reference's bits", "[update][reference]",
                        rule_topologies) {
  using Net = TestType;
  INFO(ctnn::topology_name<Net>() << (ctnn::detail::runs_folds<Net> ? ", folds" : ", loops"));
  const std::size_t compared_before = compared_scalars;
  std::uint64_t seed = 60;
  for (const ctnn::update_rule& rule : rules) {
    INFO("batch " << rule.batch_size << ", momentum " << rule.momentum << ", decay "
                  << rule.weight_decay);
    check_rule<Net, float>(rule, ++seed);
    check_rule<Net, double>(rule, ++seed);
  }
  CHECK(compared_scalars > compared_before);
}

TEST_CASE("a full batch with momentum and decay is the updates written out from gradient()",
          "[update]") {
  using Net = network<input<2>, dense<2, tnh>, dense<1, sig>>;  // XOR, 2-2-1
  const auto& data = ctnn::homework::xor_patterns<double>;
  const double rate = 0.5, momentum = 0.9, decay = 0.001;
  const ctnn::training_options options{
      .learning_rate = rate,
      .epochs = 30,
      .random_seed = 3,
      .initial_parameters = ctnn::initializer::uniform(0.3),
      .update = {.batch_size = ctnn::full_batch, .momentum = momentum, .weight_decay = decay}};

  ctnn::pcg32 rng(3);
  auto params = ctnn::initialize<Net, double>(rng, ctnn::initializer::uniform(0.3));
  ctnn::parameters<Net, double> velocity;
  for (std::size_t epoch = 0; epoch < 30; ++epoch) {
    std::size_t order[4] = {0, 1, 2, 3};  // the epoch's order, drawn as every epoch draws it
    ctnn::shuffle(order, rng);
    ctnn::parameters<Net, double> g;
    for (std::size_t k = 0; k < 4; ++k) {
      const auto one = ctnn::gradient(params, data.inputs[order[k]], data.targets[order[k]]);
      for (std::size_t i = 0; i < Net::parameter_count; ++i)
        g.values[i] = k == 0 ? one.values[i] : g.values[i] + one.values[i];
    }
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
      g.values[i] = g.values[i] + decay * params.values[i];
      velocity.values[i] = epoch == 0 ? g.values[i] : momentum * velocity.values[i] + g.values[i];
      params.values[i] = params.values[i] - rate * velocity.values[i];
    }
  }
  CHECK(ctnn::train<Net>(data, options) == params);
}

// With momentum at compile time: OR's neuron, a full batch with momentum 0.9, 200 sweeps, learns
// OR, and the run-time run of the same options has the same bits.
constexpr ctnn::training_options or_momentum{
    .learning_rate = 0.1,
    .epochs = 200,
    .update = {.batch_size = ctnn::full_batch, .momentum = 0.9}};
constexpr auto or_at_compile_time =
    ctnn::train<ctnn::homework::or_neuron>(ctnn::homework::or_patterns<double>, or_momentum);
static_assert(ctnn::predict(or_at_compile_time, {0.0, 0.0})[0] < 0.5);
static_assert(ctnn::predict(or_at_compile_time, {1.0, 0.0})[0] > 0.5);

TEST_CASE("training with momentum at compile time gives the run-time bits", "[update]") {
  const auto options = or_momentum;  // a run-time copy
  CHECK(ctnn::train<ctnn::homework::or_neuron>(ctnn::homework::or_patterns<double>, options) ==
        or_at_compile_time);
}
