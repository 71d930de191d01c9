// context.h: internal to gen/emit: the parts of the C file, each printed by its own source file.
#pragma once
#include <string>

#include "emit.h"

namespace mpbind::emit {

void emit_constants(const plan::Plan &p, std::string &out);
void emit_trampolines(const plan::Plan &p, const std::vector<size_t> &which, std::string &out);
void emit_identities(const plan::Plan &p, std::string &out);
void emit_classes(const plan::Plan &p, std::string &out);
void emit_strings(const plan::Plan &p, std::string &out);
void emit_functions(const plan::Plan &p, std::string &out);
void emit_gc_root(const plan::Plan &p, std::string &out);
void emit_variables(const plan::Plan &p, std::string &out);
void emit_module(const plan::Plan &p, std::string &out);

// A C string literal for s (octal escapes for anything unusual).
std::string c_string(const std::string &s);
// s made safe inside a // comment: one line, no trigraph, no line splice.
std::string comment_text(const std::string &s);
// A row of a mp_rom_map_elem_t table (inside `#if guard` when given).
std::string rom_row(const std::string &name, const std::string &object, const std::string &guard = "");
// MPB_LAYOUT_CHECK lines (runtime/mpb_layout.h), one per check.
std::string layout_checks(const std::vector<plan::LayoutCheck> &checks);
// The ROM object of a constant value (MP_ROM_INT(8), MP_ROM_PTR(&x)).
std::string rom_value(const plan::Value &v);

} // namespace mpbind::emit
