// build.cpp: plan::build(): runs the parts of the plan in order, names the module's objects, assembles the globals.
#include "build.h"

#include <filesystem>
#include <regex>
#include <stdexcept>

#include "builder.h"
#include "ctype.h"

namespace mpbind::plan {

namespace fs = std::filesystem;

namespace {

// The include directories named by clang arguments ("-Idir", "-I dir", -isystem, -iquote, -idirafter), then the
// usual system ones.
std::vector<std::string> include_dirs(const std::vector<std::string> &args) {
    std::vector<std::string> dirs;
    for (size_t i = 0; i < args.size(); ++i) {
        for (const char *flag : {"-isystem", "-iquote", "-idirafter", "-I"}) {
            const std::string f = flag;
            if (args[i] == f && i + 1 < args.size()) {
                dirs.push_back(args[++i]);
                break;
            }
            if (args[i].size() > f.size() && args[i].compare(0, f.size(), f) == 0) {
                dirs.push_back(args[i].substr(f.size()));
                break;
            }
        }
    }
    dirs.push_back("/usr/local/include");
    dirs.push_back("/usr/include");
    return dirs;
}

} // namespace

std::string include_spelling(const std::string &header, const std::vector<std::string> &clang_args) {
    std::error_code ec;
    fs::path h = fs::weakly_canonical(fs::absolute(header, ec), ec);
    std::string best;
    for (const std::string &d : include_dirs(clang_args)) {
        fs::path dir = fs::weakly_canonical(fs::absolute(d, ec), ec);
        fs::path rel = h.lexically_relative(dir);
        if (rel.empty() || *rel.begin() == "..") continue;
        if (best.empty() || rel.string().size() < best.size()) best = rel.generic_string();
    }
    return best.empty() ? header : best;
}

std::string Builder::class_symbol(ir::RecordId r) const {
    return class_base[r.index].empty() ? "" : class_base[r.index] + "_type";
}

std::string Builder::owner_symbol(const ir::Function &f) const {
    if (f.object_class >= 0) return object_base[f.object_class].empty() ? "" : object_class_symbol(f.object_class);
    return f.method_of.valid() ? class_symbol(f.method_of) : "";
}

std::string Builder::type_text(ir::TypeId t) const {
    static const std::regex where("\\((anonymous|unnamed) at [^)]*\\)");
    const std::string &s = m.type(t).spelling;
    if (s.find(" at ") == std::string::npos) return s;
    return std::regex_replace(s, where, "(anonymous)");
}

Offset Builder::user_offset(ir::RecordId r, const std::string &field) const {
    for (const ir::Field &f : m.record(r).fields)
        if (f.c_name == field) return member_offset(m, r, field, f.offset_bits / 8);
    throw std::logic_error("plan: record '" + m.record(r).c_spelling + "' has no user field '" + field + "'");
}

UserRef Builder::user_ref(ir::RecordId r, const std::string &field) const {
    return UserRef{UserRef::Kind::Field, r, record_label(m.record(r)), field, user_offset(r, field)};
}

TrampolineValue Builder::trampoline_value(ir::TypeId t) const {
    Conv c = classify(m, t);
    std::string cls = c.record.valid() ? class_symbol(c.record) : "";
    return TrampolineValue{abi_type(m, t), c, cls};
}

std::string record_label(const ir::Record &r) { return r.c_spelling.empty() ? r.info.py_name : r.c_spelling; }

// Classes, constant classes and function objects refer to each other: every symbol is known before any is used.
void Builder::name_objects() {
    std::vector<bool> flat = flattened_only(m);
    class_of.assign(m.records.size(), none);
    class_base.assign(m.records.size(), "");
    for (size_t k = 0; k < m.groups.size(); ++k)
        group_base.push_back(syms.family(m.groups[k].py_name, {"_type", "_locals", "_locals_table"}));
    for (size_t k = 0; k < m.records.size(); ++k) {
        const ir::Record &r = m.records[k];
        if (!r.info.binding.bound() || flat[k]) continue;
        if (r.info.py_name.empty()) throw std::logic_error("plan: bound record without a class name");
        class_base[k] = syms.family(r.info.py_name, {"_type", "_fields", "_locals", "_locals_table"});
    }
    object_base.assign(m.object_classes.size(), "");
    for (size_t k = 0; k < m.object_classes.size(); ++k) {
        const ir::ObjectClass &c = m.object_classes[k];
        if (c.binding.bound() && !class_base[c.record.index].empty())
            object_base[k] = syms.family(c.py_name, {"_type", "_locals", "_locals_table"});
    }
    function_base.assign(m.functions.size(), "");
    for (size_t k = 0; k < m.functions.size(); ++k)
        if (m.functions[k].info.binding.bound())
            function_base[k] = syms.family(m.functions[k].info.c_name, {"", "_ft", "_obj"});
    p.strings_symbol = syms.family("strings", {""});
    p.shapes_symbol = syms.family("shapes", {""});
    p.classes_symbol = syms.family("classes", {""});
    p.fun_type_symbol = syms.family("fun_type", {""});
}

namespace {

// Module attributes: constant classes, flat constants, classes, aliases, functions, variables, then the runtime's shared
// types and, with callbacks, `_nesting` (unless the library uses their names).
void globals(Builder &b) {
    Plan &p = b.p;
    for (const Group &g : p.groups)
        if (g.module_attribute) p.globals.push_back({g.name, g.symbol, none});
    for (const Constant &c : p.flat_constants) p.globals.push_back({c.name, "", c.value});
    for (const Class &c : p.classes)
        if (c.module_attribute) p.globals.push_back({c.name, c.symbol, none});
    for (const auto &[alias, cls] : p.aliases) p.globals.push_back({alias, p.classes[cls].symbol, none});
    for (const Function &f : p.functions)
        if (f.module_attribute) p.globals.push_back({f.py_name, f.object, none});
    for (const Variable &v : p.variables) p.globals.push_back({v.name, v.symbol, none});
    std::vector<std::string> seen{"__name__"};
    for (const Global &g : p.globals) {
        if (std::find(seen.begin(), seen.end(), g.name) != seen.end())
            throw std::logic_error("plan: module attribute '" + g.name + "' given twice");
        seen.push_back(g.name);
    }
    auto unused = [&](const std::string &name) { return std::find(seen.begin(), seen.end(), name) == seen.end(); };
    for (const auto &[py, sym] : {std::pair{"C_Pointer", "mpb_type_c_pointer"}, std::pair{"Blob", "mpb_type_blob"}})
        if (unused(py)) p.globals.push_back({py, sym, none});
    p.nesting = !p.trampolines.empty() && unused("_nesting");
    if (p.nesting) p.globals.push_back({"_nesting", "mpb_nesting_obj", none});
}

} // namespace

Plan build(const ir::Module &m, const Options &opt) {
    m.require("plan", {ir::Stage::Supported, ir::Stage::Variables, ir::Stage::Named, ir::Stage::Callbacks, ir::Stage::Grouped,
                       ir::Stage::Collisions});
    Plan p;
    p.module = opt.module_name;
    p.target = m.target.triple.empty() ? "an unknown target" : m.target.triple;
    for (const std::string &h : m.headers) p.headers.push_back(include_spelling(h, opt.clang_args));
    Builder b(m, opt, p);
    b.name_objects();
    b.constants();
    b.classes();
    b.identities();
    b.aliases();
    b.functions();
    b.variables();
    globals(b);
    p.gc_root = m.gc_root;
    p.target_checks = target_checks(m, p);
    b.report();
    return p;
}

} // namespace mpbind::plan
