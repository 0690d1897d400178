# Builds and runs the export consumer against headers ctnn-train exported into generated_dir.
# SPDX-License-Identifier: BSL-1.0
#
# cmake -D ctnn_source_dir=... -D generated_dir=... -D work_dir=... -D generator=...
#       [-D make_program=...] -D cxx_compiler=... [-D config=...] [-D boost_dir=...] -P run.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS ctnn_source_dir generated_dir work_dir generator cxx_compiler)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake needs -D ${var}=...")
  endif()
endforeach()
if(NOT config)
  set(config Debug)
endif()

function(step what)
  message(STATUS "export consumer: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "export consumer: ${what} failed (${result})")
  endif()
endfunction()

file(REMOVE_RECURSE ${work_dir})
set(configure_args -S ${CMAKE_CURRENT_LIST_DIR} -B ${work_dir} -G ${generator}
                   -DCMAKE_BUILD_TYPE=${config} -DCMAKE_CXX_COMPILER=${cxx_compiler}
                   -Dctnn_source_dir=${ctnn_source_dir} -Dgenerated_dir=${generated_dir})
if(make_program)
  list(APPEND configure_args -DCMAKE_MAKE_PROGRAM=${make_program})
endif()
if(boost_dir)
  list(APPEND configure_args -DBoost_DIR=${boost_dir})
endif()
step("configure" ${CMAKE_COMMAND} ${configure_args})
step("build (the static_asserts run here)" ${CMAKE_COMMAND} --build ${work_dir} --config ${config})
find_program(consumer consumer PATHS ${work_dir} ${work_dir}/${config} NO_DEFAULT_PATH REQUIRED)
step("run ${consumer}" ${consumer})
