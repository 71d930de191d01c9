// variables.cpp: the ROM objects of global variables: struct instances viewing them, scalar descriptors the module
// type reads and writes through.
#include "context.h"

namespace mpbind::emit {

void emit_variables(const plan::Plan &p, std::string &out) {
    if (p.variables.empty()) return;
    out += "// Global variables: structs by reference, scalars through the module's attribute slot.\n";
    for (const plan::Variable &v : p.variables) {
        std::string addr = "&" + v.c_name;
        if (v.by_reference()) {
            out += "static MPB_DEFINE_GLOBAL_STRUCT(" + v.symbol + ", " + v.cls + ", " + addr + ", " +
                   (v.read_only ? "1" : "0") + ");\n";
        } else {
            out += "static MPB_DEFINE_GLOBAL_VAR(" + v.symbol + ", MP_QSTR_" + v.name + ", " +
                   plan::info(v.conv.code).macro + ", " + (v.read_only ? "MPB_F_CONST" : "0") + ", " + addr + ", " +
                   (v.cls.empty() ? "NULL" : "&" + v.cls) + ");\n";
        }
    }
    out += "\n";
}

} // namespace mpbind::emit
