# mpbind.mk: binds C headers into a MicroPython module while upstream MicroPython builds with make (the unix port,
# and every port built with make): `make USER_C_MODULES=DIR`, where a folder DIR/<name>/micropython.mk sets these
# variables and includes this file (as installed: <prefix>/share/mpbind/mpbind.mk):
#
#   MPBIND_MODULE      the module's name (`import NAME`)
#   MPBIND_HEADERS     the headers to bind (absolute paths, or $(USERMOD_DIR)/...)
#   MPBIND_OPTIONS     mpbind's options (--prefix, --block, --gc-root, --target ...: `mpbind --help`)
#   MPBIND_CLANG_ARGS  what clang needs to parse the headers (-Idir, -DNAME=value, ...); the -I, -D and -U ones are
#                      given to the C compiler too
#   MPBIND_DEPENDS     other files whose change regenerates the module (headers the bound ones include, a config)
#
# The module is generated into $(BUILD)/mpbind/NAME/ (with NAME.json: every declaration, bound or not and why)
# whenever a header, the options or mpbind change; mpbind's runtime is compiled once however many modules a build
# binds. The library's own sources go where any user C module puts them (SRC_USERMOD_LIB_C). Including this file
# again after setting the variables anew binds another module.

MPBIND_SHARE := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
MPBIND ?= $(abspath $(MPBIND_SHARE)/../../bin/mpbind)

ifeq ($(strip $(MPBIND_MODULE)),)
$(error mpbind.mk: set MPBIND_MODULE (and MPBIND_HEADERS) before including it)
endif
ifeq ($(strip $(MPBIND_HEADERS)),)
$(error mpbind.mk: MPBIND_HEADERS is empty for module $(MPBIND_MODULE))
endif

# Once per build: the runtime every generated module links.
ifeq ($(MPBIND_RUNTIME_ADDED),)
MPBIND_RUNTIME_ADDED := 1
SRC_USERMOD_C += $(sort $(wildcard $(MPBIND_SHARE)/runtime/*.c))
CFLAGS_USERMOD += -I$(MPBIND_SHARE)/runtime
endif

# This module's settings, kept under its own name: the recipe runs after the variables have been set anew.
mpbind_name := $(strip $(MPBIND_MODULE))
MPBIND_C_$(mpbind_name) := $(BUILD)/mpbind/$(mpbind_name)/mp_$(mpbind_name).c
MPBIND_HEADERS_$(mpbind_name) := $(MPBIND_HEADERS)
MPBIND_OPTIONS_$(mpbind_name) := $(MPBIND_OPTIONS)
MPBIND_CLANG_ARGS_$(mpbind_name) := $(MPBIND_CLANG_ARGS)
MPBIND_DEPENDS_$(mpbind_name) := $(MPBIND_DEPENDS)
CFLAGS_USERMOD += $(filter -I% -D% -U%,$(MPBIND_CLANG_ARGS))
SRC_USERMOD_C += $(MPBIND_C_$(mpbind_name))

# The including Makefile keeps its default goal (a port may define `all:` only after the user modules).
mpbind_goal := $(.DEFAULT_GOAL)

# The command line is part of what the module depends on: changing an option regenerates it. The command file is
# rewritten only when its text changes (make re-reads its time after the recipe), so an unchanged command leaves the
# module alone.
$(shell mkdir -p $(BUILD)/mpbind/$(mpbind_name))
MPBIND_CMDLINE_$(mpbind_name) := $(MPBIND) -M $(mpbind_name) $(MPBIND_OPTIONS) $(MPBIND_HEADERS) -- $(MPBIND_CLANG_ARGS)
$(BUILD)/mpbind/$(mpbind_name)/command: MPBIND_THIS := $(mpbind_name)
$(BUILD)/mpbind/$(mpbind_name)/command: mpbind-force
	$(Q)printf '%s\n' '$(subst ','\'',$(MPBIND_CMDLINE_$(MPBIND_THIS)))' > $@.new
	$(Q)if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi
.PHONY: mpbind-force

$(MPBIND_C_$(mpbind_name)): MPBIND_THIS := $(mpbind_name)
$(MPBIND_C_$(mpbind_name)): $(MPBIND_HEADERS) $(MPBIND_DEPENDS) $(MPBIND) $(BUILD)/mpbind/$(mpbind_name)/command
	$(ECHO) "MPBIND $(MPBIND_THIS)"
	$(Q)$(MPBIND) -M $(MPBIND_THIS) $(MPBIND_OPTIONS_$(MPBIND_THIS)) -o $@ --json $(@D)/$(MPBIND_THIS).json \
		$(MPBIND_HEADERS_$(MPBIND_THIS)) -- $(MPBIND_CLANG_ARGS_$(MPBIND_THIS))
.DEFAULT_GOAL := $(mpbind_goal)
