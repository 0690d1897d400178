// Defines CTNN_NAMESPACE, the namespace ctnn's headers declare everything in: ctnn, or, where the
// translation unit defines CTNN_ISA_NAMESPACE, the inline namespace ctnn::<CTNN_ISA_NAMESPACE>.
// SPDX-License-Identifier: BSL-1.0
#pragma once

// Why: a program that runs ctnn's lanes at the widest vector unit of the CPU compiles them once
// per instruction set, one translation unit each (-mavx2, -mavx512f, ...), and picks one at run
// time (ctnn/instruction_set.hpp). Each such unit instantiates the same inline functions and
// templates (ctnn::sgd_epoch<...>, ctnn::sigmoid<double>, ...) with code for its own instruction
// set; under one name the linker would keep any one copy for the whole program, and a baseline
// caller could run AVX-512 code on a CPU without it. Defining CTNN_ISA_NAMESPACE (say avx2) in a
// unit puts its ctnn in ctnn::avx2, which its code still names ctnn::..., and its copies keep
// names of their own. The unit must not hand ctnn's types to a unit of another instruction set:
// they are different types there.
#if defined(CTNN_ISA_NAMESPACE)
#  define CTNN_NAMESPACE ctnn::inline CTNN_ISA_NAMESPACE
#else
#  define CTNN_NAMESPACE ctnn
#endif
