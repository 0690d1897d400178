// Static test: the homework's Problem 4, XOR learned by the 2-1-1 logistic network whose output
// also reads both inputs, with learning rate 0.05 over 8000 epochs, trained entirely at compile
// time.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/forward.hpp>
#include <ctnn/presets/homework.hpp>
#include <ctnn/train.hpp>

namespace {

using namespace ctnn::homework;

// The random seed is training_options' default, 1; see tests/train.test.cpp for how other seeds
// fare.
constexpr auto params = ctnn::train<xor_net>(xor_patterns<double>, problem_4_options);

static_assert(ctnn::predict(params, {0.0, 0.0})[0] < 0.5);
static_assert(ctnn::predict(params, {0.0, 1.0})[0] > 0.5);
static_assert(ctnn::predict(params, {1.0, 0.0})[0] > 0.5);
static_assert(ctnn::predict(params, {1.0, 1.0})[0] < 0.5);

}  // namespace
