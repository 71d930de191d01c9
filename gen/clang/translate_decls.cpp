// Translation of libclang declaration cursors (functions, records, enums, typedefs, variables, macros) into the IR.
#include <cstdlib>
#include <cctype>
#include <climits>
#include <cstdint>
#include <optional>
#include <filesystem>
#include <string_view>

#include "enum_exports.h"
#include "raii.h"
#include "translate.h"

namespace mpbind::clangw {

namespace {

std::string real_path(const std::string &p) {
    std::error_code ec;
    auto r = std::filesystem::weakly_canonical(p, ec);
    return ec ? p : r.string();
}

std::string usr(CXCursor c) { return str(clang_getCursorUSR(c)); }

bool is_null(CXCursor c) {
    return clang_Cursor_isNull(c) || clang_isInvalid(clang_getCursorKind(c));
}

// The definition when there is one, the canonical declaration otherwise.
CXCursor best_decl(CXCursor decl) {
    CXCursor def = clang_getCursorDefinition(decl);
    return is_null(def) ? clang_getCanonicalCursor(decl) : def;
}

} // namespace

Translator::Translator(ir::Module &m, CXTranslationUnit tu, std::vector<std::string> bound_files,
                       std::optional<std::regex> include_re, std::vector<std::regex> exclude_res)
    : m_(m), tu_(tu), bound_files_(std::move(bound_files)), include_re_(std::move(include_re)),
      exclude_res_(std::move(exclude_res)) {
    for (auto &f : bound_files_) f = real_path(f);
}

Translator::FileRole Translator::file_role(CXCursor c) {
    CXFile file = nullptr;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, nullptr, nullptr, nullptr);
    if (!file) return FileRole::Other;
    auto [it, fresh] = file_role_.try_emplace(file, FileRole::Other);
    if (fresh) {
        if (bound_file(file)) {
            const std::string &real = file_names(file).real;
            bool excluded = false;
            for (const std::regex &re : exclude_res_) excluded = excluded || std::regex_search(real, re);
            it->second = excluded ? FileRole::Excluded : FileRole::Bound;
        }
    }
    return it->second;
}

// A header named on the command line or matched by --include-headers: only those are bound, so only those can be
// excluded (a pattern matching a system header changes nothing and must not count its declarations as excluded).
bool Translator::bound_path(const std::string &real) const {
    for (const auto &b : bound_files_)
        if (b == real) return true;
    return include_re_ && std::regex_search(real, *include_re_);
}

bool Translator::bound_file(CXFile file) const {
    const FileNames &names = file_names(file);
    if (names.bound < 0) names.bound = bound_path(names.real);
    return names.bound != 0;
}

bool Translator::in_bound_header(CXCursor c) { return file_role(c) == FileRole::Bound; }

bool Translator::in_excluded_header(CXCursor c) { return file_role(c) == FileRole::Excluded; }

const Translator::FileNames &Translator::file_names(CXFile file) const {
    auto [it, fresh] = file_names_.try_emplace(file);
    if (fresh) {
        std::string name = str(clang_getFileName(file));
        // clang resolved the path when it opened the file: no system call per path component here (a header
        // library like LVGL has hundreds of files). The unsaved main file has no real path.
        it->second.real = str(clang_File_tryGetRealPathName(file));
        if (it->second.real.empty()) it->second.real = real_path(name);
        it->second.base = std::filesystem::path(name).filename().string();
    }
    return it->second;
}

namespace {
// Calls f(file) for every file of the translation unit.
template <typename F> void for_each_included_file(CXTranslationUnit tu, F f) {
    clang_getInclusions(
        tu, [](CXFile file, CXSourceLocation *, unsigned, CXClientData data) { (*static_cast<F *>(data))(file); },
        &f);
}
} // namespace

bool Translator::include_re_matches_an_included_header() const {
    if (!include_re_) return false;
    bool matched = false;
    for_each_included_file(tu_, [&](CXFile file) {
        const std::string &real = file_names(file).real;
        bool bound = false;
        for (const auto &b : bound_files_) bound = bound || b == real;
        matched = matched || (!bound && std::regex_search(real, *include_re_));
    });
    return matched;
}

