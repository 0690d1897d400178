# Runs one static_tests/fail/<case>.cpp build and checks its diagnostic: the build fails, its
# output matches the case's first line, `// expect-error: <regex>`, and the compiler prints at most
# as many lines as its second, `// max-lines: GNU <n> Clang <n>`, allows (with Ninja, the lines
# between the failed command and "ninja: build stopped"; other generators skip the count). Both
# are read here, when the test runs, so that an edit to them counts without a new configure.
#   cmake -DBUILD_DIR=... -DTARGET=fail.<case> -DCONFIG=... -DSOURCE=<case>.cpp
#         -DCOMPILER_ID=GNU|Clang -P check_diagnostic.cmake
file(STRINGS ${SOURCE} expect REGEX "^// expect-error: " LIMIT_COUNT 1)
file(STRINGS ${SOURCE} max_lines REGEX "^// max-lines: " LIMIT_COUNT 1)
if(NOT expect OR NOT max_lines MATCHES "GNU ([0-9]+) Clang ([0-9]+)")
  message(FATAL_ERROR
          "${SOURCE} must open with '// expect-error: <regex>', '// max-lines: GNU <n> Clang <n>'")
endif()
if(COMPILER_ID STREQUAL "GNU")
  set(MAX_LINES ${CMAKE_MATCH_1})
else()
  set(MAX_LINES ${CMAKE_MATCH_2})
endif()
string(REPLACE "// expect-error: " "" EXPECT "${expect}")
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET} --config "${CONFIG}"
                OUTPUT_VARIABLE output ERROR_VARIABLE output RESULT_VARIABLE result)
message("${output}")
if(result EQUAL 0)
  message(FATAL_ERROR "${TARGET} compiled, but must not")
endif()
if(NOT output MATCHES "${EXPECT}")
  message(FATAL_ERROR "${TARGET}: the output does not match '${EXPECT}'")
endif()
# One list element per line ([ and ] would group lines in a CMake list: replace them first).
string(REPLACE "[" "(" output "${output}")
string(REPLACE "]" ")" output "${output}")
string(REPLACE ";" "," output "${output}")
string(REPLACE "\n" ";" lines "${output}")
set(state before)
set(count 0)
foreach(line IN LISTS lines)
  if(state STREQUAL "before" AND line MATCHES "^FAILED: ")
    set(state command)
  elseif(state STREQUAL "command")
    set(state compiler)
  elseif(state STREQUAL "compiler")
    if(line MATCHES "^ninja: ")
      set(state after)
    else()
      math(EXPR count "${count} + 1")
    endif()
  endif()
endforeach()
if(state STREQUAL "after")
  if(count GREATER MAX_LINES)
    message(FATAL_ERROR "${TARGET}: the compiler printed ${count} lines, more than ${MAX_LINES}")
  endif()
  message("${TARGET}: the compiler printed ${count} lines (at most ${MAX_LINES})")
endif()
