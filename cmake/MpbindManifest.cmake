# mpbind_write_manifest(FILE): every module of the interpreter as JSON, for tools that build them for another
# target (cmake/mpbind_cross_compile.py: the xtensa checks and the bench's sizes).
include_guard(GLOBAL)

# [{"name", "generated", "generator_args" (mpbind's arguments after -M/-o: options, headers, -- and clang
#   arguments), "sources", "include_dirs", "system_dirs" (system folders of the build machine holding bound headers,
#   searched after the target's own), "user_dir" ("" unless declared by a USER_C_MODULES folder)}, ...]
function(mpbind_write_manifest file)
  get_property(modules GLOBAL PROPERTY MPBIND_MODULES)
  get_property(generated GLOBAL PROPERTY MPBIND_GENERATED_MODULES)
  set(json "[]")
  set(i 0)
  foreach(name IN LISTS modules)
    set(entry "{}")
    string(JSON entry SET "${entry}" name "\"${name}\"")
    if(name IN_LIST generated)
      string(JSON entry SET "${entry}" generated true)
    else()
      string(JSON entry SET "${entry}" generated false)
    endif()
    foreach(key GENERATOR_ARGS SOURCES INCLUDE_DIRS SYSTEM_DIRS)
      get_property(values GLOBAL PROPERTY MPBIND_MODULE_${name}_${key})
      _mpbind_json_strings(array ${values})
      string(TOLOWER "${key}" json_key)
      string(JSON entry SET "${entry}" ${json_key} "${array}")
    endforeach()
    get_property(user_dir GLOBAL PROPERTY MPBIND_MODULE_${name}_USER_DIR)
    _mpbind_json_string(user "${user_dir}")
    string(JSON entry SET "${entry}" user_dir "${user}")
    string(JSON json SET "${json}" ${i} "${entry}")
    math(EXPR i "${i} + 1")
  endforeach()
  file(CONFIGURE OUTPUT "${file}" CONTENT "${json}\n" @ONLY)
endfunction()

# A JSON string of `value` (quotes and backslashes escaped).
function(_mpbind_json_string out_var value)
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  set(${out_var} "\"${value}\"" PARENT_SCOPE)
endfunction()

# A JSON array of the strings given.
function(_mpbind_json_strings out_var)
  set(array "[]")
  set(i 0)
  foreach(value IN LISTS ARGN)
    _mpbind_json_string(quoted "${value}")
    string(JSON array SET "${array}" ${i} "${quoted}")
    math(EXPR i "${i} + 1")
  endforeach()
  set(${out_var} "${array}" PARENT_SCOPE)
endfunction()