std::vector<bool> Translator::exclude_res_matched() const {
    std::vector<bool> matched(exclude_res_.size(), false);
    if (exclude_res_.empty()) return matched;
    for_each_included_file(tu_, [&](CXFile file) {
        if (!bound_file(file)) return;
        const std::string &real = file_names(file).real;
        for (size_t i = 0; i < exclude_res_.size(); ++i)
            matched[i] = matched[i] || std::regex_search(real, exclude_res_[i]);
    });
    return matched;
}

ir::Location Translator::location(CXCursor c) {
    CXFile file = nullptr;
    unsigned line = 0, col = 0;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, &line, &col, nullptr);
    ir::Location loc;
    if (file) loc.file = file_names(file).base;
    loc.line = line;
    loc.column = col;
    return loc;
}

ir::DeclInfo Translator::info(CXCursor c) {
    ir::DeclInfo d;
    d.c_name = str(clang_getCursorSpelling(c));
    d.loc = location(c);
    FileRole role = file_role(c);
    d.in_bound_header = role == FileRole::Bound;
    d.in_excluded_header = role == FileRole::Excluded;
    if (d.in_bound_header) d.doc = str(clang_Cursor_getBriefCommentText(c));
    if (d.in_excluded_header) d.binding = {ir::Status::Excluded, ir::excluded_header_reason};
    CXAvailabilityKind a = clang_getCursorAvailability(c);
    d.deprecated = a == CXAvailability_Deprecated;
    d.unavailable = a == CXAvailability_NotAvailable;
    return d;
}

// No tag in C: truly anonymous, or named only through a typedef (USR "...@SA@name", "@UA@", "@EA@").
bool Translator::tagless(CXCursor c) {
    if (clang_Cursor_isAnonymous(c)) return true;
    std::string u = usr(c);
    size_t at = u.rfind('@');
    if (at == std::string::npos || at < 3) return false;
    std::string kind = u.substr(at - 3, 3);
    return kind == "@SA" || kind == "@UA" || kind == "@EA";
}

// Array parameters are pointers in C.
ir::TypeId Translator::decay(ir::TypeId param) {
    const ir::Type &c = m_.canonical(param);
    if (c.kind != ir::TypeKind::Array) return param;
    ir::Type p;
    p.kind = ir::TypeKind::Pointer;
    p.inner = c.inner;
    p.spelling = m_.type(c.inner).spelling + " *";
    p.size = m_.target.pointer_bytes; // the target's pointers, not mpbind's own
    p.align = m_.target.pointer_bytes;
    return m_.intern(std::move(p));
}

// Key of a record or enum: its USR, plus the definition's position for tagless ones, whose USRs collide
// (every anonymous union inside one struct has the same USR).
std::string Translator::tag_key(CXCursor decl) {
    std::string key = usr(decl);
    CXCursor use = best_decl(decl);
    if (!tagless(use)) return key;
    CXFile file = nullptr;
    unsigned offset = 0;
    clang_getExpansionLocation(clang_getCursorLocation(use), &file, nullptr, nullptr, &offset);
    return key + "#" + (file ? str(clang_getFileName(file)) : "") + ":" + std::to_string(offset);
}

ir::RecordId Translator::record(CXCursor decl) {
    std::string key = tag_key(decl);
    if (auto it = records_.find(key); it != records_.end()) return it->second;
    CXCursor use = best_decl(decl);
    ir::Record r;
    r.info = info(use);
    r.is_union = clang_getCursorKind(use) == CXCursor_UnionDecl;
    r.anonymous = tagless(use);
    if (r.anonymous) r.info.c_name.clear();
    else r.c_spelling = (r.is_union ? "union " : "struct ") + r.info.c_name;
    r.complete = clang_isCursorDefinition(use);
    ir::RecordId id = m_.add(std::move(r));
    records_.emplace(std::move(key), id);

    CXType t = clang_getCursorType(use);
    ir::TypeId tid = type(t);
    m_.record(id).type = tid;
    CXCursor parent = clang_getCursorSemanticParent(use);
    CXCursorKind pk = clang_getCursorKind(parent);
    if (m_.record(id).anonymous && (pk == CXCursor_StructDecl || pk == CXCursor_UnionDecl)) {
        ir::RecordId p = record(parent);
        m_.record(id).parent = p;
    }
    if (m_.record(id).complete) pending_fill_.emplace_back(id, use);
    return id;
}

