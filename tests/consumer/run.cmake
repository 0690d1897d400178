# Installs a ctnn build tree to a prefix, then configures, builds and runs tests/consumer against it.
# SPDX-License-Identifier: BSL-1.0
#
# cmake -D ctnn_binary_dir=... -D work_dir=... -D generator=... [-D make_program=...] -D cxx_compiler=...
#       [-D config=...] [-D boost_dir=...] -P run.cmake
cmake_minimum_required(VERSION 3.21)

set(consumer_label consumer)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/consumer_steps.cmake)
require_script_variables(ctnn_binary_dir work_dir generator cxx_compiler)
set(prefix ${work_dir}/prefix)
set(build ${work_dir}/build)

# Start clean, so a header removed from ctnn cannot linger in the prefix.
file(REMOVE_RECURSE ${work_dir})

consumer_step("install ctnn to ${prefix}"
              ${CMAKE_COMMAND} --install ${ctnn_binary_dir} --prefix ${prefix} --config ${config})

configure_consumer(${CMAKE_CURRENT_LIST_DIR} ${build} -DCMAKE_PREFIX_PATH=${prefix}
                   -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)

# The package must come from the prefix, not from some other ctnn on the system.
file(STRINGS ${build}/CMakeCache.txt ctnn_dir REGEX "^ctnn_DIR:")
string(REGEX REPLACE "^ctnn_DIR:[A-Z]+=" "" ctnn_dir "${ctnn_dir}")
file(REAL_PATH "${prefix}" real_prefix)
file(REAL_PATH "${ctnn_dir}" real_ctnn_dir)
string(FIND "${real_ctnn_dir}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "consumer: found ctnn in '${ctnn_dir}', not under ${prefix}")
endif()

build_and_run_consumer(${build} "build")
