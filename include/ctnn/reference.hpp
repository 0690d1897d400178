// The reference umbrella: includes ctnn's specification, namespace ctnn::reference, which
// <ctnn.hpp> leaves out: it is for reading and for proving the fast paths, not for speed.
//   <ctnn/reference/random.hpp>    PCG32, uniform reals, standard normals, Fisher-Yates
//   <ctnn/reference/forward.hpp>   the forward pass and the homework's loss
//   <ctnn/reference/gradient.hpp>  backprop: dE/dparams of one pattern
//   <ctnn/reference/train.hpp>     initialisation, an SGD step, an epoch, training from a random
//   seed
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/reference/forward.hpp>
#include <ctnn/reference/gradient.hpp>
#include <ctnn/reference/random.hpp>
#include <ctnn/reference/train.hpp>
