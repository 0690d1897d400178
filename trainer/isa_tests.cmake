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