void Translator::fill_record(ir::RecordId id, CXCursor def) {
    CXType t = clang_getCursorType(def);
    long long size = clang_Type_getSizeOf(t), align = clang_Type_getAlignOf(t);
    std::vector<ir::Field> fields;
    for_each_field(t, [&](CXCursor fc) {
        ir::Field f;
        f.c_name = str(clang_getCursorSpelling(fc));
        CXType ft = clang_getCursorType(fc);
        f.type = type(ft);
        f.is_const = clang_isConstQualifiedType(ft);
        long long off = clang_Cursor_getOffsetOfField(fc);
        f.offset_bits = off > 0 ? static_cast<uint64_t>(off) : 0;
        if (clang_Cursor_isBitField(fc)) f.bit_width = static_cast<uint32_t>(clang_getFieldDeclBitWidth(fc));
        const ir::Type &canon = m_.canonical(f.type);
        if (canon.kind == ir::TypeKind::Record && m_.record(canon.record).anonymous &&
            clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(ft))) {
            f.anonymous = true;
            f.c_name.clear();
        }
        fields.push_back(std::move(f));
    });
    ir::Record &r = m_.record(id);
    r.fields = std::move(fields);
    r.size = size > 0 ? static_cast<uint64_t>(size) : 0;
    r.align = align > 0 ? static_cast<uint64_t>(align) : 0;
}

void Translator::drain_pending() {
    while (!pending_fill_.empty()) {
        auto [id, cursor] = pending_fill_.back();
        pending_fill_.pop_back();
        fill_record(id, cursor);
    }
}

ir::EnumId Translator::enum_(CXCursor decl) {
    std::string key = tag_key(decl);
    if (auto it = enums_.find(key); it != enums_.end()) return it->second;
    CXCursor use = best_decl(decl);
    ir::Enum e;
    e.info = info(use);
    e.anonymous = tagless(use);
    if (e.anonymous) e.info.c_name.clear();
    else e.c_spelling = "enum " + e.info.c_name;
    for_each_child(use, [&](CXCursor c) {
        if (clang_getCursorKind(c) != CXCursor_EnumConstantDecl) return;
        ir::EnumConstant k;
        k.c_name = str(clang_getCursorSpelling(c));
        k.value = clang_getEnumConstantDeclValue(c);
        k.uvalue = clang_getEnumConstantDeclUnsignedValue(c);
        k.initializer_macro = initializer_macro(c, use, k.c_name);
        e.constants.push_back(std::move(k));
    });
    ir::EnumId id = m_.add(std::move(e));
    enums_.emplace(std::move(key), id);
    ir::TypeId underlying = type(clang_getEnumDeclIntegerType(use));
    ir::TypeId self = type(clang_getCursorType(use));
    ir::Enum &en = m_.enum_(id);
    en.underlying = underlying;
    en.type = self;
    en.is_signed = m_.canonical(underlying).is_signed;
    return id;
}

// Whether `loc` lies in a macro's replacement (spelled elsewhere than where it is expanded).
static bool from_macro(CXSourceLocation loc) {
    CXFile sf = nullptr, ef = nullptr;
    unsigned so = 0, eo = 0;
    clang_getSpellingLocation(loc, &sf, nullptr, nullptr, &so);
    clang_getExpansionLocation(loc, &ef, nullptr, nullptr, &eo);
    return so != eo || !clang_File_isEqual(sf, ef);
}

