# The `micropython` interpreter target and the functions that put sources and modules into it.
include_guard(GLOBAL)

find_package(Python3 REQUIRED COMPONENTS Interpreter)
include(MpbindManifest)

set(MPBIND_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")
set(MPBIND_PORT_DIR "${CMAKE_SOURCE_DIR}/port")
# Holds genhdr/ (qstrs, module list); searched before the core's own genhdr/ so ours win.
set(MPBIND_GENHDR_ROOT "${CMAKE_BINARY_DIR}/mpbind_genhdr")
set(MPBIND_MODULES_DIR "${CMAKE_BINARY_DIR}/mpbind_modules")
# Warnings for every C file of ours that runs in MicroPython; the core itself gets -Wall -Werror only.
set(MPBIND_OWN_C_WARNINGS -Wall -Wextra -Werror -Wno-unused-parameter)

if(NOT EXISTS "${MPCORE_DIR}/inc/py/mpconfig.h")
  message(FATAL_ERROR "MicroPython core not found in ${MPCORE_DIR}: run scripts/setup.sh ${CMAKE_BINARY_DIR} first")
endif()

# Include paths for anything compiled against the interpreter's headers (port config, core, generated qstrs).
add_library(mpbind_interp_headers INTERFACE)
target_include_directories(mpbind_interp_headers INTERFACE
  "${MPBIND_GENHDR_ROOT}" "${MPBIND_PORT_DIR}" "${MPCORE_DIR}/inc")

add_executable(micropython)
set_target_properties(micropython PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
target_link_libraries(micropython PRIVATE mpbind_interp_headers m)
target_compile_options(micropython PRIVATE -Wall -Werror)

# _mpbind_absolute_paths(OUT path...): the paths made absolute, relative ones taken from the folder of the CMake
# file that called the public function (CMAKE_CURRENT_LIST_DIR is the caller's inside functions).
function(_mpbind_absolute_paths out_var)
  set(result "")
  foreach(path IN LISTS ARGN)
    get_filename_component(path "${path}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_LIST_DIR}")
    list(APPEND result "${path}")
  endforeach()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

# mpbind_add_interp_sources(SOURCES c... [INCLUDE_DIRS d...] [LIBRARIES l...] [COMPILE_OPTIONS o...] [CORE])
# Adds C sources to the interpreter; they go through the qstr scan. CORE marks MicroPython's own files
# (no -Wextra). Relative paths are taken from the calling CMake file's folder.
function(mpbind_add_interp_sources)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "CORE" "" "SOURCES;INCLUDE_DIRS;LIBRARIES;COMPILE_OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "mpbind_add_interp_sources: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  _mpbind_absolute_paths(abs_sources ${ARG_SOURCES})
  _mpbind_absolute_paths(abs_dirs ${ARG_INCLUDE_DIRS})
  target_sources(micropython PRIVATE ${abs_sources})
  if(abs_dirs)
    target_include_directories(micropython PRIVATE ${abs_dirs})
  endif()
  if(ARG_LIBRARIES)
    target_link_libraries(micropython PRIVATE ${ARG_LIBRARIES})
  endif()
  set(options ${ARG_COMPILE_OPTIONS})
  if(NOT ARG_CORE)
    list(PREPEND options ${MPBIND_OWN_C_WARNINGS})
  endif()
  if(abs_sources AND options)
    set_property(SOURCE ${abs_sources} TARGET_DIRECTORY micropython APPEND PROPERTY COMPILE_OPTIONS ${options})
  endif()
  set_property(GLOBAL APPEND PROPERTY MPBIND_INTERP_SOURCES ${abs_sources})
endfunction()

# mpbind_add_module(NAME name [HEADERS h...] [SOURCES c...] [INCLUDE_DIRS d...] [LIBRARIES l...]
#                   [OPTIONS generator-args...] [CLANG_ARGS args...] [COMPILE_OPTIONS o...]
#                   [GENERATED_COMPILE_OPTIONS o...])
# Declares the builtin module `name`. Without HEADERS, SOURCES define `mp_module_<name>` by hand; with HEADERS,
# the generator writes mp_<name>.c at build time and SOURCES are the library or helper C compiled beside it.
# COMPILE_OPTIONS apply to SOURCES (after our warning flags, so a third-party file may relax them);
# GENERATED_COMPILE_OPTIONS to the generated C (a port's choices, such as -DMPB_PARAM_NAMES=0).
function(mpbind_add_module)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "NAME"
    "HEADERS;SOURCES;INCLUDE_DIRS;LIBRARIES;OPTIONS;CLANG_ARGS;COMPILE_OPTIONS;GENERATED_COMPILE_OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "mpbind_add_module: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_NAME MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "mpbind_add_module: NAME '${ARG_NAME}' is not a valid module name")
  endif()
  get_property(known GLOBAL PROPERTY MPBIND_MODULES)
  if(ARG_NAME IN_LIST known)
    message(FATAL_ERROR "mpbind_add_module: module '${ARG_NAME}' is declared twice")
  endif()
  if(NOT ARG_HEADERS AND NOT ARG_SOURCES)
    message(FATAL_ERROR "mpbind_add_module(${ARG_NAME}): give HEADERS to generate it or SOURCES that define it")
  endif()
  set_property(GLOBAL APPEND PROPERTY MPBIND_MODULES "${ARG_NAME}")
  # For the manifest (cmake/MpbindManifest.cmake): what compiling the module for another target needs.
  _mpbind_absolute_paths(manifest_sources ${ARG_SOURCES})
  _mpbind_absolute_paths(manifest_dirs ${ARG_INCLUDE_DIRS})
  set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_SOURCES "${manifest_sources}")
  set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_INCLUDE_DIRS "${manifest_dirs}")
  set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_USER_DIR "${MPBIND_DECLARING_USER_DIR}")
  if(ARG_SOURCES)
    mpbind_add_interp_sources(SOURCES ${ARG_SOURCES} INCLUDE_DIRS ${ARG_INCLUDE_DIRS} LIBRARIES ${ARG_LIBRARIES}
      COMPILE_OPTIONS ${ARG_COMPILE_OPTIONS})
  elseif(ARG_INCLUDE_DIRS OR ARG_LIBRARIES)
    mpbind_add_interp_sources(INCLUDE_DIRS ${ARG_INCLUDE_DIRS} LIBRARIES ${ARG_LIBRARIES})
  endif()
  if(ARG_HEADERS)
    # The generator runs from the top directory at finalize time (custom command outputs must live
    # where the interpreter target is), so remember everything with absolute paths. Each header's folder is an
    # include directory, so the generated C names it as "name.h", never by a path of the build machine. A system
    # folder (/usr/include/lodepng.h) is searched after the compiler's own ones (-idirafter): a cross compiler
    # finds the header there without taking the build machine's C library.
    _mpbind_absolute_paths(headers ${ARG_HEADERS})
    set(header_dirs "")
    set(system_dirs "")
    foreach(header IN LISTS headers)
      get_filename_component(dir "${header}" DIRECTORY)
      if(dir IN_LIST MPBIND_SYSTEM_INCLUDE_DIRS)
        list(APPEND system_dirs "${dir}")
      else()
        list(APPEND header_dirs "${dir}")
      endif()
    endforeach()
    list(REMOVE_DUPLICATES header_dirs)
    list(REMOVE_DUPLICATES system_dirs)
    mpbind_add_interp_sources(INCLUDE_DIRS ${header_dirs})
    set_property(GLOBAL APPEND PROPERTY MPBIND_MODULE_${ARG_NAME}_INCLUDE_DIRS ${header_dirs})
    set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_SYSTEM_DIRS ${system_dirs})
    _mpbind_absolute_paths(clang_args ${ARG_INCLUDE_DIRS})
    list(APPEND clang_args ${header_dirs})
    list(REMOVE_DUPLICATES clang_args)
    list(TRANSFORM clang_args PREPEND "-I")
    list(APPEND clang_args ${ARG_CLANG_ARGS})
    set_property(GLOBAL APPEND PROPERTY MPBIND_GENERATED_MODULES "${ARG_NAME}")
    set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_HEADERS "${headers}")
    set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_OPTIONS "${ARG_OPTIONS}")
    set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_CLANG_ARGS "${clang_args}")
    set_property(GLOBAL PROPERTY MPBIND_MODULE_${ARG_NAME}_C_OPTIONS "${ARG_GENERATED_COMPILE_OPTIONS}")
  endif()
