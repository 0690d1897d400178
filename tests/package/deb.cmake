# Builds ctnn's Debian package from a build tree (cpack -G DEB), checks its control fields, then
# installs it and uses it as a user would: tests/consumer through find_package and through
# pkg-config, and ctnn-train --version and its manual page. As root with dpkg, and no ctnn package installed already,
# it is installed with `dpkg -i` and removed at the end, whatever failed; otherwise it is unpacked
# with `dpkg-deb -x` into a directory (which the output says), and the same checks run there.
# SPDX-License-Identifier: BSL-1.0
#
# cmake -D ctnn_binary_dir=... -D work_dir=... -D generator=... -D cxx_compiler=...
#       -D expected_version=... -D with_trainer=ON|OFF [-D make_program=...] [-D config=...]
#       -P deb.cmake
cmake_minimum_required(VERSION 3.21)

set(consumer_label package.deb)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/consumer_steps.cmake)
require_script_variables(ctnn_binary_dir work_dir generator cxx_compiler expected_version
                         with_trainer)
find_program(dpkg_deb dpkg-deb REQUIRED)
find_program(pkg_config NAMES pkg-config pkgconf REQUIRED)
file(REMOVE_RECURSE ${work_dir})

consumer_step("cpack -G DEB"
              ${CMAKE_COMMAND} -E chdir ${ctnn_binary_dir} cpack -G DEB -C ${config} -B ${work_dir})
file(GLOB debs ${work_dir}/ctnn_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "${consumer_label}: expected one ctnn_*.deb in ${work_dir}, found ${count}")
endif()

# field(<name> <var>): a control field of the package.
function(field name var)
  execute_process(COMMAND ${dpkg_deb} --field ${debs} ${name} OUTPUT_VARIABLE value
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(${var} "${value}" PARENT_SCOPE)
endfunction()
field(Package package)
field(Version version)
field(Depends depends)
if(NOT package STREQUAL "ctnn" OR NOT version STREQUAL expected_version
   OR NOT depends MATCHES "libboost-dev")
  message(FATAL_ERROR "${consumer_label}: control fields Package '${package}', Version "
                      "'${version}', Depends '${depends}' (expected ctnn, ${expected_version}, "
                      "libboost-dev)")
endif()

# Install, or unpack where installing is not ours to do.
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
find_program(dpkg dpkg)
set(installed FALSE)
if(dpkg AND uid STREQUAL "0")
  execute_process(COMMAND dpkg-query -W -f=\${db:Status-Status} ctnn OUTPUT_VARIABLE status
                  ERROR_QUIET)
  if(status STREQUAL "installed")
    message(STATUS "${consumer_label}: a ctnn package is installed already; unpacking instead")
  else()
    consumer_step("dpkg -i ${debs}" ${dpkg} -i ${debs})
    set(installed TRUE)
    set(root "")
  endif()
endif()
if(NOT installed)
  set(root ${work_dir}/root)
  message(STATUS "${consumer_label}: not installing (not root, or ctnn installed): unpacking to ${root}")
  consumer_step("dpkg-deb -x" ${dpkg_deb} -x ${debs} ${root})
endif()

# The checks, each failure noted, so that an installed package is removed before the test fails.
set(failures "")
macro(check what)
  message(STATUS "${consumer_label}: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    list(APPEND failures "${what} (${result})")
  endif()
endmacro()

set(build ${work_dir}/consumer)
set(configure_args -S ${CMAKE_CURRENT_LIST_DIR}/../consumer -B ${build} -G ${generator}
                   -DCMAKE_BUILD_TYPE=${config} -DCMAKE_CXX_COMPILER=${cxx_compiler}
                   -DCMAKE_PREFIX_PATH=${root}/usr -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
if(make_program)
  list(APPEND configure_args -DCMAKE_MAKE_PROGRAM=${make_program})
endif()
check("find_package(ctnn) from the package" ${CMAKE_COMMAND} ${configure_args})
check("build the consumer" ${CMAKE_COMMAND} --build ${build})
check("run the consumer" ${build}/consumer)

set(ENV{PKG_CONFIG_LIBDIR} ${root}/usr/share/pkgconfig)
unset(ENV{PKG_CONFIG_PATH})
execute_process(COMMAND ${pkg_config} --cflags ctnn OUTPUT_VARIABLE flags
                OUTPUT_STRIP_TRAILING_WHITESPACE)
separate_arguments(flags UNIX_COMMAND "${flags}")
check("compile the consumer with pkg-config's flags ${flags}"
      ${cxx_compiler} -std=c++20 ${flags} ${CMAKE_CURRENT_LIST_DIR}/../consumer/main.cpp
      -o ${work_dir}/consumer_pkg_config)
check("run it" ${work_dir}/consumer_pkg_config)

if(NOT with_trainer)
  if(EXISTS ${root}/usr/bin/ctnn-train)
    list(APPEND failures "ctnn-train in the package of a build without it")
  endif()
elseif(EXISTS ${root}/usr/bin/ctnn-train)
  execute_process(COMMAND ${root}/usr/bin/ctnn-train --version OUTPUT_VARIABLE said
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0 OR NOT said MATCHES "${expected_version}")
    list(APPEND failures "ctnn-train --version said '${said}' (${result})")
  endif()
else()
  list(APPEND failures "no ${root}/usr/bin/ctnn-train in the package")
endif()
# The manual page comes with the trainer, and only with it.
set(man_page ${root}/usr/share/man/man1/ctnn-train.1.gz)
if(with_trainer AND NOT EXISTS ${man_page})
  list(APPEND failures "no ${man_page} in the package")
elseif(NOT with_trainer AND EXISTS ${man_page})
  list(APPEND failures "ctnn-train.1.gz in the package of a build without the trainer")
elseif(with_trainer)
  find_program(gzip gzip)
  if(gzip)
    check("the manual page decompresses" ${gzip} -t ${man_page})
  endif()
endif()

if(installed)
  consumer_step("dpkg -r ctnn" ${dpkg} -r ctnn)
endif()
if(failures)
  message(FATAL_ERROR "${consumer_label}: failed: ${failures}")
endif()
