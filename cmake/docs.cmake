# The documentation site (mkdocs.yml, docs/) and its examples; included by the top-level
# CMakeLists.txt when tests are built.
# SPDX-License-Identifier: BSL-1.0
#
# Every ```cpp block of docs/*.md is compiled as a program of its own with ctnn's warnings (and
# run, as the test docs.example.<page>.<n>, when it has a main), so that no example goes stale.
# docs.site builds the site with MkDocs, warnings as errors, and checks every link in it
# (scripts/build-docs.sh); CTNN_BUILD_DOCS=ON requires MkDocs, AUTO (the default) skips the site
# without it.
set(CTNN_BUILD_DOCS AUTO CACHE STRING "Test the documentation site's build (needs mkdocs): AUTO, ON or OFF")
set_property(CACHE CTNN_BUILD_DOCS PROPERTY STRINGS AUTO ON OFF)
option(CTNN_DOC_EXAMPLES "Compile (and run) every example of docs/*.md" ON)

find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "ctnn: not compiling the documentation's examples (missing: python3)")
  return()
endif()
file(GLOB ctnn_doc_pages CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ctnn_doc_pages}
             ${PROJECT_SOURCE_DIR}/scripts/docs/extract_examples.py)
execute_process(
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/docs/extract_examples.py
          ${PROJECT_BINARY_DIR}/docs/examples ${ctnn_doc_pages}
  OUTPUT_VARIABLE ctnn_doc_examples
  RESULT_VARIABLE ctnn_doc_extract_result)
if(NOT ctnn_doc_extract_result EQUAL 0)
  message(FATAL_ERROR "scripts/docs/extract_examples.py failed: ${ctnn_doc_extract_result}")
endif()
string(REPLACE "\n" ";" ctnn_doc_examples "${ctnn_doc_examples}")
# <ctnn.hpp> precompiled once for every example: parsing it is most of an example's compile.
file(WRITE ${PROJECT_BINARY_DIR}/docs/pch.cpp "// The documentation examples' precompiled header.\n")
add_library(ctnn_doc_pch OBJECT ${PROJECT_BINARY_DIR}/docs/pch.cpp)
target_link_libraries(ctnn_doc_pch PRIVATE ctnn::ctnn)
target_precompile_headers(ctnn_doc_pch PRIVATE <ctnn.hpp>)
target_compile_options(ctnn_doc_pch PRIVATE $<$<CONFIG:RelWithDebInfo>:-g0>)
ctnn_set_warnings(ctnn_doc_pch)
if(NOT CTNN_DOC_EXAMPLES)
  set(ctnn_doc_examples "")
endif()
foreach(example IN LISTS ctnn_doc_examples)
  if(example STREQUAL "")
    continue()
  endif()
  string(REPLACE "|" ";" fields "${example}")
  list(GET fields 0 name)
  list(GET fields 1 source)
  list(GET fields 2 runs)
  string(REPLACE "." "_" target "doc_${name}")
  if(runs)
    add_executable(${target} ${source})
  else()
    add_library(${target} OBJECT ${source})  # declarations and static_asserts: compiling is passing
  endif()
  target_link_libraries(${target} PRIVATE ctnn::ctnn)
  target_precompile_headers(${target} REUSE_FROM ctnn_doc_pch)
  target_compile_options(${target} PRIVATE $<$<CONFIG:RelWithDebInfo>:-g0>)
  ctnn_set_warnings(${target})
  if(runs)
    add_test(NAME docs.example.${name} COMMAND ${target})
  endif()
endforeach()

string(TOUPPER "${CTNN_BUILD_DOCS}" ctnn_docs_mode)
if(NOT ctnn_docs_mode STREQUAL "OFF")
  find_program(CTNN_MKDOCS mkdocs)
  if(CTNN_MKDOCS)
    add_test(NAME docs.site COMMAND ${PROJECT_SOURCE_DIR}/scripts/build-docs.sh
                                    ${PROJECT_BINARY_DIR}/docs/site)
  elseif(ctnn_docs_mode STREQUAL "ON")
    message(FATAL_ERROR "CTNN_BUILD_DOCS=ON, but mkdocs is not installed (Debian: mkdocs)")
  else()
    message(STATUS "ctnn: not testing the documentation site (CTNN_BUILD_DOCS=AUTO; missing: mkdocs)")
  endif()
endif()
