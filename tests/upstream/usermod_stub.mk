# What upstream MicroPython's make build does with USER_C_MODULES, reduced to what a module folder sees (written
# for the check of the make route against the v1.9.2 core, check_make_route.py): the USERMOD variables start
# empty, each DIR/*/micropython.mk is included with USERMOD_DIR set, every source of SRC_USERMOD_C and
# SRC_USERMOD_LIB_C is compiled into $(BUILD) with CFLAGS_USERMOD. Given: USER_C_MODULES, BUILD, CORE_CFLAGS.
ECHO = @echo
Q = @
SRC_USERMOD_C :=
SRC_USERMOD_LIB_C :=
CFLAGS_USERMOD :=
LDFLAGS_USERMOD :=

$(foreach mk,$(wildcard $(USER_C_MODULES)/*/micropython.mk),\
  $(eval USERMOD_DIR := $(patsubst %/,%,$(dir $(mk))))$(eval include $(mk)))

USERMOD_OBJ := $(addprefix $(BUILD)/,$(patsubst %.c,%.o,$(SRC_USERMOD_C) $(SRC_USERMOD_LIB_C)))

all: $(USERMOD_OBJ)
	@echo "sources: $(SRC_USERMOD_C) $(SRC_USERMOD_LIB_C)" > $(BUILD)/sources.txt

$(BUILD)/%.o: %.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=c99 -Wall -Wextra -Werror $(CORE_CFLAGS) $(CFLAGS_USERMOD) -c -o $@ $<
