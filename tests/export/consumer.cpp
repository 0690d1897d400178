// Includes three headers that ctnn::export_header wrote (tests/export/export_models.cpp), two of
// them the same network in double and float, into one translation unit: compiling is passing.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/presets/homework.hpp>
#include <type_traits>

#include "or_neuron.hpp"
#include "xor_double.hpp"
#include "xor_float.hpp"

namespace hw = ctnn::homework;

// One network, two scalar types, four names; and another network in another namespace.
static_assert(std::is_same_v<models::xor_double_network, hw::xor_net>);
static_assert(std::is_same_v<models::xor_float_network, hw::xor_net>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(models::xor_double)>,
                             ctnn::parameters<hw::xor_net, double>>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(models::xor_float)>,
                             ctnn::parameters<hw::xor_net, float>>);
static_assert(std::is_same_v<other::models::or_net, hw::or_neuron>);

// The exported XOR nets solve XOR, in both types.
static_assert(ctnn::predict(models::xor_double, {0.0, 0.0})[0] < 0.5);
static_assert(ctnn::predict(models::xor_double, {0.0, 1.0})[0] > 0.5);
static_assert(ctnn::predict(models::xor_double, {1.0, 0.0})[0] > 0.5);
static_assert(ctnn::predict(models::xor_double, {1.0, 1.0})[0] < 0.5);
static_assert(ctnn::predict(models::xor_float, {0.0f, 0.0f})[0] < 0.5f);
static_assert(ctnn::predict(models::xor_float, {0.0f, 1.0f})[0] > 0.5f);
static_assert(ctnn::predict(models::xor_float, {1.0f, 0.0f})[0] > 0.5f);
static_assert(ctnn::predict(models::xor_float, {1.0f, 1.0f})[0] < 0.5f);

// Exact to the bit: the OR neuron trained at run time and exported is the one trained here, at
// compile time.
static_assert(other::models::or_neuron ==
              ctnn::train<hw::or_neuron>(hw::or_patterns<double>, hw::problem_1_options));
