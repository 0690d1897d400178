// Stops the build where ctnn cannot keep compile-time and run-time results the same bits: on a
// target with fused multiply-add, unless the code is compiled with -ffp-contract=off.
// SPDX-License-Identifier: BSL-1.0
#pragma once

// Constant evaluation rounds a * b + c twice; a fused multiply-add rounds it once. GCC contracts
// by default in C++ (ISO and GNU modes alike), Clang 14 and 19 contract within an expression, and
// nothing predefined says whether -ffp-contract=off was given, so the user says it with
// CTNN_FP_CONTRACT_OFF, as the CMake target ctnn::ctnn does. A header cannot make itself immune:
// Clang ignores `#pragma clang fp contract(off)` under -ffp-contract=fast, and GCC's
// `#pragma GCC optimize("fp-contract=off")` stops ctnn's functions being inlined into the
// caller's (25% more instructions per SGD step) yet still lets always_inline ones be contracted.
#if defined(__GNUC__) && !(defined(CTNN_FP_CONTRACT_OFF) && CTNN_FP_CONTRACT_OFF) &&               \
    (defined(__FMA__) || defined(__FMA4__) || defined(__FP_FAST_FMA) || defined(__FP_FAST_FMAF) || \
     defined(__ARM_FEATURE_FMA))
// clang-format off
#  error "ctnn: this target has fused multiply-add, which would make run-time results differ from compile-time ones: compile with -ffp-contract=off -DCTNN_FP_CONTRACT_OFF=1 (the CMake target ctnn::ctnn adds both)"
// clang-format on
#endif
