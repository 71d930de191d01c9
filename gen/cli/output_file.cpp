// Output files: all written to temporaries "<path>.tmp<pid>" first, then renamed into place all or none.
#include "output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
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

} // namespace

std::string write_all(const std::vector<PendingFile> &files) {
    std::vector<std::string> temps;
    auto remove_temps = [&] {
        for (const std::string &t : temps) std::remove(t.c_str());
    };
    // A directory in the way is known before anything is written.
    for (const PendingFile &f : files) {
        std::error_code ec;
        if (fs::is_directory(f.path, ec)) return "cannot write '" + f.path + "': it is a directory";
    }
    for (const PendingFile &f : files) {
        std::string tmp = temp_name(f.path, ".tmp");
        FILE *out = std::fopen(tmp.c_str(), "wb");
        if (!out) {
            std::string e = "cannot write '" + f.path + "': " + std::strerror(errno);
            remove_temps();
            return e;
        }
        temps.push_back(tmp);
        bool ok = std::fwrite(f.contents.data(), 1, f.contents.size(), out) == f.contents.size();
        ok = (std::fclose(out) == 0) && ok;
        if (!ok) {
            remove_temps();
            return "cannot write '" + f.path + "'";
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
