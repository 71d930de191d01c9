// The option table of mpbind: each option once, with its flag, argument name, default and help text.
#include "options.h"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <functional>
#include <stdexcept>

#include "passes/regex.h"

namespace mpbind::cli {

namespace {

struct Option {
    const char *flag;       // "-M", "--prefix"
    const char *arg;        // argument name, nullptr for switches
    const char *def;        // default shown in --help ("" for none)
    const char *help;
    std::function<std::string(CliOptions &, const std::string &)> set; // returns an error or ""
};

std::string group_rule(CliOptions &o, const std::string &v) {
    if (v == "prefix") o.passes.group_rule = passes::GroupRule::Prefix;
    else if (v == "name") o.passes.group_rule = passes::GroupRule::Name;
    else if (v == "flat") o.passes.group_rule = passes::GroupRule::Flat;
    else return "--group-rule must be prefix, name or flat (got '" + v + "')";
    return "";
}

std::string user_field(CliOptions &o, const std::string &v) {
    size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) return "--user-field wants TYPE=FIELD (got '" + v + "')";
    o.passes.user_fields.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    return "";
}

std::string release(CliOptions &o, const std::string &v) {
    size_t eq = v.find('=');
    std::string rule = eq == std::string::npos ? "" : v.substr(eq + 1);
    bool known = rule == "call" || rule == "replace" || rule == "keep";
    for (const char *with_name : {"destroy:", "remove:", "delete:"})
        known = known || (rule.rfind(with_name, 0) == 0 && rule.size() > std::string(with_name).size());
    if (eq == 0 || !known)
        return "--release wants FUNCTION=call|replace|keep|destroy:PARAM|remove:FUNCTION|delete:FUNCTION (got '" + v + "')";
    o.passes.releases.emplace_back(v.substr(0, eq), rule);
    return "";
}

std::string slot_pool(CliOptions &o, const std::string &v) {
    unsigned n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < 1 || n > 64)
        return "--slot-pool wants a number of trampolines from 1 to 64 (got '" + v + "')";
    o.passes.slot_pool = n;
    return "";
}

std::string timeout(CliOptions &o, const std::string &v) {
    unsigned n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n > 86400)
        return "--timeout wants a number of seconds from 0 to 86400 (got '" + v + "')";
    o.timeout_seconds = n;
    return "";
}

