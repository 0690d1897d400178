# Defines the steps of the -P scripts that build a consumer project against ctnn and run it
# (tests/consumer/run.cmake, trainer/tests/export_consumer/run.cmake): both need the same checked
# arguments, the same configure line and the same build-then-run ending.
# SPDX-License-Identifier: BSL-1.0
#
# The scripts take -D generator=... -D cxx_compiler=... [-D make_program=...] [-D config=...]
# [-D boost_dir=...]; consumer_label names the consumer in every message.

# require_script_variables(<var>...): stops with a message naming the first -D missing.
function(require_script_variables)
  foreach(var IN LISTS ARGN)
    if(NOT DEFINED ${var})
      message(FATAL_ERROR "${CMAKE_SCRIPT_MODE_FILE} needs -D ${var}=...")
    endif()
  endforeach()
endfunction()

# consumer_step(<what> <command>...): runs a command and stops the test if it fails.
function(consumer_step what)
  message(STATUS "${consumer_label}: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${consumer_label}: ${what} failed (${result})")
  endif()
endfunction()

# configure_consumer(<source> <build> [-D...]...): configures the consumer with the caller's
# generator, compiler and configuration, and any further cache entries.
function(configure_consumer source build)
  set(configure_args -S ${source} -B ${build} -G ${generator} -DCMAKE_BUILD_TYPE=${config}
                     -DCMAKE_CXX_COMPILER=${cxx_compiler} ${ARGN})
  if(make_program)
    list(APPEND configure_args -DCMAKE_MAKE_PROGRAM=${make_program})
  endif()
  if(boost_dir)
    list(APPEND configure_args -DBoost_DIR=${boost_dir})
  endif()
  consumer_step("configure" ${CMAKE_COMMAND} ${configure_args})
endfunction()

# build_and_run_consumer(<build> <what the build does>): builds the consumer, then runs it.
function(build_and_run_consumer build what)
  consumer_step("${what}" ${CMAKE_COMMAND} --build ${build} --config ${config})
  find_program(consumer consumer PATHS ${build} ${build}/${config} NO_DEFAULT_PATH REQUIRED)
  consumer_step("run ${consumer}" ${consumer})
endfunction()

if(NOT config)
  set(config Debug)
endif()
