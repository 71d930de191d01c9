// Test helper: header text through the whole generator in-process: clang, every pass, the plan, the C emitter.
#pragma once
#include <stdexcept>
#include <string>

#include "emit/emit.h"
#include "header_fixture.h"
#include "passes/pipeline.h"
#include "plan/build.h"

namespace mpbind::test {

struct Generated {
    ir::Module ir;
    plan::Plan plan;
    std::string c;
};

// Generates module `fx` from `text` with pass options `opt` for `target` (pinned, so layouts and checks are stable;
// the header must parse and the passes succeed).
inline Generated generate(const std::string &text, const passes::Options &opt = {},
                          const std::string &target = "x86_64-linux-gnu") {
    TempHeader h(text, "fx.h");
    clangw::LoadOptions lo;
    lo.headers = {h.path()};
    lo.clang_args = {"-I" + h.dir()};
    lo.target = target;
    clangw::LoadResult r = clangw::load(lo);
    if (!r.ok) throw std::runtime_error("fixture does not parse: " + (r.diagnostics.empty() ? "" : r.diagnostics[0]));
    Generated g{std::move(r.module), {}, {}};
    std::vector<std::string> broken = passes::run_all(g.ir, opt);
    if (!broken.empty()) throw std::runtime_error("IR invariant broken: " + broken[0]);
    g.plan = plan::build(g.ir, plan::Options{"fx", lo.clang_args});
    g.c = emit::module_c(g.plan);
    return g;
}

inline size_t count(const std::string &s, const std::string &what) {
    size_t n = 0;
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

} // namespace mpbind::test