bool c_identifier(const std::string &s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

std::string gc_root(CliOptions &o, const std::string &v) {
    size_t eq = v.find('=');
    std::string var = v.substr(0, eq), type = eq == std::string::npos ? "" : v.substr(eq + 1);
    if (!c_identifier(var) || type.empty()) return "--gc-root wants VAR=TYPE (got '" + v + "')";
    o.passes.gc_root.var = var;
    o.passes.gc_root.type = type;
    return "";
}

std::string gc_hooks(CliOptions &o, const std::string &v) {
    size_t comma = v.find(',');
    std::string init = v.substr(0, comma), deinit = comma == std::string::npos ? "" : v.substr(comma + 1);
    if (!c_identifier(init) || !c_identifier(deinit) || init == deinit)
        return "--gc-hooks wants INIT,DEINIT, two C function names (got '" + v + "')";
    o.passes.gc_root.init = init;
    o.passes.gc_root.deinit = deinit;
    return "";
}

const std::vector<Option> &table() {
    static const std::vector<Option> t = {
        {"-M", "NAME", "", "module name (required): the module is `import NAME`",
         [](CliOptions &o, const std::string &v) { o.module_name = v; return std::string(); }},
        {"-o", "OUT.c", "", "write the generated C module here",
         [](CliOptions &o, const std::string &v) { o.output = v; return std::string(); }},
        {"--json", "OUT.json", "", "write every declaration (bound or skipped, with reason) and the Python API",
         [](CliOptions &o, const std::string &v) { o.json = v; return std::string(); }},
        {"--pyi", "OUT.pyi", "", "write the module's .pyi stub (its functions, classes and constants, typed)",
         [](CliOptions &o, const std::string &v) { o.pyi = v; return std::string(); }},
        {"--prefix", "PFX", "", "strip PFX from C names (case-insensitive; repeatable, first match wins)",
         [](CliOptions &o, const std::string &v) { o.passes.prefixes.push_back(v); return std::string(); }},
        {"--allow", "REGEX", "", "bind only C names fully matching REGEX (repeatable)",
         [](CliOptions &o, const std::string &v) { o.passes.allow.push_back(v); return std::string(); }},
        {"--block", "REGEX", "", "never bind C names fully matching REGEX (repeatable)",
         [](CliOptions &o, const std::string &v) { o.passes.block.push_back(v); return std::string(); }},
        {"--include-headers", "REGEX", "", "also bind declarations of included headers whose path matches REGEX",
         [](CliOptions &o, const std::string &v) { o.include_headers = v; return std::string(); }},
        {"--exclude-headers", "REGEX", "",
         "never bind declarations of headers whose path matches REGEX (repeatable; wins over the bound headers and "
         "--include-headers; reported as excluded)",
         [](CliOptions &o, const std::string &v) { o.exclude_headers.push_back(v); return std::string(); }},
        {"--target", "TRIPLE", "the host",
         "lay structs out for the compiler of this target (its `cc -dumpmachine`, e.g. arm-linux-gnueabihf)",
         [](CliOptions &o, const std::string &v) { o.target = v; return std::string(); }},
        {"--group-rule", "RULE", "prefix", "enum classes: prefix (common prefix), name (enum's name) or flat",
         group_rule},
        {"--flat-constants", nullptr, "off",
         "grouped constants (enum constants and macros in a class) are also module attributes",
         [](CliOptions &o, const std::string &) { o.passes.flat_constants = true; return std::string(); }},
        {"--flat-enums", nullptr, "off", "older name of --flat-constants (now also covers grouped macros)",
         [](CliOptions &o, const std::string &) { o.passes.flat_constants = true; return std::string(); }},
        {"--no-macros", nullptr, "off", "do not evaluate #define constants",
         [](CliOptions &o, const std::string &) { o.macros = false; return std::string(); }},
        {"--no-methods", nullptr, "off", "no methods (<T>_<name>(T *self, ...)) and no constant classes attached to classes",
         [](CliOptions &o, const std::string &) { o.passes.methods = false; return std::string(); }},
        {"--flat-methods", nullptr, "off",
         "functions that became methods (and constructors of object classes) are also module functions",
         [](CliOptions &o, const std::string &) { o.passes.flat_methods = true; return std::string(); }},
        {"--user-field", "TYPE=FIELD", "user_data", "callback user-data field of struct TYPE (repeatable)", user_field},
        {"--isr", "REGEX", "", "callbacks \"<owner>.<slot>\" matching REGEX run in interrupt context",
         [](CliOptions &o, const std::string &v) { o.passes.isr = v; return std::string(); }},
        {"--release", "FUNCTION=RULE", "from the header",
         "when FUNCTION's user-data closures are released: call (when it returns), replace (by its next call on the "
         "same object, or None), keep (never), destroy:PARAM (by that destroy-notify callback); also remove:F (by F "
         "given the handle FUNCTION returned), delete:F (by F given the object) (repeatable)",
         release},
        {"--slot-pool", "N", "8",
         "trampolines per callback field whose struct has no user field: N instances may hold Python callables at once",
         slot_pool},
        {"--gc-root", "VAR=TYPE", "",
         "the library keeps its state in MicroPython's GC heap through `void *VAR`: the module defines VAR, kept "
         "reachable by the GC, and the --gc-hooks that allocate a zeroed TYPE into it and drop it",
         gc_root},
        {"--gc-hooks", "INIT,DEINIT", "",
         "the names of the --gc-root hooks the module defines, `void INIT(void)` and `void DEINIT(void)`", gc_hooks},
        {"--used-structs-only", nullptr, "off",
         "bind only the structs and unions a bound function, global variable or such struct uses (else excluded)",
         [](CliOptions &o, const std::string &) { o.passes.used_structs_only = true; return std::string(); }},
        {"--allow-deprecated", nullptr, "off", "bind deprecated declarations too (else skipped: \"deprecated\")",
         [](CliOptions &o, const std::string &) { o.passes.allow_deprecated = true; return std::string(); }},
        {"--timeout", "SECONDS", "120", "give up (exit 1) when clang has not finished parsing after SECONDS (0: never)",
         timeout},
        {"--strict", nullptr, "off", "any skipped declaration is an error (exit 3, no output)",
         [](CliOptions &o, const std::string &) { o.strict = true; return std::string(); }},
        {"--quiet", nullptr, "off", "no summary on stderr",
         [](CliOptions &o, const std::string &) { o.quiet = true; return std::string(); }},
        {"--help", nullptr, "", "show this help",
         [](CliOptions &o, const std::string &) { o.help = true; return std::string(); }},
        {"--version", nullptr, "", "show the version",
         [](CliOptions &o, const std::string &) { o.version = true; return std::string(); }},
    };
    return t;
}

// Whether two output paths name one file (also through "./", ".." or symlinked folders).
bool same_file(const std::string &a, const std::string &b) {
    std::error_code ea, eb;
    auto ca = std::filesystem::weakly_canonical(std::filesystem::absolute(a), ea);
    auto cb = std::filesystem::weakly_canonical(std::filesystem::absolute(b), eb);
    return (ea || eb) ? a == b : ca == cb;
}

} // namespace

