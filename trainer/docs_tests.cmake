# Tests of the trainer's documentation: its manual page, generated from docs/trainer.md, and the
# page kept in step with the program's --help. Included by trainer/CMakeLists.txt with the tests.
# SPDX-License-Identifier: BSL-1.0

# docs.man_page: groff formats ctnn-train.1 with every warning on (-ww) and output discarded (-z);
# any warning fails the test.
find_program(CTNN_GROFF groff)
if(CTNN_GROFF)
  add_test(NAME docs.man_page
           COMMAND ${CMAKE_COMMAND} -Dgroff=${CTNN_GROFF} -Dpage=${ctnn_man_page}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/man_page_check.cmake)
else()
  message(STATUS "ctnn: not testing the manual page (missing: groff)")
endif()

# docs.trainer_flags: every command and flag that `ctnn-train --help` and `ctnn-train <command>
# --help` list is on docs/trainer.md, and every --flag that the page names is one of them.
add_test(NAME docs.trainer_flags
         COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/docs/check_trainer_flags.py
                 $<TARGET_FILE:ctnn-train> ${PROJECT_SOURCE_DIR}/docs/trainer.md)
