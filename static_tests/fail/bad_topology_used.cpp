// expect-error: bad_topology::layer<1>::reads_itself_or_a_later_layer<2>
// max-lines: GNU 11 Clang 23
// A network with a topology mistake, trained and used: the mistake is the only error, as the
// network keeps the members of a valid stand-in, and Clang adds no warnings from what follows.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/forward.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>

using cyclic = ctnn::network<ctnn::input<2>, ctnn::dense<2, ctnn::logistic, ctnn::from<0, 2>>,
                             ctnn::dense<1, ctnn::logistic, ctnn::from<1>>>;
constexpr auto params = ctnn::train<cyclic>(ctnn::homework::xor_patterns<double>,
                                            {.learning_rate = 0.05, .epochs = 100});
static_assert(ctnn::predict(params, {1.0, 0.0})[0] >= 0);
static_assert(cyclic::fan_in<2> == 2 && params.weight<2>(0, 1) == params.weight<2>(0, 1));
