# mpbind.cmake: binds C headers into a MicroPython module while upstream MicroPython builds with CMake (the esp32
# port under ESP-IDF, rp2, ...): `make USER_C_MODULES=/path/to/micropython.cmake` (or `idf.py -D
# USER_C_MODULES=...`), where that file includes this one (as installed: <prefix>/share/mpbind/mpbind.cmake) and
# calls, once per module:
#
#   mpbind_usermod(NAME mylib
#     HEADERS      ${CMAKE_CURRENT_LIST_DIR}/mylib.h     the headers to bind
#     OPTIONS      --prefix mylib_                       mpbind's options (`mpbind --help`)
#     CLANG_ARGS   -I${CMAKE_CURRENT_LIST_DIR}           what clang needs to parse the headers (-I/-D also compile)
#     SOURCES      ${CMAKE_CURRENT_LIST_DIR}/mylib.c     the library's own sources, if it has any
#     INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}             for compiling the module and the sources
#     DEPENDS      ...)                                  other files whose change regenerates the module
#
# The module is generated at build time into ${CMAKE_BINARY_DIR}/mpbind/NAME/ (with NAME.json, every declaration
# and why it was or was not bound), as an INTERFACE library usermod_NAME linked into MicroPython's `usermod`.
# Cross-compiling (ESP-IDF), mpbind lays the structs out for the compiler's own target (`cc -dumpmachine`, unless
# OPTIONS has --target) and reads that compiler's C library headers, so the module's layout checks pass.
include_guard(GLOBAL)

set(MPBIND_SHARE "${CMAKE_CURRENT_LIST_DIR}")
if(NOT MPBIND)
  get_filename_component(MPBIND "${MPBIND_SHARE}/../../bin/mpbind" ABSOLUTE)
endif()
if(NOT EXISTS "${MPBIND}")
  message(FATAL_ERROR "mpbind.cmake: no generator at ${MPBIND} (set MPBIND to its path)")
endif()

# The runtime every generated module links, once per build.
file(GLOB MPBIND_RUNTIME_SOURCES "${MPBIND_SHARE}/runtime/*.c")
add_library(usermod_mpbind_runtime INTERFACE)
target_sources(usermod_mpbind_runtime INTERFACE ${MPBIND_RUNTIME_SOURCES})
target_include_directories(usermod_mpbind_runtime INTERFACE "${MPBIND_SHARE}/runtime")
target_link_libraries(usermod INTERFACE usermod_mpbind_runtime)

# What a cross compiler adds to the command: its target triple and its own include folders (clang's stand-in for
# a target it lacks knows no C library).
function(_mpbind_target_args out_var options)
  set(args "")
  if(CMAKE_CROSSCOMPILING AND NOT "--target" IN_LIST options)
    execute_process(COMMAND "${CMAKE_C_COMPILER}" -dumpmachine OUTPUT_VARIABLE triple
      OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed)
    if(NOT failed AND triple)
      list(APPEND args --target "${triple}")
    endif()
  endif()
  set(${out_var} "${args}" PARENT_SCOPE)
endfunction()

function(mpbind_usermod)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "NAME" "HEADERS;OPTIONS;CLANG_ARGS;SOURCES;INCLUDE_DIRS;DEPENDS")
  if(NOT ARG_NAME OR NOT ARG_HEADERS)
    message(FATAL_ERROR "mpbind_usermod: NAME and HEADERS are required")
  endif()
  set(out "${CMAKE_BINARY_DIR}/mpbind/${ARG_NAME}")
  _mpbind_target_args(target_args "${ARG_OPTIONS}")
  set(system_dirs "")
  if(target_args)
    foreach(dir IN LISTS CMAKE_C_IMPLICIT_INCLUDE_DIRECTORIES)
      list(APPEND system_dirs -idirafter "${dir}")
    endforeach()
  endif()
  add_custom_command(
    OUTPUT "${out}/mp_${ARG_NAME}.c" "${out}/${ARG_NAME}.json"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${out}"
    COMMAND "${MPBIND}" -M ${ARG_NAME} ${target_args} ${ARG_OPTIONS} -o "${out}/mp_${ARG_NAME}.c"
            --json "${out}/${ARG_NAME}.json" ${ARG_HEADERS} -- ${ARG_CLANG_ARGS} ${system_dirs}
    DEPENDS ${ARG_HEADERS} ${ARG_DEPENDS} "${MPBIND}"
    COMMENT "mpbind: module ${ARG_NAME}"
    VERBATIM)
  set(definitions "")
  set(includes ${ARG_INCLUDE_DIRS})
  foreach(arg IN LISTS ARG_CLANG_ARGS)
    if(arg MATCHES "^-I(.+)")
      list(APPEND includes "${CMAKE_MATCH_1}")
    elseif(arg MATCHES "^-D(.+)")
      list(APPEND definitions "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  add_library(usermod_${ARG_NAME} INTERFACE)
  target_sources(usermod_${ARG_NAME} INTERFACE "${out}/mp_${ARG_NAME}.c" ${ARG_SOURCES})
  target_include_directories(usermod_${ARG_NAME} INTERFACE ${includes})
  target_compile_definitions(usermod_${ARG_NAME} INTERFACE ${definitions})
  target_link_libraries(usermod INTERFACE usermod_${ARG_NAME})
endfunction()
