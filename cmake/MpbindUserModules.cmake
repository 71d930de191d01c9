# USER_C_MODULES: each listed folder's micropython.cmake declares modules with mpbind_add_module().
include_guard(GLOBAL)

set(MPBIND_USER_MODULE_DIRS "")
foreach(dir IN LISTS USER_C_MODULES)
  get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_SOURCE_DIR}")
  if(NOT EXISTS "${dir}/micropython.cmake")
    message(FATAL_ERROR "USER_C_MODULES: ${dir} has no micropython.cmake")
  endif()
  list(APPEND MPBIND_USER_MODULE_DIRS "${dir}")
  set(MPBIND_DECLARING_USER_DIR "${dir}") # recorded with the folder's modules (the xtensa checks compile them all)
  include("${dir}/micropython.cmake")  # relative paths in it are taken from its own folder
  unset(MPBIND_DECLARING_USER_DIR)
endforeach()
