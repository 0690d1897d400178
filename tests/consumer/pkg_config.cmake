# Installs a ctnn build tree to a prefix, then compiles and runs tests/consumer/main.cpp with the
# flags `pkg-config --cflags ctnn` gives from that prefix, as a project without CMake would.
# SPDX-License-Identifier: BSL-1.0
#
# cmake -D ctnn_binary_dir=... -D work_dir=... -D cxx_compiler=... -D expected_version=...
#       [-D config=...] -P pkg_config.cmake
cmake_minimum_required(VERSION 3.21)

set(consumer_label consumer.pkg_config)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/consumer_steps.cmake)
require_script_variables(ctnn_binary_dir work_dir cxx_compiler expected_version)
find_program(pkg_config NAMES pkg-config pkgconf REQUIRED)
set(prefix ${work_dir}/prefix)
file(REMOVE_RECURSE ${work_dir})

consumer_step("install ctnn to ${prefix}"
              ${CMAKE_COMMAND} --install ${ctnn_binary_dir} --prefix ${prefix} --config ${config})

# Only the prefix's .pc files: PKG_CONFIG_LIBDIR replaces the system's search path.
set(ENV{PKG_CONFIG_LIBDIR} ${prefix}/share/pkgconfig)
unset(ENV{PKG_CONFIG_PATH})
execute_process(COMMAND ${pkg_config} --cflags ctnn OUTPUT_VARIABLE cflags
                RESULT_VARIABLE result OUTPUT_STRIP_TRAILING_WHITESPACE)
separate_arguments(flags UNIX_COMMAND "${cflags}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${consumer_label}: pkg-config --cflags ctnn failed (${result})")
endif()
execute_process(COMMAND ${pkg_config} --modversion ctnn OUTPUT_VARIABLE version
                OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "${consumer_label}: ctnn ${version}: ${cflags}")
if(NOT version STREQUAL expected_version)
  message(FATAL_ERROR "${consumer_label}: pkg-config says version '${version}', not ${expected_version}")
endif()
# The include directory is the prefix's (pkgconf may print it relative to the .pc file's place).
set(include_dirs ${flags})
list(FILTER include_dirs INCLUDE REGEX "^-I")
list(TRANSFORM include_dirs REPLACE "^-I" "")
file(REAL_PATH "${prefix}/include" expected_include)
set(found FALSE)
foreach(dir IN LISTS include_dirs)
  file(REAL_PATH "${dir}" real_dir)
  if(real_dir STREQUAL expected_include)
    set(found TRUE)
  endif()
endforeach()
if(NOT found)
  message(FATAL_ERROR "${consumer_label}: no -I of ${expected_include} in pkg-config's flags")
endif()

consumer_step("compile with pkg-config's flags"
              ${cxx_compiler} -std=c++20 ${flags} ${CMAKE_CURRENT_LIST_DIR}/main.cpp
              -o ${work_dir}/consumer)
consumer_step("run ${work_dir}/consumer" ${work_dir}/consumer)