// The object-like macro enumerator `k` (of enum `decl`) is initialised with alone (enum_exports.h), or "".
std::string Translator::initializer_macro(CXCursor k, CXCursor decl, const std::string &name) {
    bool macro_value = false; // only an initializer coming out of a macro can be one
    for_each_child(k, [&](CXCursor init) { macro_value = from_macro(clang_getCursorLocation(init)); });
    if (!macro_value) return "";
    std::vector<std::string> tokens;
    if (!from_macro(clang_getCursorLocation(k))) {
        tokens = token_spellings(tu_, clang_getCursorExtent(k));
    } else { // made by a macro: the tokens of its invocation, up to the end of the enum's own expansion
        CXFile from_file = nullptr, to_file = nullptr;
        unsigned from = 0, to = 0;
        clang_getExpansionLocation(clang_getCursorLocation(k), &from_file, nullptr, nullptr, &from);
        clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(decl)), &to_file, nullptr, nullptr, &to);
        if (!from_file || !clang_File_isEqual(from_file, to_file) || to <= from) return "";
        tokens = token_spellings(tu_, clang_getRange(clang_getLocationForOffset(tu_, from_file, from),
                                                     clang_getLocationForOffset(tu_, to_file, to)));
    }
    return exported_macro(name, tokens, macro_defs_);
}

ir::TypedefId Translator::typedef_(CXCursor decl) {
    std::string key = usr(decl);
    if (auto it = typedefs_.find(key); it != typedefs_.end()) return it->second;
    ir::Typedef td;
    td.info = info(decl);
    ir::TypedefId id = m_.add(std::move(td));
    typedefs_.emplace(std::move(key), id);
    ir::TypeId target = type(clang_getTypedefDeclUnderlyingType(decl));
    m_.typedef_(id).target = target;
    ir::TypeId self = type(clang_getCursorType(decl));
    m_.typedef_(id).type = self;
    // `typedef struct {...} name;`: C code names the anonymous record through the typedef.
    const ir::Type &tt = m_.type(target);
    if (tt.kind == ir::TypeKind::Record && m_.record(tt.record).c_spelling.empty() && !m_.record(tt.record).parent)
        m_.record(tt.record).c_spelling = m_.typedef_(id).info.c_name;
    if (tt.kind == ir::TypeKind::Enum && m_.enum_(tt.enum_).c_spelling.empty())
        m_.enum_(tt.enum_).c_spelling = m_.typedef_(id).info.c_name;
    return id;
}

void Translator::function(CXCursor c) {
    std::string name = str(clang_getCursorSpelling(c));
    if (auto it = functions_.find(name); it != functions_.end()) {
        if (clang_Cursor_isFunctionInlined(c)) m_.function(it->second).is_inline = true;
        return;
    }
    ir::Function f;
    f.info = info(c);
    CXType ft = clang_getCursorType(c);
    f.type = type(ft);
    const ir::Type &t = m_.type(f.type);
    f.ret = t.ret;
    f.variadic = t.variadic;
    f.no_prototype = t.no_prototype;
    int nargs = clang_Cursor_getNumArguments(c);
    for (size_t i = 0; i < t.params.size(); ++i) {
        ir::Param p;
        p.type = decay(m_.type(f.type).params[i]);
        if (static_cast<int>(i) < nargs)
            p.c_name = str(clang_getCursorSpelling(clang_Cursor_getArgument(c, static_cast<unsigned>(i))));
        f.params.push_back(std::move(p));
    }
    CX_StorageClass sc = clang_Cursor_getStorageClass(c);
    // Bodies are skipped while parsing, so a static function in a header is taken as defined there.
    f.is_inline = clang_Cursor_isFunctionInlined(c) || sc == CX_SC_Static;
    if (clang_getCursorAvailability(c) == CXAvailability_NotAvailable && !f.info.in_excluded_header)
        f.info.binding = {ir::Status::Skipped, "marked unavailable"};
    functions_.emplace(std::move(name), m_.add(std::move(f)));
}

void Translator::variable(CXCursor c) {
    std::string name = str(clang_getCursorSpelling(c));
    if (!seen_vars_.emplace(name, true).second) return;
    ir::Variable v;
    v.info = info(c);
    v.type = type(clang_getCursorType(c));
    v.is_extern = clang_Cursor_getStorageClass(c) == CX_SC_Extern;
    v.is_const = clang_isConstQualifiedType(clang_getCursorType(c));
    m_.add(std::move(v));
}

