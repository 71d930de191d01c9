// Internal: translation of one libclang translation unit (cursors and types) into the IR.
#pragma once
#include <clang-c/Index.h>

#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ir/module.h"
#include "macro_eval.h"

namespace mpbind::clangw {

class Translator {
public:
    // `bound_files`: real paths of the bound headers; `include_re`: further bound headers (may be empty);
    // `exclude_res`: headers whose declarations are never bound (they win over the other two).
    Translator(ir::Module &m, CXTranslationUnit tu, std::vector<std::string> bound_files,
               std::optional<std::regex> include_re, std::vector<std::regex> exclude_res = {});

    // Walks the top level of the translation unit and adds every declaration of the bound headers.
    void translate_all();

    // Object-like, non-empty macros of the bound headers (already in the IR, values not yet known).
    struct MacroCandidate {
        ir::MacroId id;
        std::vector<std::string> body; // tokens after the name
    };
    const std::vector<MacroCandidate> &macro_candidates() const { return macros_; }
    // Macros of every header (bound or not) whose expansion reaches a `::` token: a candidate naming one of
    // them would hang the probe parse like `#define A ::` itself (clang-19 never finishes parsing `(::)` in C).
    std::unordered_set<std::string> scope_token_macros() const;
    // Every macro of every header by name (the last definition), for the token evaluator.
    const std::unordered_map<std::string, MacroDef> &macro_definitions() const { return macro_defs_; }
    // Macros `#undef`'d where the evaluator cannot tell it comes before their last definition (another file,
    // or later in the same file): their value is left to the probe.
    std::unordered_set<std::string> macros_undefined_after_definition() const;
    // Adds the file-scope names declared outside the bound headers (functions, variables, typedefs, enum
    // constants), so that a name nothing declares is known to be undeclared.
    void add_names_declared_elsewhere(EvalScope &scope) const;

    ir::TypeId type(CXType t);
    bool in_bound_header(CXCursor c);
    bool in_excluded_header(CXCursor c);
    // Whether --include-headers matches a header the bound headers include (else the option would change nothing).
    bool include_re_matches_an_included_header() const;
    // For each --exclude-headers pattern, whether it matches a header that would be bound.
    std::vector<bool> exclude_res_matched() const;
    bool bound_path(const std::string &real) const;
    ir::Location location(CXCursor c);

private:
    ir::DeclInfo info(CXCursor c);
    ir::RecordId record(CXCursor decl);
    ir::EnumId enum_(CXCursor decl);
    std::string initializer_macro(CXCursor enumerator, CXCursor decl, const std::string &name);
    ir::TypedefId typedef_(CXCursor decl);
    void fill_record(ir::RecordId id, CXCursor def);
    void function(CXCursor c);
    void variable(CXCursor c);
    void macro(CXCursor c);
    void retire_earlier_definition(ir::MacroId latest);
    void bind_record(ir::RecordId id);
    ir::TypeId translate_type(CXType t); // type() without its cache
    std::unordered_map<const void *, ir::TypeId> type_ids_; // by clang's type node (CXType::data[0])
    ir::TypeId canonical_of(CXType t);
    ir::TypeId decay(ir::TypeId param);
    bool tagless(CXCursor c);
    std::string tag_key(CXCursor decl);
    ir::TypeId qualified(ir::TypeId base, bool is_const, bool is_volatile);

    ir::Module &m_;
    CXTranslationUnit tu_;
    std::vector<std::string> bound_files_;
    std::optional<std::regex> include_re_;
    std::vector<std::regex> exclude_res_;
    struct FileNames {
        std::string real; // resolved path, as --include-headers and --exclude-headers see it
        std::string base; // file name without directories, as reports show it
        mutable int8_t bound = -1; // bound_path(real) once asked (-1: not yet): the regex is slow on long paths
    };
    bool bound_file(CXFile file) const;
    const FileNames &file_names(CXFile file) const; // computed once per file
    mutable std::unordered_map<void *, FileNames> file_names_;
    enum class FileRole : uint8_t { Other, Bound, Excluded };
    FileRole file_role(CXCursor c);
    std::unordered_map<void *, FileRole> file_role_; // by CXFile: each path is resolved and matched once
    std::unordered_map<std::string, ir::RecordId> records_;   // by tag_key
    std::unordered_map<std::string, ir::EnumId> enums_;       // by tag_key
    std::unordered_map<std::string, ir::TypedefId> typedefs_; // by USR
    std::unordered_map<std::string, ir::FunctionId> functions_; // by name
    std::unordered_map<std::string, bool> seen_vars_;
    std::vector<MacroCandidate> macros_;
    std::unordered_map<std::string, ir::MacroId> macro_ids_; // bound macros by name: the latest definition
    struct DefinedAt {
        void *file = nullptr; // CXFile
        unsigned offset = 0;
    };
    std::unordered_map<std::string, MacroDef> macro_defs_;   // all headers: the last definition
    std::unordered_map<std::string, DefinedAt> macro_defined_at_;
    std::vector<CXCursor> declared_elsewhere_; // top-level declarations outside the bound headers
    void record_definition(CXCursor c, std::vector<std::string> tokens); // tokens: the name, parameters, body
    std::vector<std::pair<ir::RecordId, CXCursor>> pending_fill_; // records whose fields are read later
    void drain_pending();
};

} // namespace mpbind::clangw
