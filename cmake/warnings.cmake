# Warnings belong on the project's own targets, never on the INTERFACE target users link.
function(ctnn_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  # ctnn::lanes computes in vectors wider than SSE2's registers; GCC notes (-Wpsabi) that passing
  # such a vector to a function would differ with AVX, even for the always-inlined functions that
  # never pass one. The note says nothing about ctnn's code.
  target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU,Clang>:-Wno-psabi>)
  if(CTNN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
