// context.h: what the emitter's parts share while writing one module: the IR, options, output and dict entries.
#pragma once
#include <string>
#include <vector>

#include "emit.h"

namespace mpbind::emit {

// One entry of the module's globals table, optionally inside `#if guard`.
struct DictEntry {
    std::string name;  // Python name (a qstr)
    std::string value; // ROM object expression, e.g. MP_ROM_PTR(&x)
    std::string guard; // preprocessor condition, "" for none
};

class Trampolines;

struct Context {
    const ir::Module &m;
    const Options &opt;
    std::string out;                // the C file so far
    std::vector<DictEntry> globals; // module attributes, in emission order
    Trampolines *tramps = nullptr;  // shared by records (callback fields) and functions (callback parameters)
};

// Parts of the file, each in its own source file; each appends to ctx.out and ctx.globals.
void emit_records(Context &ctx);
void emit_functions(Context &ctx);
void emit_constants(Context &ctx);
void emit_module(Context &ctx);

// A C string literal for s (octal escapes for anything unusual).
std::string c_string(const std::string &s);
// Writes `entries` as rows of a mp_rom_map_elem_t table (with their #if guards).
std::string rom_table_rows(const std::vector<DictEntry> &entries);

} // namespace mpbind::emit