void Translator::macro(CXCursor c) {
    if (clang_Cursor_isMacroBuiltin(c)) return;
    ir::Macro mc;
    mc.info = info(c);
    std::vector<std::string> tokens = token_spellings(tu_, clang_getCursorExtent(c));
    bool function_like = clang_Cursor_isMacroFunctionLike(c);
    record_definition(c, tokens);
    if (function_like) {
        if (!mc.info.in_excluded_header) mc.info.binding = {ir::Status::Excluded, "function-like macro"};
        tokens.clear();
    } else {
        if (!tokens.empty()) tokens.erase(tokens.begin()); // the name
        if (tokens.empty() && !mc.info.in_excluded_header) mc.info.binding = {ir::Status::Excluded, "empty macro"};
    }
    const bool excluded = mc.info.in_excluded_header; // never evaluated: its value is not wanted
    ir::MacroId id = m_.add(std::move(mc));
    retire_earlier_definition(id);
    if (!tokens.empty() && !excluded) macros_.push_back({id, std::move(tokens)});
}

void Translator::record_definition(CXCursor c, std::vector<std::string> tokens) {
    if (tokens.empty()) return;
    std::string name = tokens.front();
    MacroDef def;
    size_t body = 1;
    if (clang_Cursor_isMacroFunctionLike(c)) {
        def.function_like = true;
        for (body = 2; body < tokens.size() && tokens[body] != ")"; ++body) {
            const std::string &p = tokens[body];
            if (p == "...") def.variadic = true;
            else if (p != ",") def.params.push_back(p);
        }
        ++body; // past ')'
    }
    if (body < tokens.size()) def.body.assign(std::make_move_iterator(tokens.begin() + static_cast<long>(body)),
                                              std::make_move_iterator(tokens.end()));
    CXFile file = nullptr;
    unsigned offset = 0;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, nullptr, nullptr, &offset);
    macro_defined_at_[name] = {file, offset};
    macro_defs_[std::move(name)] = std::move(def);
}

// The cast target of a typedef outside the IR, from clang's canonical type.
static std::optional<CastType> clang_cast_type(CXType t) {
    t = clang_getCanonicalType(t);
    if (t.kind == CXType_Enum) t = clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(t)));
    CastType c;
    unsigned bits = static_cast<unsigned>(clang_Type_getSizeOf(t) * 8);
    switch (t.kind) {
    case CXType_Bool: c.int_type = {8, false, 1}; c.is_bool = true; return c;
    case CXType_Float: c.kind = CastType::Float; return c;
    case CXType_Double: c.kind = CastType::Double; return c;
    case CXType_SChar: case CXType_Char_S: c.int_type = {bits, true, 2}; return c;
    case CXType_UChar: case CXType_Char_U: c.int_type = {bits, false, 2}; return c;
    case CXType_Short: c.int_type = {bits, true, 3}; return c;
    case CXType_UShort: c.int_type = {bits, false, 3}; return c;
    case CXType_Int: c.int_type = {bits, true, 4}; return c;
    case CXType_UInt: c.int_type = {bits, false, 4}; return c;
    case CXType_Long: c.int_type = {bits, true, 5}; return c;
    case CXType_ULong: c.int_type = {bits, false, 5}; return c;
    case CXType_LongLong: c.int_type = {bits, true, 6}; return c;
    case CXType_ULongLong: c.int_type = {bits, false, 6}; return c;
    default: return std::nullopt;
    }
}

