// The ctnn umbrella header: includes the public headers that every use needs, defines nothing.
// Opt-in, for what costs a translation unit more than most users need:
//   <ctnn/io.hpp>           operator<< for parameters (iostreams)
//   <ctnn/topology_name.hpp> a network type spelled as C++, and activation_name, for display
//                           (std::string)
//   <ctnn/lanes.hpp>,       N networks side by side in vector registers (GCC's vector extension,
//   <ctnn/train_lanes.hpp>  and on x86 <immintrin.h>, which alone doubles the cost of this
//                           header); their backend in <ctnn/lanes/>
//   <ctnn/reference.hpp>    the specification, plain loops that the fast paths must match
//   <ctnn/model_file.hpp>,  parameters in model files and as text, and as constexpr headers
//   <ctnn/model_text.hpp>,  (<filesystem>, POSIX and strings)
//   <ctnn/export_header.hpp>
// and presets, layers on top of ctnn that nothing in it needs:
//   <ctnn/presets/homework.hpp> the homework's networks, tables and settings (ctnn::homework)
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/activation.hpp>
#include <ctnn/compile_time_budget.hpp>
#include <ctnn/dataset.hpp>
#include <ctnn/divergence.hpp>
#include <ctnn/dual.hpp>
#include <ctnn/evaluate.hpp>
#include <ctnn/forward.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/initializer.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/math.hpp>
#include <ctnn/network.hpp>
#include <ctnn/parameters.hpp>
#include <ctnn/random.hpp>
#include <ctnn/reference_gradient.hpp>
#include <ctnn/train.hpp>
#include <ctnn/update_rule.hpp>
#include <ctnn/version.hpp>
