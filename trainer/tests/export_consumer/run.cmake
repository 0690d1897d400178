# Builds and runs the export consumer against headers ctnn-train exported into generated_dir.
# SPDX-License-Identifier: BSL-1.0
#
# cmake -D ctnn_source_dir=... -D generated_dir=... -D work_dir=... -D generator=...
#       [-D make_program=...] -D cxx_compiler=... [-D config=...] [-D boost_dir=...] -P run.cmake
cmake_minimum_required(VERSION 3.21)

set(consumer_label "export consumer")
include(${CMAKE_CURRENT_LIST_DIR}/../../../cmake/consumer_steps.cmake)
require_script_variables(ctnn_source_dir generated_dir work_dir generator cxx_compiler)

file(REMOVE_RECURSE ${work_dir})
configure_consumer(${CMAKE_CURRENT_LIST_DIR} ${work_dir} -Dctnn_source_dir=${ctnn_source_dir}
                   -Dgenerated_dir=${generated_dir})
build_and_run_consumer(${work_dir} "build (the static_asserts run here)")