void Translator::add_names_declared_elsewhere(EvalScope &scope) const {
    for (CXCursor c : declared_elsewhere_) {
        switch (clang_getCursorKind(c)) {
        case CXCursor_FunctionDecl: scope.functions.insert(str(clang_getCursorSpelling(c))); break;
        case CXCursor_VarDecl: scope.variables.insert(str(clang_getCursorSpelling(c))); break;
        case CXCursor_TypedefDecl: {
            std::string name = str(clang_getCursorSpelling(c));
            if (auto t = clang_cast_type(clang_getTypedefDeclUnderlyingType(c)))
                scope.arithmetic_typedefs.emplace(name, *t);
            else
                scope.other_typedefs.insert(name);
            break;
        }
        default: { // enums, and records whose members declare enums (file-scope constants in C)
            clang_visitChildren(
                c,
                [](CXCursor k, CXCursor, CXClientData data) {
                    CXCursorKind kind = clang_getCursorKind(k);
                    if (kind != CXCursor_EnumConstantDecl)
                        return kind == CXCursor_FieldDecl ? CXChildVisit_Continue : CXChildVisit_Recurse;
                    // Unknown signedness here: a value outside int's range is left unknown (Undecided).
                    long long v = clang_getEnumConstantDeclValue(k);
                    auto *sc = static_cast<EvalScope *>(data);
                    std::string name = str(clang_getCursorSpelling(k));
                    if (v >= INT32_MIN && v <= INT32_MAX) sc->enum_constants.emplace(name, v);
                    else sc->variables.insert(name); // declared: a name the evaluator must not call undeclared
                    return CXChildVisit_Continue;
                },
                &scope);
        }
        }
    }
}

// File offsets [from, to) of the blocks the preprocessor skipped in `file`.
static std::vector<std::pair<unsigned, unsigned>> skipped_offsets(CXTranslationUnit tu, CXFile file) {
    std::vector<std::pair<unsigned, unsigned>> out;
    CXSourceRangeList *list = clang_getSkippedRanges(tu, file);
    if (!list) return out;
    for (unsigned i = 0; i < list->count; ++i) {
        unsigned from = 0, to = 0;
        clang_getSpellingLocation(clang_getRangeStart(list->ranges[i]), nullptr, nullptr, nullptr, &from);
        clang_getSpellingLocation(clang_getRangeEnd(list->ranges[i]), nullptr, nullptr, nullptr, &to);
        out.emplace_back(from, to);
    }
    clang_disposeSourceRangeList(list);
    return out;
}

std::unordered_set<std::string> Translator::macros_undefined_after_definition() const {
    struct Scan {
        const Translator *self;
        CXTranslationUnit tu;
        std::unordered_set<std::string> out;
    } scan{this, tu_, {}};
    clang_getInclusions(
        tu_,
        [](CXFile file, CXSourceLocation *, unsigned, CXClientData data) {
            auto *s = static_cast<Scan *>(data);
            size_t size = 0;
            const char *text = clang_getFileContents(s->tu, file, &size);
            if (!text) return;
            std::string_view all(text, size);
            std::vector<std::pair<unsigned, unsigned>> skipped;
            bool skipped_loaded = false;
            for (size_t at = all.find("undef"); at != std::string_view::npos; at = all.find("undef", at + 5)) {
                size_t hash = at; // `#` then blanks before the directive name
                while (hash > 0 && (all[hash - 1] == ' ' || all[hash - 1] == '\t')) --hash;
                if (hash == 0 || all[hash - 1] != '#') continue;
                size_t b = at + 5, e;
                while (b < size && (all[b] == ' ' || all[b] == '\t')) ++b;
                for (e = b; e < size && (std::isalnum(static_cast<unsigned char>(all[e])) || all[e] == '_'); ++e) {}
                std::string name(all.substr(b, e - b));
                auto def = s->self->macro_defined_at_.find(name);
                if (def == s->self->macro_defined_at_.end()) continue;
                // Before the last definition in the same file: that definition is the one in force.
                if (clang_File_isEqual(def->second.file, file) && at < def->second.offset) continue;
                if (!skipped_loaded) { // inactive #if blocks, e.g. compiler-specific fallbacks
                    skipped = skipped_offsets(s->tu, file);
                    skipped_loaded = true;
                }
                bool inactive = false;
                for (const auto &[from, to] : skipped) inactive = inactive || (at >= from && at < to);
                if (!inactive) s->out.insert(std::move(name));
            }
        },
        &scan);
    return std::move(scan.out);
}

