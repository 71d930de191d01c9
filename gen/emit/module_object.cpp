// module_object.cpp: the module's globals table, module object and registration (MP_REGISTER_MODULE on >= 1.20).
#include "context.h"

namespace mpbind::emit {

void emit_module(const plan::Plan &p, std::string &out) {
    const std::string &name = p.module;
    std::string table = "mp_module_" + name + "_globals";
    out += "static const mp_rom_map_elem_t " + table + "_table[] = {\n";
    out += rom_row("__name__", "MP_ROM_QSTR(MP_QSTR_" + name + ")");
    for (const plan::Global &g : p.globals) {
        if (g.value == plan::none) {
            out += rom_row(g.name, "MP_ROM_PTR(&" + g.symbol + ")");
        } else {
            const plan::Value &v = p.values[g.value];
            out += rom_row(g.name, rom_value(v), v.guard());
        }
    }
    out += "};\nstatic MP_DEFINE_CONST_DICT(" + table + ", " + table + "_table);\n\n";
    if (p.own_module_type()) out += "static MPB_DEFINE_MODULE_VARS_TYPE(" + p.module_type + ", " + table + ");\n\n";
    out += "const mp_obj_module_t mp_module_" + name + " = {\n    .base = { &" + p.module_type + " },\n"
           "    .globals = (mp_obj_dict_t *)&" + table + ",\n};\n\n";
    // v1.9.2 lists builtin modules in the port's configuration instead.
    out += "#if MPB_NEW_API\nMP_REGISTER_MODULE(MP_QSTR_" + name + ", mp_module_" + name + ");\n#endif\n";
}

} // namespace mpbind::emit
