// Uses ctnn as a user would: find_package(ctnn), link ctnn::ctnn, include <ctnn.hpp>.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn.hpp>

using or_neuron = ctnn::network<ctnn::input<2>, ctnn::dense<1, ctnn::logistic>>;
static_assert(or_neuron::parameter_count == 3, "two weights and a bias");

int main() {
  const double half = ctnn::logistic::value(0.0);
  return half > 0.49 && half < 0.51 ? 0 : 1;
}
