// Output files: temporaries named "<path>.tmp<pid>", renamed into place at the end; removed on failure.
#include "output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace mpbind::cli {

std::string write_all(const std::vector<PendingFile> &files) {
    std::vector<std::string> temps;
    auto cleanup = [&] {
        for (const std::string &t : temps) std::remove(t.c_str());
    };
    for (const PendingFile &f : files) {
        std::string tmp = f.path + ".tmp" + std::to_string(getpid());
        FILE *out = std::fopen(tmp.c_str(), "wb");
        if (!out) {
            std::string e = "cannot write '" + f.path + "': " + std::strerror(errno);
            cleanup();
            return e;
        }
        temps.push_back(tmp);
        bool ok = std::fwrite(f.contents.data(), 1, f.contents.size(), out) == f.contents.size();
        ok = (std::fclose(out) == 0) && ok;
        if (!ok) {
            cleanup();
            return "cannot write '" + f.path + "'";
        }
    }
    for (size_t i = 0; i < files.size(); ++i) {
        if (std::rename(temps[i].c_str(), files[i].path.c_str()) != 0) {
            std::string e = "cannot rename to '" + files[i].path + "': " + std::strerror(errno);
            cleanup();
            return e;
        }
    }
    return "";
}

} // namespace mpbind::cli