// C allows a macro to be defined again (identically, or after #undef; LVGL's lv_conf.h repeats its month names).
// The last definition is the one in force where the module is compiled, so the earlier one is excluded instead of
// colliding with it as a second constant of the same name.
void Translator::retire_earlier_definition(ir::MacroId latest) {
    const ir::DeclInfo &now = m_.macro(latest).info;
    auto [it, first] = macro_ids_.try_emplace(now.c_name, latest);
    if (first) return;
    ir::MacroId earlier = it->second;
    m_.macro(earlier).info.binding = {ir::Status::Excluded,
                                      "redefined at " + now.loc.file + ":" + std::to_string(now.loc.line)};
    std::erase_if(macros_, [earlier](const MacroCandidate &c) { return c.id == earlier; });
    it->second = latest;
}

// A record a bound header declares is bound wherever it is defined, an excluded header included.
void Translator::bind_record(ir::RecordId id) {
    ir::DeclInfo &d = m_.record(id).info;
    d.in_bound_header = true;
    if (d.in_excluded_header) d.binding = {};
    d.in_excluded_header = false;
}

void Translator::translate_all() {
    for_each_child(clang_getTranslationUnitCursor(tu_), [&](CXCursor c) {
        CXCursorKind k = clang_getCursorKind(c);
        switch (k) {
        case CXCursor_FunctionDecl:
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl:
        case CXCursor_EnumDecl:
        case CXCursor_TypedefDecl:
        case CXCursor_VarDecl:
        case CXCursor_MacroDefinition: break;
        default: return;
        }
        const FileRole role = file_role(c);
        if (role == FileRole::Other) {
            if (k == CXCursor_MacroDefinition && !clang_Cursor_isMacroBuiltin(c))
                record_definition(c, token_spellings(tu_, clang_getCursorExtent(c)));
            else if (k != CXCursor_MacroDefinition)
                declared_elsewhere_.push_back(c);
            return;
        }
        switch (k) {
        case CXCursor_FunctionDecl: function(c); break;
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl: {
            // A struct declared (even only forward) in a bound header is bound, wherever its definition is.
            ir::RecordId id = record(c);
            if (role == FileRole::Bound) bind_record(id);
            break;
        }
        case CXCursor_EnumDecl: enum_(c); break;
        case CXCursor_TypedefDecl: {
            // `typedef struct obj obj_t;` in a bound header binds struct obj too (defined wherever).
            ir::TypeId target = m_.typedef_(typedef_(c)).target;
            if (role == FileRole::Bound && m_.type(target).kind == ir::TypeKind::Record)
                bind_record(m_.type(target).record);
            break;
        }
        case CXCursor_VarDecl: variable(c); break;
        case CXCursor_MacroDefinition: macro(c); break;
        default: break;
        }
        drain_pending();
    });
    drain_pending();
}

std::unordered_set<std::string> Translator::scope_token_macros() const {
    // Bodies by name (tokens after the name; a function-like macro's parameters do no harm).
    std::unordered_map<std::string, const std::vector<std::string> *> bodies;
    for (const auto &[name, def] : macro_defs_) bodies[name] = &def.body;
    std::unordered_set<std::string> hazard;
    std::vector<std::string> work;
    std::unordered_map<std::string, std::vector<std::string>> users; // macro -> macros naming it
    for (const auto &[name, body] : bodies)
        for (size_t i = 0; i < body->size(); ++i) {
            const std::string &t = (*body)[i];
            if (t == "::" || (t == ":" && i > 0 && (*body)[i - 1] == ":")) {
                if (hazard.insert(name).second) work.push_back(name);
            } else if (t != name && bodies.count(t)) {
                users[t].push_back(name);
            }
        }
    while (!work.empty()) { // macros naming such macros, however long the chain
        std::string h = std::move(work.back());
        work.pop_back();
        for (const std::string &u : users[h])
            if (hazard.insert(u).second) work.push_back(u);
    }
    return hazard;
}

} // namespace mpbind::clangw
