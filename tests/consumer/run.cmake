# Installs a ctnn build tree to a prefix, then configures, builds and runs tests/consumer against it.
# SPDX-License-Identifier: BSL-1.0
#
# cmake -D ctnn_binary_dir=... -D work_dir=... -D generator=... [-D make_program=...] -D cxx_compiler=...
#       [-D config=...] [-D boost_dir=...] -P run.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS ctnn_binary_dir work_dir generator cxx_compiler)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake needs -D ${var}=...")
  endif()
endforeach()
set(prefix ${work_dir}/prefix)
set(build ${work_dir}/build)
if(NOT config)
  set(config Debug)
endif()

# step(<what> <command...>): runs a command and stops the test if it fails.
function(step what)
  message(STATUS "consumer: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "consumer: ${what} failed (${result})")
  endif()
endfunction()

# Start clean, so a header removed from ctnn cannot linger in the prefix.
file(REMOVE_RECURSE ${work_dir})

step("install ctnn to ${prefix}"
     ${CMAKE_COMMAND} --install ${ctnn_binary_dir} --prefix ${prefix} --config ${config})

set(configure_args -S ${CMAKE_CURRENT_LIST_DIR} -B ${build} -G ${generator}
                   -DCMAKE_BUILD_TYPE=${config} -DCMAKE_CXX_COMPILER=${cxx_compiler}
                   -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
if(make_program)
  list(APPEND configure_args -DCMAKE_MAKE_PROGRAM=${make_program})
endif()
if(boost_dir)
  list(APPEND configure_args -DBoost_DIR=${boost_dir})
endif()
step("configure" ${CMAKE_COMMAND} ${configure_args})

# The package must come from the prefix, not from some other ctnn on the system.
file(STRINGS ${build}/CMakeCache.txt ctnn_dir REGEX "^ctnn_DIR:")
string(REGEX REPLACE "^ctnn_DIR:[A-Z]+=" "" ctnn_dir "${ctnn_dir}")
file(REAL_PATH "${prefix}" real_prefix)
file(REAL_PATH "${ctnn_dir}" real_ctnn_dir)
string(FIND "${real_ctnn_dir}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "consumer: found ctnn in '${ctnn_dir}', not under ${prefix}")
endif()

step("build" ${CMAKE_COMMAND} --build ${build} --config ${config})

find_program(consumer consumer PATHS ${build} ${build}/${config} NO_DEFAULT_PATH REQUIRED)
step("run ${consumer}" ${consumer})
