// Formatting of clang diagnostics for the user (errors make the run fail, warnings are passed on).
#include "diagnostics.h"

#include "raii.h"

namespace mpbind::clangw {

bool collect_diagnostics(CXTranslationUnit tu, std::vector<std::string> &out) {
    bool error = false;
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; ++i) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev >= CXDiagnostic_Warning) {
            out.push_back(str(clang_formatDiagnostic(
                d, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn | CXDiagnostic_DisplayOption)));
            error = error || sev >= CXDiagnostic_Error;
        }
        clang_disposeDiagnostic(d);
    }
    return error;
}

} // namespace mpbind::clangw
