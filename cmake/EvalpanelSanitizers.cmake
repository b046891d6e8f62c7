# EVALPANEL_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on every target of this tree (libs,
# plugins, test plugins, tests, tools), and the same flags for plugins built against the installed SDK.
# Included from the top CMakeLists.txt before any target is defined: add_compile_options applies to the
# targets of this directory and of every subdirectory added after it.
option(EVALPANEL_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
# EVALPANEL_FUZZ=ON (clang only): the same sanitizers, plus libFuzzer's coverage instrumentation on every
# target, so the fuzz targets in tests/fuzz see the coverage of the code they call (tools/fuzz.sh).
option(EVALPANEL_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)

if(EVALPANEL_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "EVALPANEL_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "-DCMAKE_C_COMPILER=clang; this is ${CMAKE_CXX_COMPILER_ID}")
  endif()
  # Clang does not know GCC's -Wshadow=local from EvalpanelWarnings; the rest of the set applies.
  add_compile_options(-fsanitize=fuzzer-no-link -Wno-unknown-warning-option)
  set(EVALPANEL_SANITIZE ON)
endif()

if(NOT EVALPANEL_SANITIZE)
  return()
endif()

# -fno-sanitize-recover: the first UB finding fails the test, instead of a line in a log nobody reads.
# -fno-omit-frame-pointer: whole stack traces in the reports, also through the fast unwinder.
set(EVALPANEL_SANITIZER_COMPILE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
set(EVALPANEL_SANITIZER_LINK_FLAGS -fsanitize=address,undefined)
add_compile_options(${EVALPANEL_SANITIZER_COMPILE_FLAGS})
# -O1, not the build type's -O3: GCC 12 takes 2-4x as long to compile at -O3 with the instrumentation (a
# report test: 9.7 s plain -O3, 50.6 s sanitized -O3, 22.8 s sanitized -O1), and -O1 is what the ASan
# documentation recommends for sanitized runs. It comes after CMAKE_CXX_FLAGS_RELEASE on the command line,
# so it wins. tests/CMakeLists.txt goes down to -O0 for the test programs themselves (11.1 s).
add_compile_options(-O1)
add_link_options(${EVALPANEL_SANITIZER_LINK_FLAGS})

# Runtime options for every test ctest starts (evalpanel_sanitizer_env.cmake.in says which and why).
set(EVALPANEL_SANITIZER_SUPPRESSIONS ${PROJECT_SOURCE_DIR}/tools/sanitizers/lsan.supp)
set(EVALPANEL_SANITIZER_TEST_ENV ${PROJECT_BINARY_DIR}/evalpanel_sanitizer_env.cmake)
configure_file(${CMAKE_CURRENT_LIST_DIR}/evalpanel_sanitizer_env.cmake.in ${EVALPANEL_SANITIZER_TEST_ENV} @ONLY)
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY TEST_INCLUDE_FILES ${EVALPANEL_SANITIZER_TEST_ENV})