endfunction()

# Folders the host's C compiler searches by itself (a header there is included by name without -I).
set(MPBIND_SYSTEM_INCLUDE_DIRS /usr/include /usr/local/include)
if(NOT CMAKE_CROSSCOMPILING)
  list(APPEND MPBIND_SYSTEM_INCLUDE_DIRS ${CMAKE_C_IMPLICIT_INCLUDE_DIRECTORIES})
endif()

# The generator must see a header as the compiler will: the same C standard (strict C99, as every
# interpreter source) and the build type's -D flags (sqlite3.h declares functions only without NDEBUG).
# The module's own CLANG_ARGS come after, so they can override.
function(_mpbind_build_clang_args out_var)
  string(TOUPPER "${CMAKE_BUILD_TYPE}" build_type)
  separate_arguments(flags UNIX_COMMAND "${CMAKE_C_FLAGS} ${CMAKE_C_FLAGS_${build_type}}")
  set(args -std=c99)
  foreach(flag IN LISTS flags)
    if(flag MATCHES "^-[DU]")
      list(APPEND args "${flag}")
    endif()
  endforeach()
  set(${out_var} "${args}" PARENT_SCOPE)
endfunction()

# Adds the build rule that runs the generator for one HEADERS module.
function(_mpbind_generate_module name)
  get_property(headers GLOBAL PROPERTY MPBIND_MODULE_${name}_HEADERS)
  get_property(options GLOBAL PROPERTY MPBIND_MODULE_${name}_OPTIONS)
  get_property(clang_args GLOBAL PROPERTY MPBIND_MODULE_${name}_CLANG_ARGS)
  _mpbind_build_clang_args(build_args)
  # Layouts for the compiler that builds the module (cmake/MpbindTarget.cmake).
  set(target "")
  if(MPBIND_TARGET_TRIPLE)
    set(target --target "${MPBIND_TARGET_TRIPLE}")
  endif()
  set(out "${MPBIND_MODULES_DIR}/mp_${name}.c")
  # The .pyi stub beside the C, for Python tools (tests/stubs checks every stub against its module).
  set(stub "${MPBIND_MODULES_DIR}/mp_${name}.pyi")
  set_property(GLOBAL PROPERTY MPBIND_MODULE_${name}_GENERATOR_ARGS ${options} ${headers} -- ${build_args} ${clang_args})
  add_custom_command(
    OUTPUT "${out}" "${stub}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${MPBIND_MODULES_DIR}"
    COMMAND $<TARGET_FILE:mpbind> -M ${name} -o "${out}" --pyi "${stub}" ${target} ${options} ${headers} --
            ${build_args} ${clang_args}
    DEPENDS mpbind ${headers}
    COMMENT "mpbind: generating module ${name}"
    COMMAND_EXPAND_LISTS VERBATIM)
  get_property(system_dirs GLOBAL PROPERTY MPBIND_MODULE_${name}_SYSTEM_DIRS)
  set(after "")
  foreach(dir IN LISTS system_dirs)
    list(APPEND after -idirafter "${dir}")
  endforeach()
  get_property(c_options GLOBAL PROPERTY MPBIND_MODULE_${name}_C_OPTIONS)
  mpbind_add_interp_sources(SOURCES "${out}" COMPILE_OPTIONS ${after} ${c_options})
