# The reference page's completeness check: docs.reference_complete fails when a public header
# declares a name that docs/reference.md has no heading or anchor for
# (scripts/docs/check_reference.py). Included by the top-level CMakeLists.txt after docs.cmake.
# SPDX-License-Identifier: BSL-1.0
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME docs.reference_complete
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/docs/check_reference.py
                   ${PROJECT_SOURCE_DIR})
endif()
