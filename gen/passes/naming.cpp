// Naming pass: Python names of functions, parameters, records, fields, typedefs, enum constants, macros.
#include "naming.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "options.h"

namespace mpbind::passes {

bool is_python_keyword(const std::string &name) {
    static constexpr std::array<std::string_view, 35> words = {
        "False", "None",   "True",    "and",      "as",     "assert", "async", "await", "break",
        "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
        "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
        "or",    "pass",   "raise",   "return",   "try",    "while",  "with",  "yield"};
    if (name.size() < 2 || name.size() > 8) return false; // every keyword has 2 to 8 letters
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return name == w; });
}

bool is_identifier(const std::string &name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool starts_ignoring_case(const std::string &name, const std::string &prefix) {
    return name.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), name.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
}

namespace {

// The index of the prefix that strips `name` (see strip_prefix), or -1; `rest` gets what remains.
int stripping_prefix(const std::string &name, const std::vector<std::string> &prefixes, std::string &rest) {
    for (size_t i = 0; i < prefixes.size(); ++i) {
        const std::string &p = prefixes[i];
        if (p.empty() || name.size() <= p.size() || !starts_ignoring_case(name, p)) continue;
        size_t cut = p.size() + (p.back() != '_' && name[p.size()] == '_' ? 1 : 0);
        rest = name.substr(cut);
        if (is_identifier(rest)) return static_cast<int>(i);
    }
    return -1;
}

} // namespace

std::string strip_prefix(const std::string &name, const std::vector<std::string> &prefixes) {
    std::string rest;
    return stripping_prefix(name, prefixes, rest) >= 0 ? rest : name;
}

std::string py_identifier(const std::string &name) {
    if (name.empty()) return name;
    // MP_QSTR_NULL is MicroPython's null qstr (the empty string), so the name NULL cannot be spelled as a qstr.
    if (is_python_keyword(name) || name == "NULL") return name + "_";
    if (std::isdigit(static_cast<unsigned char>(name[0]))) return "_" + name;
    return name;
}

namespace {

std::string py(const std::string &c_name, const std::vector<std::string> &prefixes) {
    return py_identifier(strip_prefix(c_name, prefixes));
}

void name_params(ir::Function &f) {
    std::unordered_set<std::string> used;
    for (size_t i = 0; i < f.params.size(); ++i) {
        ir::Param &p = f.params[i];
        std::string n = p.c_name.empty() ? "arg" + std::to_string(i) : py_identifier(p.c_name);
        while (!used.insert(n).second) n += "_" + std::to_string(i);
        p.py_name = n;
    }
}

void name_fields(ir::Record &r) {
    for (ir::Field &f : r.fields)
        if (!f.anonymous) f.py_name = py_identifier(f.c_name);
}

} // namespace

namespace {

// Every --prefix must strip some name of the bound headers: one that strips nothing is a typo.
void check_prefixes_used(const ir::Module &m, const std::vector<std::string> &prefixes) {
    std::vector<bool> used(prefixes.size(), false);
    std::string rest;
    auto note = [&](const ir::DeclInfo &d, const std::string &name) {
        if (!d.in_bound_header) return;
        int i = stripping_prefix(name, prefixes, rest);
        if (i >= 0) used[static_cast<size_t>(i)] = true;
    };
    for (const ir::Function &f : m.functions) note(f.info, f.info.c_name);
    for (const ir::Record &r : m.records) note(r.info, r.info.c_name);
    for (const ir::Typedef &t : m.typedefs) note(t.info, t.info.c_name);
    for (const ir::Enum &e : m.enums) {
        note(e.info, e.info.c_name);
        for (const ir::EnumConstant &k : e.constants) note(e.info, k.c_name);
    }
    for (const ir::Macro &mc : m.macros) note(mc.info, mc.info.c_name);
    for (const ir::Variable &v : m.variables) note(v.info, v.info.c_name);
    for (size_t i = 0; i < prefixes.size(); ++i)
        if (!used[i]) throw OptionError("--prefix '" + prefixes[i] + "' strips no name of the bound headers");
}

} // namespace

