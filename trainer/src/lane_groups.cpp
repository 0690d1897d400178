// The choice of the lanes' instruction set, and the call into the kernel built for it.
// SPDX-License-Identifier: BSL-1.0
#include "lane_groups.hpp"

#include <fmt/format.h>

#include <string>

#include "arguments.hpp"
#include "errors.hpp"

namespace ctnn_train {

// One kernel per instruction set, defined by isa/lane_group_kernel.cpp built with its flags.
// (The build defines CTNN_TRAIN_HAS_<SET> for each set it compiles: CTNN_TRAIN_INSTRUCTION_SETS.)
void train_lane_group_sse2(const lane_group_job& job, lane_group_result& result);
void train_lane_group_avx2(const lane_group_job& job, lane_group_result& result);
void train_lane_group_avx512(const lane_group_job& job, lane_group_result& result);

bool built_for(ctnn::instruction_set set) {
  switch (set) {
    case ctnn::instruction_set::sse2:
      return true;
    case ctnn::instruction_set::avx2:
#if defined(CTNN_TRAIN_HAS_AVX2)
      return true;
#else
      return false;
#endif
    case ctnn::instruction_set::avx512:
#if defined(CTNN_TRAIN_HAS_AVX512)
      return true;
#else
      return false;
#endif
  }
  return false;
}

void train_lane_group(ctnn::instruction_set set, const lane_group_job& job,
                      lane_group_result& result) {
  switch (set) {
#if defined(CTNN_TRAIN_HAS_AVX512)
    case ctnn::instruction_set::avx512:
      return train_lane_group_avx512(job, result);
#endif
#if defined(CTNN_TRAIN_HAS_AVX2)
    case ctnn::instruction_set::avx2:
      return train_lane_group_avx2(job, result);
#endif
    default:
      return train_lane_group_sse2(job, result);
  }
}

namespace {

/// The set `value` names, for `source` (--isa or CTNN_ISA), if this CPU and build have it.
ctnn::instruction_set named_set(std::string_view value, std::string_view source) {
  const std::optional<ctnn::instruction_set> set = ctnn::instruction_set_named(value);
  if (!set)
    throw input_error(
        fmt::format("{}: expected sse2, avx2 or avx512, got '{}'", source, printable(value)));
  if (!built_for(*set) || !ctnn::cpu_supports(*set)) {
    throw input_error(fmt::format("{}: {} is not available on this {} (the widest here is {})",
                                  source, value, built_for(*set) ? "CPU" : "build",
                                  ctnn::name(widest_available_instruction_set())));
  }
  return *set;
}

}  // namespace

ctnn::instruction_set sweep_instruction_set(std::optional<std::string_view> flag,
                                            const char* environment) {
  if (flag) return named_set(*flag, "--isa");
  if (environment != nullptr) return named_set(environment, "CTNN_ISA");
  return widest_available_instruction_set();
}

ctnn::instruction_set widest_available_instruction_set() {
  ctnn::instruction_set widest = ctnn::instruction_set::sse2;
  for (const ctnn::instruction_set set : ctnn::instruction_sets)
    if (built_for(set) && ctnn::cpu_supports(set)) widest = set;
  return widest;
}

}  // namespace ctnn_train
