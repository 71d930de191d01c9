# A second module of the same build (tests/fixtures/scalars): mpbind's runtime is compiled once for both.
SCALARS_DIR := $(abspath $(USERMOD_DIR)/../../../fixtures/scalars)
MPBIND_MODULE := scalars
MPBIND_HEADERS := $(SCALARS_DIR)/scalars.h
MPBIND_OPTIONS := --prefix sc_
MPBIND_CLANG_ARGS := -I$(SCALARS_DIR)
include $(MPBIND_PREFIX)/share/mpbind/mpbind.mk
SRC_USERMOD_LIB_C += $(SCALARS_DIR)/scalars.c