std::string help_text() {
    std::string h = "usage: mpbind -M NAME [-o OUT.c] [options] HEADER... [-- CLANG_ARGS...]\n\n"
                    "Generates a MicroPython module from C headers. Clang arguments (-I, -D, -std, ...) go after --.\n\n"
                    "options:\n";
    for (const Option &o : table()) {
        std::string left = std::string("  ") + o.flag + (o.arg ? std::string(" ") + o.arg : "");
        if (left.size() < 30) left.append(30 - left.size(), ' ');
        else left += "\n" + std::string(30, ' ');
        h += left + o.help;
        if (o.def && *o.def) h += std::string(" [default: ") + o.def + "]";
        h += "\n";
    }
    h += "\nexit codes: 0 ok, 1 header missing or with errors, 2 usage error, 3 --strict violation,\n"
         "            4 output not written, 5 internal error\n";
    return h;
}

ParseResult parse_args(const std::vector<std::string> &args) {
    ParseResult r;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--") {
            r.opt.clang_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        if (a.size() < 2 || a[0] != '-') {
            r.opt.headers.push_back(a);
            continue;
        }
        // "--flag=value" and "-MNAME" forms are accepted too.
        std::string flag = a, inline_value;
        bool has_inline = false;
        if (size_t eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            flag = a.substr(0, eq);
            inline_value = a.substr(eq + 1);
            has_inline = true;
        } else if (a.rfind("--", 0) != 0 && a.size() > 2) {
            flag = a.substr(0, 2);
            inline_value = a.substr(2);
            has_inline = true;
        }
        const Option *opt = nullptr;
        for (const Option &o : table())
            if (flag == o.flag) opt = &o;
        if (!opt) {
            r.error = "unknown option '" + a + "' (see --help)";
            return r;
        }
        std::string value;
        if (opt->arg) {
            if (has_inline) {
                value = inline_value;
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                r.error = std::string("option ") + opt->flag + " needs an argument " + opt->arg;
                return r;
            }
        } else if (has_inline) {
            r.error = std::string("option ") + opt->flag + " takes no argument";
            return r;
        }
        if (std::string e = opt->set(r.opt, value); !e.empty()) {
            r.error = e;
            return r;
        }
    }
    if (r.opt.help || r.opt.version) return r;
    // Every pattern compiles now, so a bad one is the same usage error whichever option carries it.
    try {
        for (const std::string &p : r.opt.passes.allow) passes::compile_regex(p, "--allow");
        for (const std::string &p : r.opt.passes.block) passes::compile_regex(p, "--block");
        if (!r.opt.passes.isr.empty()) passes::compile_regex(r.opt.passes.isr, "--isr");
        if (!r.opt.include_headers.empty()) passes::compile_regex(r.opt.include_headers, "--include-headers");
        for (const std::string &p : r.opt.exclude_headers) passes::compile_regex(p, "--exclude-headers");
    } catch (const std::invalid_argument &e) {
        r.error = e.what();
        return r;
    }
    const std::pair<const char *, const std::string *> outputs[] = {
        {"-o", &r.opt.output}, {"--json", &r.opt.json}, {"--pyi", &r.opt.pyi}};
    for (size_t i = 0; i < 3 && r.error.empty(); ++i)
        for (size_t k = i + 1; k < 3 && r.error.empty(); ++k)
            if (!outputs[i].second->empty() && !outputs[k].second->empty() &&
                same_file(*outputs[i].second, *outputs[k].second))
                r.error = std::string(outputs[i].first) + " and " + outputs[k].first + " name the same file '" +
                          *outputs[i].second + "'";
    const ir::GcRoot &gc = r.opt.passes.gc_root;
    if (gc.var.empty() != gc.init.empty())
        r.error = gc.var.empty() ? "--gc-hooks needs --gc-root VAR=TYPE" : "--gc-root needs --gc-hooks INIT,DEINIT";
    else if (!gc.var.empty() && (gc.var == gc.init || gc.var == gc.deinit))
        r.error = "--gc-root's variable and --gc-hooks' functions need distinct names";
    if (!r.error.empty()) return r;
    if (r.opt.module_name.empty()) r.error = "missing -M NAME (the module name)";
    else if (r.opt.headers.empty()) r.error = "no header given";
    else if (!c_identifier(r.opt.module_name)) r.error = "module name '" + r.opt.module_name + "' is not a C identifier";
    return r;
}

} // namespace mpbind::cli
