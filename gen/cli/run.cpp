// mpbind's driver: parse options, load headers through clang, run the passes, check --strict, write outputs.
#include "run.h"

#include <stdexcept>

#include "clang/load.h"
#include "emit/emit.h"
#include "options.h"
#include "output_file.h"
#include "passes/pipeline.h"
#include "plan/build.h"
#include "report.h"
#include "watchdog.h"

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
    lo.exclude_headers = opt.exclude_headers;
    lo.target = opt.target;
    lo.macros = opt.macros;
    clangw::LoadResult loaded = [&] {
        ParseWatchdog watchdog(opt.timeout_seconds);
        return clangw::load(lo);
    }();
    // No malloc_trim here: the plan and the outputs reuse the heap the translation unit freed (giving it back to
    // the system and faulting it in again cost 1,600 page faults on lvgl.h, for 1 MiB less peak memory).
    for (const std::string &d : loaded.diagnostics) err << d << "\n";
    if (!loaded.ok) return exit_input;
    if (!opt.include_headers.empty() && !loaded.include_headers_matched) {
        err << "mpbind: error: --include-headers '" << opt.include_headers
            << "' matches no header the bound headers include\n";
        return exit_usage;
    }
    for (const std::string &x : loaded.exclude_headers_unmatched) {
        err << "mpbind: error: --exclude-headers '" << x << "' matches no header that would be bound\n";
        return exit_usage;
    }
    ir::Module &m = loaded.module;

    std::vector<std::string> broken;
    try {
        broken = passes::run_all(m, opt.passes);
    } catch (const std::invalid_argument &e) { // an option that is wrong for these headers
        err << "mpbind: error: " << e.what() << "\n";
        return exit_usage;
    } catch (const std::logic_error &e) { // passes run out of order: a bug
        err << "mpbind: internal error: " << e.what() << "\n";
        return exit_internal;
    }
    if (!broken.empty()) {
        for (const std::string &b : broken) err << "mpbind: internal error: " << b << "\n";
        return exit_internal;
    }
    plan::Plan p;
    try {
        p = plan::build(m, plan::Options{opt.module_name, opt.clang_args});
    } catch (const std::logic_error &e) {
        err << "mpbind: internal error: " << e.what() << "\n";
        return exit_internal;
    }
    // The plan holds all the outputs print: the IR goes before they are made, lowering peak memory on large headers.
    m = ir::Module();
    if (!opt.quiet) err << summary(p);

    if (opt.strict && !p.skipped.empty()) {
        for (const plan::Skip &s : p.skipped)
            err << (s.loc.file.empty() ? "" : s.loc.file + ":" + std::to_string(s.loc.line) + ": ")
                << "error: " << s.what << " skipped: " << s.reason << "\n";
        err << "mpbind: --strict: " << p.skipped.size() << " declaration(s) skipped, nothing written\n";
        return exit_strict;
    }

    // Made in parallel by write_all (the C module and the JSON report take about as long), each only reads the plan.
    std::vector<PendingFile> files;
    if (!opt.json.empty()) files.emplace_back(opt.json, [&p] { return json(p); });
    if (!opt.output.empty()) files.emplace_back(opt.output, [&p] { return emit::module_c(p); });
    if (!opt.pyi.empty()) files.emplace_back(opt.pyi, [&p] { return emit::module_pyi(p); });
    if (std::string e = write_all(files); !e.empty()) {
        err << "mpbind: error: " << e << "\n";
        return exit_output;
    }
    return exit_ok;
}

} // namespace mpbind::cli