const std::string &macro_export(const ir::Enum &e, const ir::EnumConstant &k) {
    static const std::string none;
    const std::string &x = k.initializer_macro;
    // Only a name made for the export (ENUM_X for X): an ordinary one-member enum (`enum { BUF_LEN = CONFIG_BUF }`,
    // a typedef'd one) keeps its own name.
    const std::string &n = k.c_name;
    bool named_for_it = n.size() > x.size() + 1 && n.compare(n.size() - x.size(), x.size(), x) == 0 &&
                        n[n.size() - x.size() - 1] == '_';
    return e.anonymous && e.c_spelling.empty() && e.constants.size() == 1 && !x.empty() && named_for_it ? x : none;
}

void naming(ir::Module &m, const std::vector<std::string> &prefixes) {
    m.require("naming", {ir::Stage::Supported});
    check_prefixes_used(m, prefixes);
    for (ir::Function &f : m.functions) {
        f.info.py_name = py(f.info.c_name, prefixes);
        name_params(f);
    }
    // A record class takes the name of the first typedef aliasing it directly, else its tag.
    std::unordered_map<uint32_t, ir::TypedefId> class_typedef;
    for (uint32_t i = 0; i < m.typedefs.size(); ++i) {
        const ir::Type &target = m.type(m.typedefs[i].target);
        if (target.kind == ir::TypeKind::Record && !target.is_const && !target.is_volatile)
            class_typedef.try_emplace(target.record.index, ir::TypedefId{i});
    }
    for (uint32_t i = 0; i < m.records.size(); ++i) {
        ir::Record &r = m.records[i];
        name_fields(r);
        if (r.parent.valid()) continue; // named below, after their parents
        auto td = class_typedef.find(i);
        if (td != class_typedef.end()) {
            ir::Typedef &t = m.typedef_(td->second);
            r.info.py_name = py(t.info.c_name, prefixes);
            t.merged = true;
        } else {
            r.info.py_name = py(r.info.c_name.empty() ? r.c_spelling : r.info.c_name, prefixes);
        }
        if (r.info.py_name.empty() && r.info.binding.bound())
            r.info.binding = {ir::Status::Excluded, "anonymous struct/union without a typedef name"};
    }
    // Nested anonymous records: "<parent>_<field>" or "<parent>_anon<index>"; not module attributes.
    for (uint32_t i = 0; i < m.records.size(); ++i) {
        ir::Record &r = m.records[i];
        if (!r.parent.valid() || !r.info.py_name.empty()) continue;
        std::vector<uint32_t> chain{i};
        while (m.record(ir::RecordId{chain.back()}).parent.valid())
            chain.push_back(m.record(ir::RecordId{chain.back()}).parent.index);
        for (size_t k = chain.size() - 1; k-- > 0;) {
            ir::Record &child = m.records[chain[k]];
            if (!child.info.py_name.empty()) continue;
            const ir::Record &parent = m.records[chain[k + 1]];
            std::string suffix;
            for (size_t fi = 0; fi < parent.fields.size(); ++fi) {
                const ir::Type &ft = m.canonical(parent.fields[fi].type);
                if (ft.kind == ir::TypeKind::Record && ft.record.index == chain[k])
                    suffix = parent.fields[fi].anonymous ? "anon" + std::to_string(fi) : parent.fields[fi].c_name;
            }
            if (suffix.empty()) suffix = "anon";
            child.info.py_name = parent.info.py_name + "_" + suffix;
        }
    }
    for (ir::Typedef &t : m.typedefs)
        if (t.info.py_name.empty()) t.info.py_name = py(t.info.c_name, prefixes);
    for (ir::Enum &e : m.enums) {
        e.info.py_name = py(e.info.c_name.empty() ? e.c_spelling : e.info.c_name, prefixes);
        for (ir::EnumConstant &k : e.constants) { // an export of a macro carries the macro's name
            const std::string &exported = macro_export(e, k);
            k.py_name = py(exported.empty() ? k.c_name : exported, prefixes);
        }
    }
    for (ir::Macro &mc : m.macros) {
        mc.info.py_name = py(mc.info.c_name, prefixes);
        mc.py_name = mc.info.py_name;
    }
    for (ir::Variable &v : m.variables) v.info.py_name = py(v.info.c_name, prefixes);
    m.complete(ir::Stage::Named);
}

} // namespace mpbind::passes
