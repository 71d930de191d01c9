# MPBIND_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer for every target (see port/ for gc.c).
include_guard(GLOBAL)

# Known undefined behaviour inside the MicroPython core, reported by UBSan and not ours to fix.
set(MPBIND_UBSAN_SUPPRESSIONS "${CMAKE_CURRENT_LIST_DIR}/ubsan.supp")
set(MPBIND_SANITIZER_ENV "")
if(MPBIND_SANITIZE)
  # shift-base: MicroPython encodes small ints as (n << 1) | 1, negative n included (see ubsan.supp).
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=shift-base -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # One entry only: test properties take it as a single ENVIRONMENT value.
  set(MPBIND_SANITIZER_ENV
    "UBSAN_OPTIONS=suppressions=${MPBIND_UBSAN_SUPPRESSIONS}:print_stacktrace=1:halt_on_error=1")
endif()
