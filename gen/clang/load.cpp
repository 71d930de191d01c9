// Front-end entry: checks the headers, parses them with libclang, reports diagnostics, translates to IR.
#include "load.h"

#include <algorithm>
#include <filesystem>

#include "diagnostics.h"
#include "ir/verify.h"
#include "macros.h"
#include "raii.h"
#include "target.h"
#include "translate.h"

namespace mpbind::clangw {

namespace {
constexpr const char *main_file = "mpbind-main.c";

// What clang parsed for: its triple and pointer size (every size and offset of the IR is for this target).
ir::Target parsed_target(CXTranslationUnit tu, const std::string &asked) {
    ir::Target t;
    CXTargetInfo info = clang_getTranslationUnitTargetInfo(tu);
    t.clang_triple = str(clang_TargetInfo_getTriple(info));
    t.pointer_bytes = static_cast<uint32_t>(clang_TargetInfo_getPointerWidth(info) / 8);
    clang_TargetInfo_dispose(info);
    t.triple = asked.empty() ? t.clang_triple : asked;
    return t;
}
} // namespace

LoadResult load(const LoadOptions &opt) {
    LoadResult res;
    res.module.headers = opt.headers;
    for (const std::string &h : opt.headers) {
        std::error_code ec;
        if (h.find_first_of("\"\n") != std::string::npos)
            res.diagnostics.push_back(h + ": error: header path contains a quote or newline");
        else if (!std::filesystem::exists(h, ec))
            res.diagnostics.push_back(h + ": error: cannot open header (no such file)");
        else if (!std::filesystem::is_regular_file(h, ec))
            res.diagnostics.push_back(h + ": error: cannot open header (not a regular file)");
    }
    if (opt.headers.empty()) res.diagnostics.push_back("error: no header given");
    std::optional<std::regex> include_re;
    if (!opt.include_headers.empty()) {
        try {
            include_re.emplace(opt.include_headers, std::regex::ECMAScript);
        } catch (const std::regex_error &e) {
            res.diagnostics.push_back("error: invalid --include-headers regex '" + opt.include_headers +
                                      "': " + e.what());
        }
    }
    std::vector<std::regex> exclude_res;
    for (const std::string &x : opt.exclude_headers) {
        try {
            exclude_res.emplace_back(x, std::regex::ECMAScript);
        } catch (const std::regex_error &e) {
            res.diagnostics.push_back("error: invalid --exclude-headers regex '" + x + "': " + e.what());
        }
    }
    if (!res.diagnostics.empty()) return res;

    // One unsaved main file includes every header (each once, even if named twice, as headers without include
    // guards would not parse twice); quoted relative paths resolve from the current directory.
    std::string prelude;
    std::vector<std::string> seen;
    for (const std::string &h : opt.headers) {
        std::error_code ec;
        std::string real = std::filesystem::weakly_canonical(h, ec).string();
        if (std::find(seen.begin(), seen.end(), real) != seen.end()) continue;
        seen.push_back(real);
        prelude += "#include \"" + h + "\"\n";
    }
    std::vector<const char *> argv;
    // Modules are compiled as strict C99: parse the headers the same way unless the user chose a standard
    // (clang's own default, gnu17, declares more: pthread_rwlock_t, other struct layouts).
    bool has_std = std::any_of(opt.clang_args.begin(), opt.clang_args.end(), [](const std::string &a) {
        return a.rfind("-std", 0) == 0 || a.rfind("--std", 0) == 0;
    });
    if (!has_std) argv.push_back(default_std);
    // The target comes first: clang arguments after -- may still refine it (-fshort-enums...).
    TargetArgs target = opt.target.empty() ? TargetArgs{} : target_args(opt.target);
    for (const std::string &a : target.clang_args) argv.push_back(a.c_str());
    for (const std::string &a : opt.clang_args) argv.push_back(a.c_str());

    Index index;
    CXUnsavedFile file{main_file, prelude.data(), static_cast<unsigned long>(prelude.size())};
    CXTranslationUnit raw = nullptr;
    CXErrorCode err = clang_parseTranslationUnit2(
        index.get(), main_file, argv.data(), static_cast<int>(argv.size()), &file, 1,
        CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies, &raw);
    TranslationUnit tu(raw);
    if (err != CXError_Success || !tu) {
        std::string why = opt.target.empty()
                              ? "check the clang arguments"
                              : "is '" + opt.target + "' a target triple clang knows? check the clang arguments";
        res.diagnostics.push_back("error: libclang could not parse the headers (error code " +
                                  std::to_string(static_cast<int>(err)) + "); " + why);
        return res;
    }
    if (collect_diagnostics(tu.get(), res.diagnostics)) return res;
    res.module.target = parsed_target(tu.get(), opt.target);

    Translator tr(res.module, tu.get(), opt.headers, include_re, std::move(exclude_res));
    tr.translate_all();
    res.include_headers_matched = tr.include_re_matches_an_included_header();
    std::vector<bool> excluded = tr.exclude_res_matched();
    for (size_t i = 0; i < excluded.size(); ++i)
        if (!excluded[i]) res.exclude_headers_unmatched.push_back(opt.exclude_headers[i]);
    if (opt.macros && !tr.macro_candidates().empty())
        evaluate_macros(res.module, tr.macro_candidates(), index.get(), prelude, argv, tr.scope_token_macros(),
                        eval_scope(res.module, tr));
    else if (!opt.macros) // unevaluated, a macro has no value: binding it would give 0
        for (const Translator::MacroCandidate &c : tr.macro_candidates())
            res.module.macro(c.id).info.binding = {ir::Status::Excluded, "macro not evaluated (--no-macros)"};

    std::vector<std::string> broken = ir::verify(res.module, ir::Phase::Parsed);
    for (const std::string &e : broken)
        res.diagnostics.push_back("error: internal: IR invariant broken after parsing: " + e);
    res.ok = broken.empty();
    if (res.ok) res.module.complete(ir::Stage::Parsed);
    return res;
}

} // namespace mpbind::clangw
