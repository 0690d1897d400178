# Formats a manual page with groff, every warning on, and fails on any warning or error; used by
# the test docs.man_page as `cmake -Dgroff=... -Dpage=... -P man_page_check.cmake`.
# SPDX-License-Identifier: BSL-1.0
if(NOT EXISTS "${page}")
  message(FATAL_ERROR "no manual page ${page} (is the target ctnn-train-man built?)")
endif()
execute_process(COMMAND ${groff} -man -Tutf8 -ww -z ${page} RESULT_VARIABLE result
                ERROR_VARIABLE warnings)
if(NOT result EQUAL 0 OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "groff -man -ww on ${page}: exit ${result}\n${warnings}")
endif()
message(STATUS "${page}: no groff warning")
