// Includes ctnn's constexpr math: exp, expm1, log, sqrt, tanh, sigmoid and softplus.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/math/log.hpp>
#include <ctnn/math/sigmoid.hpp>
#include <ctnn/math/softplus.hpp>
#include <ctnn/math/sqrt.hpp>
#include <ctnn/math/tanh.hpp>
