# The trainer's pages in a headless Chromium: the HTML report of each task
# (tests/browser/report_test.py) and the sweep's page (tests/browser/sweep_page_test.py), run by
# Debian's /usr/bin/python3 with Selenium (tests/browser/browser.py). Included by
# trainer/CMakeLists.txt when tests are on. CTNN_BROWSER_TESTS: AUTO (the default) skips them,
# saying so, without Chromium, its driver or the Python modules; ON requires them
# (scripts/install-deps.sh installs them all); OFF skips them.
# SPDX-License-Identifier: BSL-1.0
set(CTNN_BROWSER_TESTS AUTO CACHE STRING
    "Test the trainer's pages in headless Chromium (needs chromium, chromium-driver, Selenium): AUTO, ON or OFF")
set_property(CACHE CTNN_BROWSER_TESTS PROPERTY STRINGS AUTO ON OFF)
string(TOUPPER "${CTNN_BROWSER_TESTS}" ctnn_browser_mode)
if(ctnn_browser_mode STREQUAL "OFF")
  return()
endif()

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
  if(ctnn_browser_mode STREQUAL "ON")
    message(FATAL_ERROR "CTNN_BROWSER_TESTS=ON, but these are missing: ${missing} "
                        "(scripts/install-deps.sh installs them)")
  endif()
  message(STATUS "Browser tests skipped: no ${missing}")
  return()
endif()

set(ctnn_browser_dir ${CMAKE_CURRENT_LIST_DIR}/tests/browser)
foreach(task IN ITEMS or or-tanh xor)
  string(REPLACE "-" "_" name ${task})
  add_test(NAME browser.report_${name}
           COMMAND ${ctnn_browser_python} ${ctnn_browser_dir}/report_test.py
                   $<TARGET_FILE:ctnn-train> ${task})
endforeach()
add_test(NAME browser.sweep_page
         COMMAND ${ctnn_browser_python} ${ctnn_browser_dir}/sweep_page_test.py
                 $<TARGET_FILE:ctnn-train> ${CMAKE_CURRENT_BINARY_DIR}/browser_sweep_page)
# One Chromium at a time: two on two cores make each slow enough to time out.
set_tests_properties(browser.report_or browser.report_or_tanh browser.report_xor
                     browser.sweep_page PROPERTIES RESOURCE_LOCK browser TIMEOUT 60
                                                   FAIL_REGULAR_EXPRESSION "FAIL: ")
