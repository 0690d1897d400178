# Runs sweeps and grids with --isa set to each instruction set and checks that every set the CPU
# has writes the same files and prints the same report (but the line naming the set), and that a
# set the CPU lacks is refused: exit status 2, one line naming it, no file. Used by isa_tests.cmake.
# SPDX-License-Identifier: BSL-1.0
cmake_minimum_required(VERSION 3.21)  # IN_LIST
set(cpu_flags "")
if(EXISTS /proc/cpuinfo)
  file(STRINGS /proc/cpuinfo cpu_flags REGEX "^flags")
endif()
set(has_avx2 FALSE)
set(has_avx512 FALSE)
if(cpu_flags MATCHES " avx2( |$)")
  set(has_avx2 TRUE)
endif()
if(cpu_flags MATCHES " avx512f( |$)" AND cpu_flags MATCHES " avx512dq( |$)"
   AND cpu_flags MATCHES " avx512bw( |$)" AND cpu_flags MATCHES " avx512vl( |$)")
  set(has_avx512 TRUE)
endif()

set(runs
    "sweep|xor|--seeds|37|--epochs|1500"
    "sweep|xor|--seeds|21|--epochs|900|--scalar|float|--learning-rate|0.7"
    "sweep|or-tanh|--seeds|19|--epochs|300"
    "sweep|xor|--seeds|9|--epochs|1200|--learning-rates|0.05,0.5,2,9"
    "sweep|xor|--seeds|10|--epochs|800|--scalar|float|--learning-rates|0.1:3:5")
set(case 0)
foreach(run IN LISTS runs)
  string(REPLACE "|" ";" args "${run}")
  set(reference "")
  foreach(set IN ITEMS sse2 avx2 avx512)
    set(dir "${work_dir}/${case}-${set}")
    file(REMOVE_RECURSE "${dir}")
    file(MAKE_DIRECTORY "${dir}")
    execute_process(COMMAND "${program}" ${args} --isa ${set} --progress off
                    WORKING_DIRECTORY "${dir}" RESULT_VARIABLE status OUTPUT_VARIABLE out
                    ERROR_VARIABLE err)
    set(available TRUE)
    if(NOT set IN_LIST built_sets)
      set(available FALSE)
    elseif(set STREQUAL avx2 AND NOT has_avx2)
      set(available FALSE)
    elseif(set STREQUAL avx512 AND NOT has_avx512)
      set(available FALSE)
    endif()
    if(NOT available)
      file(GLOB left "${dir}/*")
      if(NOT status EQUAL 2 OR NOT err MATCHES "^ctnn-train: --isa: ${set} is not available on this (CPU|build)" OR left)
        message(FATAL_ERROR "ctnn-train ${run} --isa ${set} on a CPU without it: status ${status}, "
                            "stderr '${err}', files '${left}'")
      endif()
      continue()
    endif()
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "ctnn-train ${run} --isa ${set}: status ${status}\n${err}")
    endif()
    string(REGEX REPLACE "lanes on [a-z0-9]+" "lanes on (set)" out "${out}")
    string(REPLACE "${dir}" "(dir)" out "${out}")
    file(GLOB files RELATIVE "${dir}" "${dir}/*")
    list(SORT files)
    set(contents "${out}")
    foreach(file IN LISTS files)
      file(READ "${dir}/${file}" text HEX)
      string(APPEND contents "\n--- ${file}\n${text}")
    endforeach()
    if(reference STREQUAL "")
      set(reference "${contents}")
      set(reference_set ${set})
      list(LENGTH files count)
      message(STATUS "ctnn-train ${run}: ${count} files")
    elseif(NOT contents STREQUAL reference)
      message(FATAL_ERROR "ctnn-train ${run}: --isa ${set} differs from --isa ${reference_set} "
                          "(compare ${work_dir}/${case}-${set} and -${reference_set})")
    else()
      message(STATUS "  --isa ${set}: the same as --isa ${reference_set}")
    endif()
  endforeach()
  math(EXPR case "${case} + 1")
endforeach()
