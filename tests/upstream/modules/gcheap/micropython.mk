# A USER_C_MODULES folder binding tests/fixtures/gcheap with an installed mpbind (make MPBIND_PREFIX=<prefix>):
# its state in the GC heap (--gc-root), a declared-but-undefined function left out (--block).
GCHEAP_DIR := $(abspath $(USERMOD_DIR)/../../../fixtures/gcheap)
MPBIND_MODULE := gcheap
MPBIND_HEADERS := $(GCHEAP_DIR)/gcheap.h
MPBIND_OPTIONS := --prefix gch_ --gc-root gch_roots=gch_state_t --gc-hooks gch_init_gc,gch_deinit_gc \
                  --block gch_default
MPBIND_CLANG_ARGS := -I$(GCHEAP_DIR)
include $(MPBIND_PREFIX)/share/mpbind/mpbind.mk
SRC_USERMOD_LIB_C += $(GCHEAP_DIR)/gcheap.c
