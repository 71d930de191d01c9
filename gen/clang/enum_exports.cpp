// Enumerators exporting a macro (enum_exports.h).
#include "enum_exports.h"

#include <algorithm>

#include "macro_tokens.h"

namespace mpbind::clangw {

namespace {

// One replacement of a function-like macro: parameters substituted, `a ## b` pasted. Empty when the body
// stringifies (`#p`: no enumerator is made that way) or the arguments do not fit.
std::vector<std::string> replace_once(const MacroDef &def, const std::vector<std::vector<std::string>> &args) {
    if (def.variadic || args.size() != def.params.size()) return {};
    std::vector<std::string> out;
    bool paste = false;
    for (const std::string &b : def.body) {
        if (b == "#") return {};
        if (b == "##") {
            paste = !out.empty();
            continue;
        }
        std::vector<std::string> piece{b};
        if (auto p = std::find(def.params.begin(), def.params.end(), b); p != def.params.end())
            piece = args[static_cast<size_t>(p - def.params.begin())];
        size_t from = 0;
        if (paste && !piece.empty()) out.back() += piece[from++];
        out.insert(out.end(), piece.begin() + static_cast<long>(from), piece.end());
        paste = false;
    }
    return out;
}

} // namespace

std::string exported_macro(const std::string &name, const std::vector<std::string> &tokens,
                           const std::unordered_map<std::string, MacroDef> &macros) {
    std::vector<std::string> replaced;
    const std::vector<std::string> *seen = &tokens;
    if (tokens.empty() || tokens[0] != name) { // made by a macro: replace its invocation once
        auto def = tokens.empty() ? macros.end() : macros.find(tokens[0]);
        std::vector<std::vector<std::string>> args;
        size_t end = 0;
        if (def == macros.end() || !def->second.function_like || tokens.size() < 3 || tokens[1] != "(" ||
            !call_arguments(tokens, 1, args, end))
            return "";
        if (args.size() == 1 && args[0].empty() && def->second.params.empty()) args.clear();
        replaced = replace_once(def->second, args);
        seen = &replaced;
    }
    const std::vector<std::string> &t = *seen;
    for (size_t i = 0; i + 2 < t.size(); ++i) {
        if (t[i] != name || t[i + 1] != "=" || !starts_identifier(t[i + 2])) continue;
        if (i + 3 < t.size() && t[i + 3] != "," && t[i + 3] != "}") return "";
        auto m = macros.find(t[i + 2]);
        return m != macros.end() && !m->second.function_like ? t[i + 2] : "";
    }
    return "";
}

} // namespace mpbind::clangw
