# The trainer's browser tests: the HTML report of each task in a headless Chromium
# (tests/browser/report_test.py, run by Debian's /usr/bin/python3 with Selenium). Included by
# trainer/CMakeLists.txt when tests are on; skipped, saying so, without Chromium, its driver or
# Selenium (scripts/install-deps.sh installs them).
# SPDX-License-Identifier: BSL-1.0
set(ctnn_browser_python /usr/bin/python3)
set(ctnn_browser_missing "")
foreach(program IN ITEMS /usr/bin/chromium /usr/bin/chromedriver ${ctnn_browser_python})
  if(NOT EXISTS ${program})
    list(APPEND ctnn_browser_missing ${program})
  endif()
endforeach()
if(NOT ctnn_browser_missing)
  execute_process(COMMAND ${ctnn_browser_python} -c "import selenium, html5lib, PIL"
                  RESULT_VARIABLE ctnn_browser_modules OUTPUT_QUIET ERROR_QUIET)
  if(NOT ctnn_browser_modules EQUAL 0)
    list(APPEND ctnn_browser_missing "selenium, html5lib or PIL for ${ctnn_browser_python}")
  endif()
endif()
if(ctnn_browser_missing)
  list(JOIN ctnn_browser_missing ", " missing)
  message(STATUS "Browser tests skipped: no ${missing}")
  return()
endif()
foreach(task IN ITEMS or or-tanh xor)
  string(REPLACE "-" "_" name ${task})
  add_test(NAME browser.report_${name}
           COMMAND ${ctnn_browser_python} ${CMAKE_CURRENT_LIST_DIR}/tests/browser/report_test.py
                   $<TARGET_FILE:ctnn-train> ${task})
  # One Chromium at a time: two on two cores make each slow enough to time out.
  set_tests_properties(browser.report_${name} PROPERTIES RESOURCE_LOCK browser TIMEOUT 60
                                                         FAIL_REGULAR_EXPRESSION "FAIL: ")
endforeach()
