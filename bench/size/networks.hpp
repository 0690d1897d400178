// Defines the networks of bench/size: from the homework's OR neuron to 25,000 parameters, each
// a chain of layers but the last (two input groups), chosen by its number.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/network.hpp>
#include <ctnn/presets/homework.hpp>
#include <tuple>

namespace ctnn_bench {

using ctnn::dense;
using ctnn::from;
using ctnn::input;
using ctnn::network;
using sig = ctnn::logistic;
using tnh = ctnn::hyperbolic_tangent;
using rlu = ctnn::relu;

using size_networks =
    std::tuple<ctnn::homework::or_neuron,                         // 3 parameters
               network<input<2>, dense<2, sig>, dense<1, sig>>,   // 9: 2-2-1 XOR
               network<input<4>, dense<2, sig>, dense<4, sig>>,   // 22: 4-2-4 encoder
               network<input<8>, dense<8, tnh>, dense<8, sig>>,   // 144
               network<input<8>, dense<16, tnh>, dense<8, sig>>,  // 280
               network<input<12>, dense<8, rlu>, dense<15, rlu>, dense<36, sig>>,   // 815: the
                                                                                    // course's
               network<input<32>, dense<32, tnh>, dense<32, tnh>, dense<8, sig>>,   // 2,376
               network<input<64>, dense<64, rlu>, dense<64, rlu>, dense<10, sig>>,  // 8,970
               network<input<784>, dense<32, rlu>, dense<10, sig>>,                 // 25,450
               // 843: the course's with two input groups, an 8-unit item read by the first
               // hidden layer, a 4-unit relation read with it by the second
               network<input<8>, input<4>, dense<8, rlu, from<0>>, dense<15, rlu, from<2, 1>>,
                       dense<36, sig>>>;

}  // namespace ctnn_bench
