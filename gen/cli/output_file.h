// Atomic output: write to a temporary file beside the target, then rename, so no partial file ever exists.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace mpbind::cli {

// One output: its path and what makes its contents. `make` may run on another thread, beside the other files'
// (it must only read shared state), and each file's contents are freed once its temporary is written.
struct PendingFile {
    std::string path;
    std::function<std::string()> make;

    PendingFile(std::string p, std::function<std::string()> m) : path(std::move(p)), make(std::move(m)) {}
    PendingFile(std::string p, std::string contents)
        : path(std::move(p)), make([c = std::move(contents)] { return c; }) {}
};

// Makes every file (as many at once as the machine has cores, at most one thread per file) and writes each to a
// temporary, then renames them only when every write succeeded; a target that is a directory fails before
// anything is made, and a failing rename undoes the renames before it (the old files come back). Returns "" on
// success, else an error message (and no target was changed). An exception thrown by a `make` is rethrown here,
// after the other files are made and every temporary is removed.
std::string write_all(const std::vector<PendingFile> &files);

} // namespace mpbind::cli
