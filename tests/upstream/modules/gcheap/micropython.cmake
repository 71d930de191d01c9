# The same module for CMake builds (USER_C_MODULES=<this file>), with an installed mpbind: -DMPBIND_PREFIX=<prefix>.
include(${MPBIND_PREFIX}/share/mpbind/mpbind.cmake)
get_filename_component(GCHEAP_DIR "${CMAKE_CURRENT_LIST_DIR}/../../../fixtures/gcheap" ABSOLUTE)
mpbind_usermod(NAME gcheap
  HEADERS ${GCHEAP_DIR}/gcheap.h
  OPTIONS --prefix gch_ --gc-root gch_roots=gch_state_t --gc-hooks gch_init_gc,gch_deinit_gc --block gch_default
  CLANG_ARGS -I${GCHEAP_DIR}
  SOURCES ${GCHEAP_DIR}/gcheap.c)
