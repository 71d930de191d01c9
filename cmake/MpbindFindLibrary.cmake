# mpbind_find_c_library(PREFIX PKG name HEADER path NAMES lib...): a C library to bind, by pkg-config or by search.
include_guard(GLOBAL)

# Sets <PREFIX>_FOUND, <PREFIX>_INCLUDEDIR (the folder HEADER is relative to), <PREFIX>_INCLUDE_DIRS and
# <PREFIX>_LINK_LIBRARIES. pkg-config first; else find_path/find_library, which is how the armhf pass finds cairo
# (its .pc file requires the .pc files of a dozen -dev packages that pass does not unpack).
macro(mpbind_find_c_library prefix)
  cmake_parse_arguments(_mfcl "" "PKG;HEADER" "NAMES" ${ARGN})
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(${prefix} QUIET ${_mfcl_PKG})
  endif()
  if(NOT ${prefix}_FOUND)
    find_path(${prefix}_HEADER_ROOT ${_mfcl_HEADER})
    find_library(${prefix}_LIBRARY NAMES ${_mfcl_NAMES})
    if(${prefix}_HEADER_ROOT AND ${prefix}_LIBRARY)
      set(${prefix}_FOUND TRUE)
      set(${prefix}_INCLUDEDIR "${${prefix}_HEADER_ROOT}")
      get_filename_component(_mfcl_dir "${${prefix}_HEADER_ROOT}/${_mfcl_HEADER}" DIRECTORY)
      set(${prefix}_INCLUDE_DIRS "${_mfcl_dir}")
      set(${prefix}_LINK_LIBRARIES "${${prefix}_LIBRARY}")
    endif()
  endif()
endmacro()
