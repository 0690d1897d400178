# Tests of the lanes built per instruction set (src/isa/): that no kernel object lends the program
# code for its instruction set under a name that other code shares (see lane_group_kernel.cpp),
# and that every set gives the same sweep (cli.sweep_same_on_every_isa, in cli_tests.cmake).
set(kernel_objects "")
foreach(set IN LISTS ctnn_train_instruction_sets)
  list(APPEND kernel_objects "${set}=$<TARGET_OBJECTS:ctnn_train_kernel_${set}>")
endforeach()
add_test(NAME isa.kernel_symbols
         COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} "-DKERNELS=${kernel_objects}" -P
                 ${CMAKE_CURRENT_SOURCE_DIR}/check_kernel_symbols.cmake)

# Choosing the instruction set: a name that is none, from the flag or the environment, and a flag
# given to a task that does not take it.
cli_case(isa_unknown STATUS 2 ARGS sweep xor --isa sse3
         STDERR "^ctnn-train: --isa: expected sse2, avx2 or avx512, got 'sse3'")
cli_case(isa_unknown_in_environment STATUS 2 ARGS sweep xor ENV CTNN_ISA=mmx
         STDERR "^ctnn-train: CTNN_ISA: expected sse2, avx2 or avx512, got 'mmx'")
cli_case(isa_empty_in_environment STATUS 2 ARGS sweep xor ENV CTNN_ISA=
         STDERR "^ctnn-train: CTNN_ISA: expected sse2, avx2 or avx512, got ''")
cli_case(isa_not_for_tasks STATUS 2 ARGS xor --isa avx2 STDERR "--isa")
cli_case(isa_flag_over_environment STATUS 0 ARGS sweep or --seeds 2 --epochs 3 --isa sse2
         ENV CTNN_ISA=bogus LAST_LINE "^sweep or: ")

# Every instruction set this CPU has gives the same sweeps and grids, file for file; a set it
# lacks is refused with exit status 2 and nothing written.
add_test(NAME isa.same_results_on_every_set
         COMMAND ${CMAKE_COMMAND} -Dprogram=$<TARGET_FILE:ctnn-train>
                 "-Dbuilt_sets=${ctnn_train_instruction_sets}"
                 -Dwork_dir=${CMAKE_CURRENT_BINARY_DIR}/isa_same -P
                 ${CMAKE_CURRENT_SOURCE_DIR}/isa_same_results.cmake)
