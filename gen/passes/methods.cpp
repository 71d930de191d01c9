// Methods pass: attaches functions to the record class named by their C name and first parameter.
#include "methods.h"

#include <unordered_map>
#include <unordered_set>

#include "naming.h"

namespace mpbind::passes {

std::string method_identifier(const std::string &name) {
    if (name == "del") return "delete";
    return py_identifier(name);
}

namespace {

// The record a pointer type points to, if any.
ir::RecordId pointee_record(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    if (c.kind != ir::TypeKind::Pointer) return {};
    const ir::Type &p = m.canonical(c.inner);
    return p.kind == ir::TypeKind::Record ? p.record : ir::RecordId{};
}

} // namespace

void methods(ir::Module &m, const std::vector<std::string> &prefixes) {
    m.require("methods", {ir::Stage::Named});
    // Stems a function name may start with: the class name, and the class name without a "_t" suffix.
    std::unordered_map<std::string, ir::RecordId> stems;
    std::unordered_map<uint32_t, std::unordered_set<std::string>> taken; // per record: field and method names
    for (uint32_t i = 0; i < m.records.size(); ++i) {
        const ir::Record &r = m.records[i];
        if (!r.info.binding.bound() || r.parent.valid()) continue;
        const std::string &n = r.info.py_name;
        stems.try_emplace(n, ir::RecordId{i});
        if (n.size() > 2 && n.compare(n.size() - 2, 2, "_t") == 0) stems.try_emplace(n.substr(0, n.size() - 2), ir::RecordId{i});
        for (const ir::Field &f : r.fields) taken[i].insert(f.py_name);
    }
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        ir::Function &f = m.functions[fi];
        if (!f.info.binding.bound()) continue;
        std::string s = strip_prefix(f.info.c_name, prefixes);
        // Longest stem followed by '_' and a non-empty rest.
        ir::RecordId rid;
        size_t best = 0;
        for (size_t cut = s.find('_'); cut != std::string::npos; cut = s.find('_', cut + 1)) {
            auto it = stems.find(s.substr(0, cut));
            if (it != stems.end() && cut + 1 < s.size() && cut > best) {
                rid = it->second;
                best = cut;
            }
        }
        if (!rid.valid()) continue;
        std::string rest = s.substr(best + 1);
        ir::Record &r = m.record(rid);
        if (rest == "create" && pointee_record(m, f.ret) == rid) {
            if (!r.constructor.valid()) {
                r.constructor = ir::FunctionId{fi};
                f.is_constructor = true;
                f.method_of = rid;
            }
            continue;
        }
        if (f.params.empty() || pointee_record(m, f.params[0].type) != rid) continue;
        std::string name = method_identifier(rest);
        if (!taken[rid.index].insert(name).second) continue; // a field or method already has that name
        f.method_of = rid;
        f.method_name = name;
        r.methods.push_back(ir::FunctionId{fi});
    }
    m.complete(ir::Stage::Methods);
}

} // namespace mpbind::passes
