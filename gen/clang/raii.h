// RAII wrappers over libclang handles (index, translation unit, strings, tokens) and cursor visitation.
#pragma once
#include <clang-c/Index.h>

#include <string>
#include <utility>
#include <vector>

namespace mpbind::clangw {

// Takes ownership of a CXString and returns it as std::string.
inline std::string str(CXString s) {
    const char *c = clang_getCString(s);
    std::string out = c ? c : "";
    clang_disposeString(s);
    return out;
}

class Index {
public:
    Index() : index_(clang_createIndex(/*excludeDeclarationsFromPCH=*/0, /*displayDiagnostics=*/0)) {}
    ~Index() { clang_disposeIndex(index_); }
    Index(const Index &) = delete;
    Index &operator=(const Index &) = delete;
    CXIndex get() const { return index_; }

private:
    CXIndex index_;
};

class TranslationUnit {
public:
    TranslationUnit() = default;
    explicit TranslationUnit(CXTranslationUnit tu) : tu_(tu) {}
    ~TranslationUnit() { reset(); }
    TranslationUnit(TranslationUnit &&o) noexcept : tu_(std::exchange(o.tu_, nullptr)) {}
    TranslationUnit &operator=(TranslationUnit &&o) noexcept {
        if (this != &o) {
            reset();
            tu_ = std::exchange(o.tu_, nullptr);
        }
        return *this;
    }
    CXTranslationUnit get() const { return tu_; }
    explicit operator bool() const { return tu_ != nullptr; }
    CXCursor cursor() const { return clang_getTranslationUnitCursor(tu_); }

private:
    void reset() {
        if (tu_) clang_disposeTranslationUnit(tu_);
        tu_ = nullptr;
    }
    CXTranslationUnit tu_ = nullptr;
};

// The spellings of the tokens of a source range (e.g. a macro definition, name first).
inline std::vector<std::string> token_spellings(CXTranslationUnit tu, CXSourceRange range) {
    CXToken *tokens = nullptr;
    unsigned n = 0;
    clang_tokenize(tu, range, &tokens, &n);
    std::vector<std::string> out;
    out.reserve(n);
    for (unsigned i = 0; i < n; ++i) out.push_back(str(clang_getTokenSpelling(tu, tokens[i])));
    if (tokens) clang_disposeTokens(tu, tokens, n);
    return out;
}

// Calls f(child) for each direct child of `parent`; f returns nothing (always continues).
template <class F> void for_each_child(CXCursor parent, F &&f) {
    clang_visitChildren(
        parent,
        [](CXCursor c, CXCursor, CXClientData data) {
            (*static_cast<F *>(data))(c);
            return CXChildVisit_Continue;
        },
        &f);
}

// Calls f(field_cursor) for each field of a record type, in declaration order.
template <class F> void for_each_field(CXType record, F &&f) {
    clang_Type_visitFields(
        record,
        [](CXCursor c, CXClientData data) {
            (*static_cast<F *>(data))(c);
            return CXVisit_Continue;
        },
        &f);
}

class EvalResult {
public:
    explicit EvalResult(CXEvalResult r) : r_(r) {}
    ~EvalResult() {
        if (r_) clang_EvalResult_dispose(r_);
    }
    EvalResult(const EvalResult &) = delete;
    EvalResult &operator=(const EvalResult &) = delete;
    CXEvalResult get() const { return r_; }
    explicit operator bool() const { return r_ != nullptr; }

private:
    CXEvalResult r_;
};

} // namespace mpbind::clangw
