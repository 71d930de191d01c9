// Test helper: loads header text and runs the passes up to a given one, for pass-by-pass unit tests.
#pragma once
#include "header_fixture.h"
#include "passes/availability.h"
#include "passes/collisions.h"
#include "passes/filter.h"
#include "passes/grouping.h"
#include "passes/naming.h"
#include "passes/support.h"

namespace mpbind::test {

// Loads `text` (must parse) and returns its module, before any pass.
inline ir::Module parsed(const std::string &text, std::vector<std::string> clang_args = {}) {
    auto r = load_text(text, std::move(clang_args));
    if (!r.ok) throw std::runtime_error("fixture does not parse: " + (r.diagnostics.empty() ? "" : r.diagnostics[0]));
    return std::move(r.module);
}

inline const ir::Function &function(const ir::Module &m, const std::string &name) {
    const ir::Function *f = find_named(m.functions, name);
    if (!f) throw std::runtime_error("no function " + name);
    return *f;
}

inline const ir::Macro &macro(const ir::Module &m, const std::string &name) {
    const ir::Macro *f = find_named(m.macros, name);
    if (!f) throw std::runtime_error("no macro " + name);
    return *f;
}

inline const ir::Record &record(const ir::Module &m, const std::string &c_spelling) {
    for (const ir::Record &r : m.records)
        if (r.c_spelling == c_spelling) return r;
    throw std::runtime_error("no record " + c_spelling);
}

inline const ir::Group *group(const ir::Module &m, const std::string &py_name) {
    for (const ir::Group &g : m.groups)
        if (g.py_name == py_name) return &g;
    return nullptr;
}

// filter (no patterns) + availability + support + naming, the usual prefix of the pipeline.
inline ir::Module named(const std::string &text, const std::vector<std::string> &prefixes = {}) {
    ir::Module m = parsed(text);
    passes::filter(m, {}, {});
    passes::availability(m, false);
    passes::support(m);
    passes::naming(m, prefixes);
    return m;
}

} // namespace mpbind::test
