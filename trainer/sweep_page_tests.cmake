# Tests of the sweep's page (sweep-<task>.html) and its commands; included by
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

# The page in headless Chromium (trainer/tests/browser/browser.py), with Debian's Python, which
# has Selenium (scripts/install-deps.sh installs it, Chromium and its driver).
set(sweep_page_browser_ready FALSE)
if(EXISTS /usr/bin/chromium AND EXISTS /usr/bin/chromedriver AND EXISTS /usr/bin/python3)
  execute_process(COMMAND /usr/bin/python3 -c "import selenium, html5lib, PIL"
                  RESULT_VARIABLE sweep_page_modules OUTPUT_QUIET ERROR_QUIET)
  if(sweep_page_modules EQUAL 0)
    set(sweep_page_browser_ready TRUE)
  endif()
endif()
if(sweep_page_browser_ready)
  add_test(NAME browser.sweep_page
           COMMAND /usr/bin/python3 ${sweep_page_dir}/tests/browser/sweep_page_test.py
                   $<TARGET_FILE:ctnn-train> ${CMAKE_CURRENT_BINARY_DIR}/browser_sweep_page)
  set_tests_properties(browser.sweep_page PROPERTIES RESOURCE_LOCK browser TIMEOUT 60)
else()
  message(STATUS "no /usr/bin/chromium, /usr/bin/chromedriver, or /usr/bin/python3 with "
                 "selenium, html5lib and PIL: no browser.sweep_page test")
endif()
