# Tests that the sweep page's commands (sweep-<task>.html) reproduce their runs; included by
# trainer/CMakeLists.txt when tests are on.
# SPDX-License-Identifier: BSL-1.0
set(sweep_page_dir ${CMAKE_CURRENT_LIST_DIR})

# The commands the page lists reproduce their runs bit for bit (Python's standard library only).
find_program(CTNN_SWEEP_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT CTNN_SWEEP_PYTHON3)
  find_program(CTNN_SWEEP_PYTHON3 NAMES python3)
endif()
if(CTNN_SWEEP_PYTHON3)
  add_test(NAME cli.sweep_reproduces
           COMMAND ${CTNN_SWEEP_PYTHON3} ${sweep_page_dir}/tests/sweep_reproduce.py
                   $<TARGET_FILE:ctnn-train> ${CMAKE_CURRENT_BINARY_DIR}/sweep_reproduce)
  set_tests_properties(cli.sweep_reproduces PROPERTIES TIMEOUT 60)
else()
  message(STATUS "python3 not found: no cli.sweep_reproduces test")
endif()
# The page in a browser: browser_tests.cmake.
