// Defines ctnn::instruction_set: the x86-64 vector units a program may build ctnn's lanes for,
// which of them the CPU running it has, and the widest of those. SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <ctnn/detail/namespace.hpp>
#include <optional>
#include <string_view>

namespace CTNN_NAMESPACE {

/// A vector unit of x86-64, narrowest first. Lanes built for one (a translation unit compiled
/// with its flags and CTNN_ISA_NAMESPACE, see ctnn/detail/namespace.hpp) give every lane the bits
/// of its network trained alone, so a program may run whichever of them the CPU has.
///   sse2    16-byte registers: every x86-64 CPU (no flag)
///   avx2    32-byte registers (-mavx2)
///   avx512  AVX-512's instructions (-mavx512f -mavx512dq -mavx512bw -mavx512vl, x86-64-v4's
///           set); the lanes still work in 32-byte vectors there (lanes.hpp)
enum class instruction_set { sse2, avx2, avx512 };

/// Every instruction_set, narrowest first.
inline constexpr std::array<instruction_set, 3> instruction_sets = {
    instruction_set::sse2, instruction_set::avx2, instruction_set::avx512};

/// Its name, as names it: "sse2", "avx2", "avx512".
constexpr std::string_view name(instruction_set set) {
  switch (set) {
    case instruction_set::sse2:
      return "sse2";
    case instruction_set::avx2:
      return "avx2";
    case instruction_set::avx512:
      return "avx512";
  }
  return "?";
}

/// The instruction_set of that name, if any.
constexpr std::optional<instruction_set> instruction_set_named(std::string_view text) {
  for (const instruction_set set : instruction_sets)
    if (name(set) == text) return set;
  return std::nullopt;
}

/// Whether the CPU running the program, and its operating system, support `set` (for AVX2 and
/// AVX-512 the OS must save the wider registers, which __builtin_cpu_supports checks). On other
/// architectures than x86-64 only sse2 counts as supported: it stands for the compiler's baseline.
inline bool cpu_supports(instruction_set set) {
#if defined(__x86_64__) || defined(__i386__)
  switch (set) {
    case instruction_set::sse2:
      return __builtin_cpu_supports("sse2");
    case instruction_set::avx2:
      return __builtin_cpu_supports("avx2");
    case instruction_set::avx512:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
             __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
  }
  return false;
#else
  return set == instruction_set::sse2;
#endif
}

/// The widest instruction_set the CPU supports.
inline instruction_set widest_supported_instruction_set() {
  instruction_set widest = instruction_set::sse2;
  for (const instruction_set set : instruction_sets)
    if (cpu_supports(set)) widest = set;
  return widest;
}

}  // namespace CTNN_NAMESPACE