endfunction()

# Runs once after every folder was read: generator rules, the builtin module list and the qstr pipeline.
function(_mpbind_finalize_interp)
  get_property(generated GLOBAL PROPERTY MPBIND_GENERATED_MODULES)
  get_property(modules GLOBAL PROPERTY MPBIND_MODULES)
  foreach(name IN LISTS generated)
    if(TARGET mpbind)
      _mpbind_generate_module(${name})
    else()
      message(WARNING "module '${name}' needs the generator target 'mpbind', which does not exist: left out")
      list(REMOVE_ITEM modules ${name})
    endif()
  endforeach()

  set(decls "")
  set(entries "")
  foreach(name IN LISTS modules)
    string(APPEND decls "extern const struct _mp_obj_module_t mp_module_${name};\n")
    string(APPEND entries "    { MP_ROM_QSTR(MP_QSTR_${name}), MP_ROM_PTR(&mp_module_${name}) }, \\\n")
  endforeach()
  file(CONFIGURE OUTPUT "${MPBIND_GENHDR_ROOT}/genhdr/mpbind_modules.h" @ONLY CONTENT
"// Generated by CMake from the mpbind_add_module() calls: the interpreter's builtin modules.
${decls}
#define MPBIND_BUILTIN_MODULES \\
${entries}
")

  get_property(sources GLOBAL PROPERTY MPBIND_INTERP_SOURCES)
  list(JOIN sources "\n" source_lines)
  file(CONFIGURE OUTPUT "${MPBIND_GENHDR_ROOT}/qstr_sources.txt" CONTENT "${source_lines}\n" @ONLY)
  set(qstr_header "${MPBIND_GENHDR_ROOT}/genhdr/qstrdefs.generated.h")
  add_custom_command(
    OUTPUT "${qstr_header}"
    COMMAND "${Python3_EXECUTABLE}" "${MPBIND_CMAKE_DIR}/mpbind_qstr.py"
            --compile-commands "${CMAKE_BINARY_DIR}/compile_commands.json"
            --sources "${MPBIND_GENHDR_ROOT}/qstr_sources.txt"
            --qstrdefs "${MPCORE_DIR}/inc/py/qstrdefs.h" "${MPBIND_PORT_DIR}/qstrdefsport.h"
            --makeqstrdata "${MPCORE_DIR}/source/py/makeqstrdata.py"
            --output "${qstr_header}"
    DEPENDS ${sources} "${MPBIND_CMAKE_DIR}/mpbind_qstr.py" "${MPBIND_PORT_DIR}/qstrdefsport.h"
            "${MPBIND_PORT_DIR}/mpconfigport.h" "${MPBIND_GENHDR_ROOT}/genhdr/mpbind_modules.h"
            "${MPBIND_GENHDR_ROOT}/qstr_sources.txt"
    COMMENT "Generating qstrs from ${CMAKE_BINARY_DIR}/compile_commands.json"
    VERBATIM)
  target_sources(micropython PRIVATE "${qstr_header}")
  mpbind_write_manifest("${CMAKE_BINARY_DIR}/mpbind_modules.json")
endfunction()

cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _mpbind_finalize_interp)
