# ctnn-train's hostile-input tests: every trainer/tests/hostile/*.sh but lib.sh is one test,
# hostile.<name>, run by bash with the trainer's path (see lib.sh). Included by
# trainer/CMakeLists.txt when tests are on.
# SPDX-License-Identifier: BSL-1.0
find_program(CTNN_BASH bash REQUIRED)
file(GLOB hostile_cases CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/tests/hostile/*.sh)
list(FILTER hostile_cases EXCLUDE REGEX "/lib\\.sh$")
foreach(case IN LISTS hostile_cases)
  get_filename_component(name ${case} NAME_WE)
  add_test(NAME hostile.${name} COMMAND ${CTNN_BASH} ${case} $<TARGET_FILE:ctnn-train>)
  set_tests_properties(hostile.${name} PROPERTIES FAIL_REGULAR_EXPRESSION "^not ok|\nnot ok")
  # AddressSanitizer reserves terabytes of address space: cases that limit it skip themselves.
  if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
    set_tests_properties(hostile.${name} PROPERTIES ENVIRONMENT CTNN_HOSTILE_ASAN=1)
  endif()
endforeach()
