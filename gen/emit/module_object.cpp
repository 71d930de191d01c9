// module_object.cpp: the module's globals table, module object and registration (MP_REGISTER_MODULE on >= 1.20).
#include <set>

#include "context.h"

namespace mpbind::emit {

void emit_module(Context &ctx) {
    const std::string &name = ctx.opt.module_name;
    std::vector<DictEntry> rows{{"__name__", "MP_ROM_QSTR(MP_QSTR_" + name + ")", ""}};
    std::set<std::string> seen{"__name__"};
    for (const DictEntry &e : ctx.globals)
        if (seen.insert(e.name).second) rows.push_back(e);
    // The runtime's shared types, unless the library uses these names itself.
    for (const auto &[py, sym] : {std::pair{"C_Pointer", "mpb_type_c_pointer"}, std::pair{"Blob", "mpb_type_blob"}})
        if (seen.insert(py).second) rows.push_back({py, std::string("MP_ROM_PTR(&") + sym + ")", ""});

    std::string table = "mp_module_" + name + "_globals";
    ctx.out += "static const mp_rom_map_elem_t " + table + "_table[] = {\n" + rom_table_rows(rows) + "};\n";
    ctx.out += "static MP_DEFINE_CONST_DICT(" + table + ", " + table + "_table);\n\n";
    ctx.out += "const mp_obj_module_t mp_module_" + name + " = {\n    .base = { &mp_type_module },\n"
               "    .globals = (mp_obj_dict_t *)&" + table + ",\n};\n\n";
    // v1.9.2 lists builtin modules in the port's configuration instead.
    ctx.out += "#if MPB_NEW_API\nMP_REGISTER_MODULE(MP_QSTR_" + name + ", mp_module_" + name + ");\n#endif\n";
}

} // namespace mpbind::emit
