// The ctnn umbrella header: includes every public header, defines nothing.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/activation.hpp>
#include <ctnn/dataset.hpp>
#include <ctnn/dual.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/homework.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/io.hpp>
#include <ctnn/lanes.hpp>
#include <ctnn/lanes_math.hpp>
#include <ctnn/math.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <ctnn/reference_gradient.hpp>
#include <ctnn/topology_name.hpp>
#include <ctnn/train.hpp>
#include <ctnn/train_lanes.hpp>
