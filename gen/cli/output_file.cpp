// Output files: all written to temporaries "<path>.tmp<pid>" first, then renamed into place all or none.
#include "output_file.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace mpbind::cli {

namespace {

namespace fs = std::filesystem;

std::string temp_name(const std::string &path, const char *what) { return path + what + std::to_string(getpid()); }

// Puts back what the rename phase changed: targets renamed so far get their old file (kept as a hard link
// "<path>.bak<pid>") or disappear if they did not exist before.
void roll_back(const std::vector<PendingFile> &files, size_t renamed, const std::vector<bool> &backed_up) {
    for (size_t i = 0; i < renamed; ++i) {
        std::string bak = temp_name(files[i].path, ".bak");
        if (backed_up[i]) std::rename(bak.c_str(), files[i].path.c_str());
        else std::remove(files[i].path.c_str());
    }
    for (size_t i = renamed; i < files.size(); ++i)
        if (backed_up[i]) std::remove(temp_name(files[i].path, ".bak").c_str());
}

// Writes `contents` to `tmp`; "" or the error.
std::string write_temp(const std::string &path, const std::string &tmp, const std::string &contents) {
    FILE *out = std::fopen(tmp.c_str(), "wb");
    if (!out) return "cannot write '" + path + "': " + std::generic_category().message(errno); // thread-safe strerror
    bool ok = std::fwrite(contents.data(), 1, contents.size(), out) == contents.size();
    ok = (std::fclose(out) == 0) && ok;
    return ok ? "" : "cannot write '" + path + "'";
}

// What making and writing one file's temporary gave.
struct Made {
    std::string error;
    std::exception_ptr thrown;
};

// Makes the files and writes their temporaries, on up to one thread per file and per core: the outputs of a
// large header take about as long to make as its translation, and they only read the plan. Files are taken in
// order from a shared counter, so the first (and largest) ones start first.
std::vector<Made> make_all(const std::vector<PendingFile> &files, const std::vector<std::string> &temps) {
    std::vector<Made> made(files.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < files.size();) {
            try {
                made[i].error = write_temp(files[i].path, temps[i], files[i].make());
            } catch (...) {
                made[i].thrown = std::current_exception();
            }
        }
    };
    size_t threads = std::min<size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::jthread> helpers; // joined however this returns
    try {
        for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    } catch (const std::system_error &) {
        // No thread to be had (a process limit): this one makes the files the others have not taken.
    }
    work();
    helpers.clear();
    return made;
}

} // namespace

std::string write_all(const std::vector<PendingFile> &files) {
    // A directory in the way is known before anything is made.
    for (const PendingFile &f : files) {
        std::error_code ec;
        if (fs::is_directory(f.path, ec)) return "cannot write '" + f.path + "': it is a directory";
    }
    std::vector<std::string> temps;
    for (const PendingFile &f : files) temps.push_back(temp_name(f.path, ".tmp"));
    auto remove_temps = [&] {
        for (const std::string &t : temps) std::remove(t.c_str());
    };
    std::vector<Made> made = make_all(files, temps);
    for (const Made &m : made) {
        if (m.thrown) {
            remove_temps();
            std::rethrow_exception(m.thrown);
        }
    }
    for (const Made &m : made) {
        if (!m.error.empty()) {
            remove_temps();
            return m.error;
        }
    }
    // Keep the old targets reachable until every rename succeeded, so a late failure can undo the early ones.
    std::vector<bool> backed_up(files.size(), false);
    for (size_t i = 0; i < files.size(); ++i)
        backed_up[i] = ::link(files[i].path.c_str(), temp_name(files[i].path, ".bak").c_str()) == 0;
    for (size_t i = 0; i < files.size(); ++i) {
        if (std::rename(temps[i].c_str(), files[i].path.c_str()) != 0) {
            std::string e = "cannot rename to '" + files[i].path + "': " + std::strerror(errno);
            roll_back(files, i, backed_up);
            remove_temps();
            return e;
        }
    }
    for (size_t i = 0; i < files.size(); ++i)
        if (backed_up[i]) std::remove(temp_name(files[i].path, ".bak").c_str());
    return "";
}

} // namespace mpbind::cli
