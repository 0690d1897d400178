# Tests of model files, exported headers and pictures, and the model loader's fuzzer; included by
# trainer/CMakeLists.txt when tests are on.
set(trainer_dir ${CMAKE_CURRENT_LIST_DIR})

# ctnn_io_samples trains XOR (seed 1) and writes a model file, two exported headers, and every
# kind of SVG and CSV into a directory; the tests below check what it wrote.
add_executable(ctnn_io_samples ${trainer_dir}/tests/io_samples.cpp)
target_link_libraries(ctnn_io_samples PRIVATE ctnn_trainer)
ctnn_set_warnings(ctnn_io_samples)
set(io_samples_dir ${CMAKE_CURRENT_BINARY_DIR}/io_files)
add_test(NAME io.samples COMMAND ctnn_io_samples ${io_samples_dir})
set_tests_properties(io.samples PROPERTIES FIXTURES_SETUP io_samples)

# The SVGs are well-formed XML, by libxml2's own parser (Debian: libxml2-utils).
find_program(CTNN_XMLLINT xmllint)
if(CTNN_XMLLINT)
  foreach(picture IN ITEMS xor_learning_curve xor_network or_network deep_network
                           xor_solved_fraction)
    add_test(NAME svg.well_formed.${picture}
             COMMAND ${CTNN_XMLLINT} --noout ${io_samples_dir}/${picture}.svg)
    set_tests_properties(svg.well_formed.${picture} PROPERTIES FIXTURES_REQUIRED io_samples)
  endforeach()
else()
  message(WARNING "xmllint not found (Debian: libxml2-utils): no svg.well_formed tests")
endif()

# An exported header compiles into an outside program whose static_asserts check its predictions,
# and which checks them again at run time.
add_test(NAME export.header
         COMMAND ${CMAKE_COMMAND} "-Dctnn_source_dir=${PROJECT_SOURCE_DIR}"
                 "-Dgenerated_dir=${io_samples_dir}"
                 "-Dwork_dir=${CMAKE_CURRENT_BINARY_DIR}/export_consumer"
                 "-Dgenerator=${CMAKE_GENERATOR}" "-Dmake_program=${CMAKE_MAKE_PROGRAM}"
                 "-Dcxx_compiler=${CMAKE_CXX_COMPILER}" "-Dconfig=$<CONFIG>"
                 "-Dboost_dir=${Boost_DIR}" -P ${trainer_dir}/tests/export_consumer/run.cmake)
set_tests_properties(export.header PROPERTIES FIXTURES_REQUIRED io_samples)

# libFuzzer (Clang only; Debian's libclang-rt-14-dev) on the model loader (parse_model, and
# load_model on a temporary file: ctnn's <ctnn/model_file.hpp> with the trainer's task), with ASan
# and UBSan, for a bounded time. New inputs go to the
# build tree; trainer/fuzz/corpus is read only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  include(CheckCXXSourceCompiles)
  set(CMAKE_REQUIRED_FLAGS -fsanitize=fuzzer)
  set(CMAKE_REQUIRED_LINK_OPTIONS -fsanitize=fuzzer)
  check_cxx_source_compiles(
    "#include <cstddef>\n#include <cstdint>\n
     extern \"C\" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }"
    CTNN_HAVE_LIBFUZZER)
  unset(CMAKE_REQUIRED_FLAGS)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  if(CTNN_HAVE_LIBFUZZER)
    set(CTNN_FUZZ_SECONDS 20 CACHE STRING "How long the fuzz.model_loader test fuzzes")
    # Its own build of the loader: coverage instrumentation must reach the code under test.
    add_executable(ctnn_fuzz_model_loader ${trainer_dir}/fuzz/model_loader.cpp
                                          ${trainer_dir}/src/model_io.cpp)
    target_include_directories(ctnn_fuzz_model_loader PRIVATE ${trainer_dir}/src)
    target_link_libraries(ctnn_fuzz_model_loader PRIVATE ctnn::ctnn)
    set(fuzz_options -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
    target_compile_options(ctnn_fuzz_model_loader PRIVATE ${fuzz_options})
    target_link_options(ctnn_fuzz_model_loader PRIVATE ${fuzz_options})
    ctnn_set_warnings(ctnn_fuzz_model_loader)
    set(fuzz_dir ${CMAKE_CURRENT_BINARY_DIR}/fuzz)
    file(MAKE_DIRECTORY ${fuzz_dir}/corpus)
    # -max_len fits the corpus's deep_nesting.json (100000 levels, 200 KB): the nesting that
    # overflowed the stack needs that much input.
    add_test(NAME fuzz.model_loader
             COMMAND ctnn_fuzz_model_loader -max_total_time=${CTNN_FUZZ_SECONDS} -max_len=262144
                     -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                     -dict=${trainer_dir}/fuzz/model_loader.dict -artifact_prefix=${fuzz_dir}/
                     ${fuzz_dir}/corpus ${trainer_dir}/fuzz/corpus
             WORKING_DIRECTORY ${fuzz_dir})
  else()
    message(WARNING "clang cannot link -fsanitize=fuzzer (Debian: libclang-rt-14-dev): "
                    "no fuzz.model_loader test")
  endif()
endif()
