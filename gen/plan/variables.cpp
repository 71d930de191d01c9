// variables.cpp: global variables the variables pass bound, as module attributes; a module with scalar ones gets a
// type of its own (MPB_DEFINE_MODULE_VARS_TYPE), whose attribute slot reads and writes them.
#include "builder.h"

namespace mpbind::plan {

void Builder::variables() {
    for (const ir::Variable &v : m.variables) {
        if (!v.info.binding.bound()) continue;
        Variable out;
        out.name = v.info.py_name;
        out.c_name = v.info.c_name;
        out.symbol = syms.family(v.info.c_name, {"_var"}) + "_var";
        out.conv = classify(m, v.type);
        // A struct of incomplete type is still reached by reference: classify() refuses it only by value.
        if (m.canonical(v.type).kind == ir::TypeKind::Record) out.conv = Conv{Code::STRUCT, m.canonical(v.type).record};
        if (out.conv.record.valid()) out.cls = class_symbol(out.conv.record);
        out.read_only = v.is_const;
        if (!out.by_reference()) p.module_type = "mp_module_" + p.module + "_type";
        p.variables.push_back(std::move(out));
    }
}

} // namespace mpbind::plan
