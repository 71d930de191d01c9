// mpbind's driver: parse options, load headers through clang, run the passes, check --strict, write outputs.
#include "run.h"

#include <stdexcept>

#include "clang/load.h"
#include "options.h"
#include "output_file.h"
#include "passes/pipeline.h"
#include "report.h"
#include "watchdog.h"
#ifdef MPBIND_HAVE_EMIT
#include "emit/emit.h"
#endif

namespace mpbind::cli {

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
    ParseResult parsed = parse_args(args);
    if (!parsed.error.empty()) {
        err << "mpbind: error: " << parsed.error << "\n";
        return exit_usage;
    }
    const CliOptions &opt = parsed.opt;
    if (opt.help) {
        out << help_text();
        return exit_ok;
    }
    if (opt.version) {
        out << "mpbind " << MPBIND_VERSION << "\n";
        return exit_ok;
    }

    clangw::LoadOptions lo;
    lo.headers = opt.headers;
    lo.clang_args = opt.clang_args;
    lo.include_headers = opt.include_headers;
    lo.target = opt.target;
    lo.macros = opt.macros;
    clangw::LoadResult loaded = [&] {
        ParseWatchdog watchdog(opt.timeout_seconds);
        return clangw::load(lo);
    }();
    for (const std::string &d : loaded.diagnostics) err << d << "\n";
    if (!loaded.ok) return exit_input;
    ir::Module &m = loaded.module;

    std::vector<std::string> broken;
    try {
        broken = passes::run_all(m, opt.passes);
    } catch (const std::invalid_argument &e) {
        err << "mpbind: error: " << e.what() << "\n";
        return exit_usage;
    }
    if (!broken.empty()) {
        for (const std::string &b : broken) err << "mpbind: internal error: " << b << "\n";
        return exit_internal;
    }
    if (!opt.quiet) err << summary(m, opt.module_name);

    if (opt.strict) {
        std::vector<Skip> skips = skipped(m);
        if (!skips.empty()) {
            for (const Skip &s : skips)
                err << (s.loc.file.empty() ? "" : s.loc.file + ":" + std::to_string(s.loc.line) + ": ")
                    << "error: " << s.what << " skipped: " << s.reason << "\n";
            err << "mpbind: --strict: " << skips.size() << " declaration(s) skipped, nothing written\n";
            return exit_strict;
        }
    }

    std::vector<PendingFile> files;
    if (!opt.json.empty()) files.push_back({opt.json, json(m, opt.module_name)});
    if (!opt.output.empty()) {
#ifdef MPBIND_HAVE_EMIT
        emit::Options eo;
        eo.module_name = opt.module_name;
        try {
            files.push_back({opt.output, emit::module_c(m, eo)});
        } catch (const std::exception &e) {
            err << "mpbind: internal error in the emitter: " << e.what() << "\n";
            return exit_internal;
        }
#else
        err << "mpbind: error: this mpbind was built without the emitter (gen/emit); cannot write " << opt.output << "\n";
        return exit_output;
#endif
    }
    if (std::string e = write_all(files); !e.empty()) {
        err << "mpbind: error: " << e << "\n";
        return exit_output;
    }
    return exit_ok;
}

} // namespace mpbind::cli
