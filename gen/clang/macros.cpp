// Macro values: after a token check (macro_tokens.h), a probe parse declaring `static const __auto_type
// probe_N = (NAME);` per object-like macro, then clang_Cursor_Evaluate on each: libclang does not evaluate a macro
// cursor itself, but it does evaluate a variable initialised from the macro (README.md, "macros.cpp").
#include "macros.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "c_literal.h"
#include "macro_tokens.h"
#include "raii.h"

namespace mpbind::clangw {

namespace {
constexpr const char *probe_file = "mpbind-probe.c";
constexpr const char *probe_var = "mpbind_probe_";
// Macros per probe parse: bounds clang's memory and error list on headers with thousands of macros.
constexpr size_t probe_batch = 2000;
} // namespace

std::optional<std::string> string_value(const std::vector<std::string> &body, std::string &why) {
    why.clear();
    size_t b = 0, e = body.size();
    while (e - b >= 2 && body[b] == "(" && body[e - 1] == ")") ++b, --e;
    if (b == e) return std::nullopt;
    std::string out;
    for (size_t i = b; i < e; ++i)
        if (!append_string_literal(body[i], out, why)) return std::nullopt;
    return out;
}

// Why each candidate must not be probed ("" when it may): its own tokens, or a macro of the same headers it
// names that is refused (an identifier in the body expands to that macro's tokens in the probe).
static std::vector<std::string> refusals(const ir::Module &m, const std::vector<Translator::MacroCandidate> &cands,
                                         const std::unordered_set<std::string> &scope_macros) {
    std::vector<std::string> why(cands.size());
    std::unordered_map<std::string, size_t> by_name;
    for (size_t i = 0; i < cands.size(); ++i) {
        why[i] = probe_refusal(cands[i].body);
        by_name.emplace(m.macro(cands[i].id).info.c_name, i);
        for (const std::string &t : cands[i].body)
            if (why[i].empty() && t != m.macro(cands[i].id).info.c_name && scope_macros.count(t))
                why[i] = "uses macro " + t + ", which expands to '::'";
    }
    // Chains A -> B -> C: walk from each refused macro to its users (linear, however long the chain).
    std::vector<std::vector<size_t>> users(cands.size());
    for (size_t i = 0; i < cands.size(); ++i)
        for (const std::string &t : cands[i].body)
            if (auto it = by_name.find(t); it != by_name.end() && it->second != i) users[it->second].push_back(i);
    std::vector<size_t> work;
    for (size_t i = 0; i < cands.size(); ++i)
        if (!why[i].empty()) work.push_back(i);
    while (!work.empty()) {
        size_t r = work.back();
        work.pop_back();
        for (size_t u : users[r]) {
            if (!why[u].empty()) continue;
            why[u] = "uses macro " + m.macro(cands[r].id).info.c_name + ", which is no constant";
            work.push_back(u);
        }
    }
    return why;
}

// The string literal an initializer reduces to (through parentheses and implicit casts), or a null cursor.
static CXCursor string_literal_in(CXCursor var) {
    CXCursor found = clang_getNullCursor();
    CXCursor cur = var;
    for (int depth = 0; depth < 8; ++depth) {
        CXCursor only = clang_getNullCursor();
        int children = 0;
        for_each_child(cur, [&](CXCursor c) {
            ++children;
            only = c;
        });
        if (children != 1) break;
        if (clang_getCursorKind(only) == CXCursor_StringLiteral) {
            found = only;
            break;
        }
        cur = only;
    }
    return found;
}

// A candidate to probe: its index, and its place among all probe-able candidates (`slot`), which fixes its
// batch and its line in the probe file whether or not the evaluator decided the others (`__LINE__` stays put).
struct ProbeEntry {
    size_t index;
    size_t slot;
};

// One probe parse of the candidates in `batch`: fills their values and `done` for each one clang evaluated.
static void probe_batch_parse(ir::Module &m, const std::vector<Translator::MacroCandidate> &candidates,
                              const std::vector<ProbeEntry> &batch, CXIndex index, const std::string &prelude,
                              const std::vector<const char *> &args, std::vector<bool> &done) {
    std::string src = prelude;
    src += "\n";
    for (const ProbeEntry &e : batch)
        src += "#line " + std::to_string(e.slot % probe_batch + 1) + " \"<mpbind macro probe>\"\n" +
               "static const __auto_type " + probe_var + std::to_string(e.index) + " = (" +
               m.macro(candidates[e.index].id).info.c_name + ");\n";
    std::vector<const char *> argv = args;
    argv.push_back("-ferror-limit=0");
    argv.push_back("-Wno-everything");
    CXUnsavedFile file{probe_file, src.data(), static_cast<unsigned long>(src.size())};
    CXTranslationUnit raw = nullptr;
    clang_parseTranslationUnit2(index, probe_file, argv.data(), static_cast<int>(argv.size()), &file, 1,
                                CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_KeepGoing, &raw);
    TranslationUnit tu(raw);
    if (tu) {
        const size_t plen = std::strlen(probe_var);
        for_each_child(tu.cursor(), [&](CXCursor c) {
            if (clang_getCursorKind(c) != CXCursor_VarDecl) return;
            if (!clang_Location_isFromMainFile(clang_getCursorLocation(c))) return;
            std::string name = str(clang_getCursorSpelling(c));
            if (name.compare(0, plen, probe_var) != 0) return;
            size_t i = 0;
            auto [end, ec] = std::from_chars(name.data() + plen, name.data() + name.size(), i);
            if (ec != std::errc() || end != name.data() + name.size() || i >= candidates.size()) return;
            ir::Macro &mc = m.macro(candidates[i].id);
            CXType vt = clang_getCanonicalType(clang_getCursorType(c));
            if (vt.kind == CXType_Invalid) return;
            // String expressions built by the preprocessor (stringizing, concatenation through macros).
            if (vt.kind == CXType_Pointer) {
                CXTypeKind ck = clang_getCanonicalType(clang_getPointeeType(vt)).kind;
                if (ck != CXType_Char_S && ck != CXType_Char_U) return; // (void *)0, wide strings, ...
                CXCursor lit = string_literal_in(c);
                if (clang_Cursor_isNull(lit)) return;
                // clang_Cursor_Evaluate does not evaluate string literals; the spelling is the literal itself.
                std::string value, why;
                if (append_string_literal(str(clang_getCursorSpelling(lit)), value, why)) {
                    mc.kind = ir::MacroKind::String;
                    mc.string_value = std::move(value);
                } else if (!why.empty()) {
                    mc.info.binding = {ir::Status::Excluded, "string literal not decoded: " + why};
                } else {
                    return;
                }
                done[i] = true;
                return;
            }
            EvalResult r(clang_Cursor_Evaluate(c));
            if (!r) return;
            switch (clang_EvalResult_getKind(r.get())) {
            case CXEval_Int:
                mc.kind = ir::MacroKind::Int;
                mc.is_unsigned = clang_EvalResult_isUnsignedInt(r.get());
                mc.uint_value = clang_EvalResult_getAsUnsigned(r.get());
                mc.int_value = clang_EvalResult_getAsLongLong(r.get());
                break;
            case CXEval_Float:
                mc.kind = ir::MacroKind::Float;
                mc.float_value = clang_EvalResult_getAsDouble(r.get());
                break;
            case CXEval_StrLiteral:
                mc.kind = ir::MacroKind::String;
                mc.string_value = clang_EvalResult_getAsStr(r.get());
                break;
            default: return;
            }
            done[i] = true;
        });
    }
}

// The target's `long` in bits: the IR's own when a declaration uses it, else LP64 unless LLP64 (Windows) or
// 32-bit pointers. Targets with a 16-bit int (AVR, MSP430) are left to the probe entirely.
static void target_integers(const ir::Module &m, EvalScope &scope) {
    const std::string &triple = m.target.clang_triple;
    scope.usable = m.target.pointer_bytes >= 4 && triple.rfind("avr", 0) != 0 && triple.rfind("msp430", 0) != 0;
    bool llp64 = triple.find("windows") != std::string::npos || triple.find("win32") != std::string::npos ||
                 triple.find("mingw") != std::string::npos;
    scope.long_bits = llp64 ? 32 : m.target.pointer_bytes * 8;
    for (const ir::Type &t : m.types)
        if (t.prim == ir::Prim::Long || t.prim == ir::Prim::ULong) scope.long_bits = static_cast<unsigned>(t.size * 8);
}

// The cast target a typedef names, when it is an arithmetic type the evaluator models.
static std::optional<CastType> cast_type(const ir::Module &m, ir::TypeId id) {
    const ir::Type *t = &m.canonical(id);
    if (t->kind == ir::TypeKind::Enum) t = &m.canonical(m.enum_(t->enum_).underlying);
    CastType c;
    switch (t->kind) {
    case ir::TypeKind::Bool:
        c.int_type = {8, false, 1};
        c.is_bool = true;
        return c;
    case ir::TypeKind::Float:
        if (t->prim != ir::Prim::Float && t->prim != ir::Prim::Double) return std::nullopt;
        c.kind = t->prim == ir::Prim::Float ? CastType::Float : CastType::Double;
        return c;
    case ir::TypeKind::Int: break;
    default: return std::nullopt;
    }
    int rank = 0;
    switch (t->prim) {
    case ir::Prim::Char: case ir::Prim::SChar: case ir::Prim::UChar: rank = 2; break;
    case ir::Prim::Short: case ir::Prim::UShort: rank = 3; break;
    case ir::Prim::Int: case ir::Prim::UInt: rank = 4; break;
    case ir::Prim::Long: case ir::Prim::ULong: rank = 5; break;
    case ir::Prim::LongLong: case ir::Prim::ULongLong: rank = 6; break;
    default: return std::nullopt; // wide characters, __int128
    }
    c.int_type = {static_cast<unsigned>(t->size * 8), t->is_signed, rank};
    return c;
}

EvalScope eval_scope(const ir::Module &m, const Translator &tr) {
    EvalScope scope;
    target_integers(m, scope);
    scope.macros = tr.macro_definitions();
    scope.undefined_somewhere = tr.macros_undefined_after_definition();
    for (const ir::Enum &e : m.enums)
        for (const ir::EnumConstant &k : e.constants) {
            bool fits_int = e.is_signed ? k.value >= INT32_MIN && k.value <= INT32_MAX : k.uvalue <= INT32_MAX;
            if (fits_int)
                scope.enum_constants.emplace(k.c_name, e.is_signed ? k.value : static_cast<int64_t>(k.uvalue));
        }
    for (const ir::Typedef &td : m.typedefs) {
        if (auto c = cast_type(m, td.type)) scope.arithmetic_typedefs.emplace(td.info.c_name, *c);
        else scope.other_typedefs.insert(td.info.c_name);
    }
    for (const ir::Function &f : m.functions) scope.functions.insert(f.info.c_name);
    for (const ir::Variable &v : m.variables) scope.variables.insert(v.info.c_name);
    tr.add_names_declared_elsewhere(scope);
    scope.complete_names = true;
    return scope;
}

namespace {
// MPBIND_MACRO_PROBE=all probes every candidate (the reference the evaluator is checked against);
// =none never probes (what the evaluator alone decides). Unset: the evaluator, then the probe for the rest.
enum class ProbeMode { Undecided, All, None };
ProbeMode probe_mode() {
    const char *e = std::getenv("MPBIND_MACRO_PROBE");
    if (!e) return ProbeMode::Undecided;
    if (std::strcmp(e, "all") == 0) return ProbeMode::All;
    if (std::strcmp(e, "none") == 0) return ProbeMode::None;
    return ProbeMode::Undecided;
}
} // namespace

// Stores what the evaluator decided; false when the probe must decide.
static bool apply_verdict(ir::Macro &mc, MacroVerdict v, const std::string &not_constant) {
    switch (v.kind) {
    case MacroVerdict::Int:
        mc.kind = ir::MacroKind::Int;
        mc.is_unsigned = v.is_unsigned;
        mc.uint_value = v.bits;
        mc.int_value = static_cast<int64_t>(v.bits);
        return true;
    case MacroVerdict::Float:
        mc.kind = ir::MacroKind::Float;
        mc.float_value = v.float_value;
        return true;
    case MacroVerdict::String:
        mc.kind = ir::MacroKind::String;
        mc.string_value = std::move(v.string_value);
        return true;
    case MacroVerdict::NotConstant: mc.info.binding = {ir::Status::Excluded, not_constant}; return true;
    case MacroVerdict::Undecided: return false;
    }
    return false;
}

void evaluate_macros(ir::Module &m, const std::vector<Translator::MacroCandidate> &candidates, CXIndex index,
                     const std::string &prelude, const std::vector<const char *> &args,
                     const std::unordered_set<std::string> &scope_macros, const EvalScope &scope) {
    const std::string not_constant = "not an integer, floating or string constant expression";
    const std::vector<std::string> refused = refusals(m, candidates, scope_macros);
    const ProbeMode mode = probe_mode();
    std::vector<ProbeEntry> probed;
    size_t slot = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
        ir::Macro &mc = m.macro(candidates[i].id);
        std::string literal_refused;
        if (auto sv = string_value(candidates[i].body, literal_refused)) {
            mc.kind = ir::MacroKind::String;
            mc.string_value = std::move(*sv);
        } else if (!literal_refused.empty()) {
            mc.info.binding = {ir::Status::Excluded, "string literal not decoded: " + literal_refused};
        } else if (!refused[i].empty()) {
            mc.info.binding = {ir::Status::Excluded, not_constant + ": " + refused[i]};
        } else if (mode == ProbeMode::All || !apply_verdict(mc, evaluate_macro(scope, mc.info.c_name), not_constant)) {
            if (mode == ProbeMode::None) mc.info.binding = {ir::Status::Excluded, "not decided without a probe parse"};
            else probed.push_back({i, slot});
            ++slot;
        } else {
            ++slot;
        }
    }
    std::vector<bool> done(candidates.size(), false);
    for (size_t b = 0; b < probed.size();) {
        size_t e = b;
        while (e < probed.size() && probed[e].slot / probe_batch == probed[b].slot / probe_batch) ++e;
        std::vector<ProbeEntry> batch(probed.begin() + static_cast<long>(b), probed.begin() + static_cast<long>(e));
        probe_batch_parse(m, candidates, batch, index, prelude, args, done);
        b = e;
    }
    for (const ProbeEntry &p : probed)
        if (!done[p.index]) m.macro(candidates[p.index].id).info.binding = {ir::Status::Excluded, not_constant};
}

} // namespace mpbind::clangw
