# Runs ctnn-train once in an empty directory and checks its exit status, its stderr, the last line
# of its stdout and which files it left behind. Used by cli_tests.cmake as `cmake -P`.
# SPDX-License-Identifier: BSL-1.0
#
# -Dprogram=   the ctnn-train binary          -Dargs=        its arguments, joined by "|"
# -Dwork_dir=  a directory made afresh        -Dstatus=      the exit status expected
# -Dstderr_regex=  what stderr must match (then it must be exactly one line)
# -Dlast_line_regex=  what the last line of stdout must match
# -Dfiles=     files (relative to work_dir, joined by "|") that must exist afterwards; with
#             status != 0 no file may
string(REPLACE "|" ";" args "${args}")
string(REPLACE "|" ";" files "${files}")
file(REMOVE_RECURSE "${work_dir}")
file(MAKE_DIRECTORY "${work_dir}")
execute_process(COMMAND "${program}" ${args} WORKING_DIRECTORY "${work_dir}"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(context "ctnn-train ${args}\n--- exit status ${result}\n--- stdout (end)\n")
string(LENGTH "${out}" out_length)
if(out_length GREATER 2000)
  math(EXPR start "${out_length} - 2000")
  string(SUBSTRING "${out}" ${start} -1 out_tail)
else()
  set(out_tail "${out}")
endif()
string(APPEND context "${out_tail}\n--- stderr\n${err}")

if(NOT "${result}" STREQUAL "${status}")
  message(FATAL_ERROR "expected exit status ${status}\n${context}")
endif()
if(DEFINED stderr_regex)
  if(NOT err MATCHES "${stderr_regex}")
    message(FATAL_ERROR "stderr does not match '${stderr_regex}'\n${context}")
  endif()
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines lines)
  if(NOT lines EQUAL 1)
    message(FATAL_ERROR "stderr should be one line, is ${lines}\n${context}")
  endif()
endif()
if(DEFINED last_line_regex)
  string(REGEX REPLACE "\n$" "" trimmed "${out}")
  string(REGEX REPLACE "^.*\n" "" last_line "${trimmed}")
  if(NOT last_line MATCHES "${last_line_regex}")
    message(FATAL_ERROR "last line '${last_line}' does not match '${last_line_regex}'\n${context}")
  endif()
endif()
file(GLOB_RECURSE left RELATIVE "${work_dir}" "${work_dir}/*")
if(NOT status EQUAL 0 AND left)
  message(FATAL_ERROR "a failed run left files behind: ${left}\n${context}")
endif()
foreach(file IN LISTS files)
  if(NOT EXISTS "${work_dir}/${file}")
    message(FATAL_ERROR "${file} was not written (found: ${left})\n${context}")
  endif()
endforeach()
