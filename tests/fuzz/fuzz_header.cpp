// libFuzzer harness: a mutated header goes through mpbind's whole pipeline (parse, IR, passes, emit) in-process.
//
// The input is the header text. When its first line is "// mpbind: ..." (as in tests/headers), the options on
// it that take no regular expression are used too, so the fuzzer also explores prefixes, user fields, rules.
// Findings: a crash or sanitizer report, a hang (libFuzzer -timeout), or exit 5 (an IR invariant broken),
// which aborts so libFuzzer keeps the input. With MPBIND_FUZZ_SAVE=DIR, every header that generated a module
// without a warning is kept there with its options, for the compile check (check_outputs.py).
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "cli/run.h"

namespace {

namespace fs = std::filesystem;

// Options that only shape names and grouping (no regex: a user's own pathological regex is not a finding).
bool allowed_option(const std::string &o) {
    return o == "--prefix" || o == "--user-field" || o == "--group-rule" || o == "--flat-enums" ||
           o == "--flat-constants" || o == "--no-methods" || o == "--no-macros";
}
bool takes_value(const std::string &o) { return o == "--prefix" || o == "--user-field" || o == "--group-rule"; }

// The allowed options of a first line "// mpbind: ...".
std::vector<std::string> header_options(const std::string &text) {
    std::vector<std::string> opts;
    const std::string tag = "// mpbind:";
    if (text.compare(0, tag.size(), tag) != 0) return opts;
    std::istringstream line(text.substr(tag.size(), text.find('\n') - tag.size()));
    std::vector<std::string> words;
    for (std::string w; line >> w;) words.push_back(w);
    for (size_t i = 0; i < words.size(); ++i) {
        if (!allowed_option(words[i])) continue;
        opts.push_back(words[i]);
        if (takes_value(words[i])) {
            if (i + 1 >= words.size()) {
                opts.pop_back();
                break;
            }
            if (words[i + 1].find('\0') != std::string::npos) { // no command line can carry it
                opts.pop_back();
                ++i;
                continue;
            }
            opts.push_back(words[++i]);
        }
    }
    return opts;
}

const fs::path &work_dir() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("mpbind-fuzz-" + std::to_string(getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// Inputs that hang today for a reason already recorded, skipped so a run keeps looking for new ones.
// clang-19 never finishes parsing `(::)` in C, in a declaration or (refused since) through the macro probe; the
// watchdog of --timeout ends such a run, but in-process the fuzzer would wait for it.
bool known_hang(const std::string &text) { return text.find("::") != std::string::npos; }

void save_sample(const std::string &text, const std::vector<std::string> &opts) {
    const char *save = std::getenv("MPBIND_FUZZ_SAVE");
    if (!save || !*save) return;
    std::string key = std::to_string(std::hash<std::string>{}(text));
    fs::create_directories(save);
    std::ofstream(fs::path(save) / ("s" + key + ".h"), std::ios::binary) << text;
    std::ofstream args(fs::path(save) / ("s" + key + ".args"));
    for (const std::string &o : opts) args << o << "\n";
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    // Let a crash inside libclang surface instead of being turned into an error return.
    setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    if (known_hang(text)) return -1; // -1: libFuzzer does not add the input to the corpus
    const fs::path header = work_dir() / "fuzz.h";
    std::ofstream(header, std::ios::binary | std::ios::trunc) << text;
    const fs::path out = work_dir() / "fuzz.c", json = work_dir() / "fuzz.json";
    fs::remove(out);
    fs::remove(json);

    std::vector<std::string> opts = header_options(text);
    std::vector<std::string> args = {"-M", "fuzz", "--quiet", "-o", out.string(), "--json", json.string()};
    args.insert(args.end(), opts.begin(), opts.end());
    // The module is compiled as C99: parse it the same way (clang's gnu default declares more).
    args.insert(args.end(), {header.string(), "--", "-std=c99"});

    std::ostringstream sink_out, sink_err;
    int code = mpbind::cli::run(args, sink_out, sink_err);
    if (code == 4 || code == 5 || (code == 0 && !fs::exists(out)) || (code != 0 && fs::exists(out))) {
        std::cerr << "mpbind exit " << code << (fs::exists(out) ? " with" : " without") << " output\n"
                  << sink_err.str();
        std::abort();
    }
    // Headers clang warns about are not kept: gcc -Werror rejects most of them wherever they are included.
    if (code == 0 && sink_err.str().find("warning:") == std::string::npos) save_sample(text, opts);
    return 0;
}
