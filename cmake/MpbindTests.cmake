# Test registration: GoogleTest executables and the MicroPython test_*.py / test_*.exp pairs.
include_guard(GLOBAL)

set(MPBIND_PY_TEST_RUNNER "${CMAKE_SOURCE_DIR}/tests/tools/run_py_test.py")
# Exit code with which a test reports "skipped" (a MicroPython test printing SKIP).
set(MPBIND_SKIP_RETURN_CODE 77)
# How long one MicroPython script may run (s): an emulated interpreter (the 32-bit pass under qemu-user) runs several
# times slower, and more so on a loaded machine, so its scripts get longer. CTest's own limit sits a minute above.
if(CMAKE_CROSSCOMPILING_EMULATOR)
  set(MPBIND_PY_TEST_TIMEOUT 900)
else()
  set(MPBIND_PY_TEST_TIMEOUT 240)
endif()
math(EXPR MPBIND_CTEST_TIMEOUT "${MPBIND_PY_TEST_TIMEOUT} + 60")

# mpbind_add_gtest(NAME name SOURCES s... [LIBRARIES l...] [INCLUDE_DIRS d...] [TEST_FILTER gtest-filter])
# One GoogleTest executable whose tests CTest discovers one by one (those TEST_FILTER selects, when given).
function(mpbind_add_gtest)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "NAME;TEST_FILTER" "SOURCES;LIBRARIES;INCLUDE_DIRS")
  if(NOT ARG_NAME OR NOT ARG_SOURCES)
    message(FATAL_ERROR "mpbind_add_gtest: NAME and SOURCES are required")
  endif()
  find_package(GTest REQUIRED)
  include(GoogleTest)
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_compile_options(${ARG_NAME} PRIVATE -Wall -Wextra)
  target_include_directories(${ARG_NAME} PRIVATE ${ARG_INCLUDE_DIRS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBRARIES} GTest::gtest_main)
  set(filter "")
  if(ARG_TEST_FILTER)
    set(filter TEST_FILTER "${ARG_TEST_FILTER}")
  endif()
  if(MPBIND_SANITIZER_ENV)
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60 ${filter} PROPERTIES ENVIRONMENT "${MPBIND_SANITIZER_ENV}")
  else()
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60 ${filter})
  endif()
endfunction()

# mpbind_add_py_tests(DIR dir PREFIX name)
# Every test_*.py under DIR becomes the CTest test PREFIX/<relative path>, run by the host interpreter
# with MICROPYPATH set to drivers/ and its output compared exactly with test_*.exp beside it.
function(mpbind_add_py_tests)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "DIR;PREFIX" "")
  file(GLOB_RECURSE scripts CONFIGURE_DEPENDS "${ARG_DIR}/test_*.py")
  list(SORT scripts)
  foreach(script IN LISTS scripts)
    file(RELATIVE_PATH rel "${ARG_DIR}" "${script}")
    string(REGEX REPLACE "\\.py$" "" rel "${rel}")
    string(REGEX REPLACE "\\.py$" ".exp" exp "${script}")
    add_test(NAME "${ARG_PREFIX}/${rel}"
      COMMAND "${Python3_EXECUTABLE}" "${MPBIND_PY_TEST_RUNNER}"
              --micropython ${MPBIND_MICROPYTHON} --path "${CMAKE_SOURCE_DIR}/drivers"
              --script "${script}" --exp "${exp}" --timeout ${MPBIND_PY_TEST_TIMEOUT})
    set_tests_properties("${ARG_PREFIX}/${rel}" PROPERTIES
      SKIP_RETURN_CODE ${MPBIND_SKIP_RETURN_CODE} TIMEOUT ${MPBIND_CTEST_TIMEOUT} ENVIRONMENT "${MPBIND_SANITIZER_ENV}")
  endforeach()
endfunction()
