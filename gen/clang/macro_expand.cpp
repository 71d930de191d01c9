// Macro expansion for the token evaluator (macro_eval.h): enough of C's preprocessor for constant bodies.
// Each token is scanned once in the context it appears in; a macro is disabled while its own replacement is
// rescanned (so `#define A A` stays `A`). What is not modelled fails the expansion, which sends the macro to the
// probe parse instead of guessing.
#include <algorithm>

#include "macro_eval.h"
#include "macro_tokens.h"

namespace mpbind::clangw {

namespace {

constexpr size_t max_expanded_tokens = 4096;
constexpr size_t max_depth = 64;

// Macros whose value depends on where they are expanded (the probe's own line, file, counter): the probe decides.
bool is_dynamic_builtin(const std::string &t) {
    static const char *names[] = {"__LINE__", "__FILE__", "__FILE_NAME__", "__BASE_FILE__", "__COUNTER__",
                                  "__INCLUDE_LEVEL__", "__DATE__", "__TIME__", "__TIMESTAMP__"};
    for (const char *n : names)
        if (t == n) return true;
    return false;
}

class Expander {
public:
    explicit Expander(const EvalScope &scope) : scope_(scope) {}

    bool expand(const std::vector<std::string> &in, std::vector<std::string> &out) {
        if (active_.size() > max_depth) return false;
        for (size_t i = 0; i < in.size(); ++i) {
            const std::string &t = in[i];
            if (is_dynamic_builtin(t)) return false;
            const MacroDef *def = starts_identifier(t) ? find(t) : nullptr;
            if (!def || (def->function_like && (i + 1 >= in.size() || in[i + 1] != "("))) {
                out.push_back(t);
                continue;
            }
            if (scope_.undefined_somewhere.count(t)) return false;
            if (std::find(def->body.begin(), def->body.end(), "#") != def->body.end() ||
                std::find(def->body.begin(), def->body.end(), "##") != def->body.end())
                return false;
            std::vector<std::string> replaced;
            if (def->function_like) {
                if (def->variadic) return false;
                std::vector<std::vector<std::string>> args;
                size_t end = 0;
                if (!call_arguments(in, i + 1, args, end)) return false; // the call's ')' is beyond these tokens
                if (args.size() == 1 && args[0].empty() && def->params.empty()) args.clear();
                if (args.size() != def->params.size()) return false;
                std::vector<std::vector<std::string>> expanded(args.size());
                for (size_t a = 0; a < args.size(); ++a)
                    if (!expand(args[a], expanded[a])) return false;
                for (const std::string &b : def->body) {
                    auto p = std::find(def->params.begin(), def->params.end(), b);
                    if (p == def->params.end()) replaced.push_back(b);
                    else {
                        const auto &arg = expanded[static_cast<size_t>(p - def->params.begin())];
                        replaced.insert(replaced.end(), arg.begin(), arg.end());
                    }
                }
                i = end;
            } else {
                replaced = def->body;
            }
            active_.push_back(t);
            size_t before = out.size();
            bool ok = expand(replaced, out);
            active_.pop_back();
            if (!ok || out.size() > max_expanded_tokens) return false;
            // A function-like macro name ending a replacement, called by the tokens after it: C would invoke it
            // across the boundary; not modelled.
            if (out.size() > before && i + 1 < in.size() && in[i + 1] == "(") {
                const MacroDef *last = starts_identifier(out.back()) ? find(out.back()) : nullptr;
                if (last && last->function_like) return false;
            }
        }
        return true;
    }

private:
    // The macro `name` names, unless it is being expanded (then the name stays an identifier).
    const MacroDef *find(const std::string &name) const {
        auto it = scope_.macros.find(name);
        if (it == scope_.macros.end()) return nullptr;
        if (std::find(active_.begin(), active_.end(), name) != active_.end()) return nullptr;
        return &it->second;
    }

    const EvalScope &scope_;
    std::vector<std::string> active_;
};

} // namespace

bool expand_macros(const EvalScope &scope, const std::vector<std::string> &tokens, std::vector<std::string> &out) {
    Expander e(scope);
    return e.expand(tokens, out);
}

} // namespace mpbind::clangw
