// Atomic output: write to a temporary file beside the target, then rename, so no partial file ever exists.
#pragma once
#include <string>
#include <vector>

namespace mpbind::cli {

struct PendingFile {
    std::string path;
    std::string contents;
};

// Writes all files to temporaries first and renames them only when every write succeeded; a target that is a
// directory fails before anything is written, and a failing rename undoes the renames before it (the old
// files come back). Returns "" on success, else an error message (and no target was changed).
std::string write_all(const std::vector<PendingFile> &files);

} // namespace mpbind::cli
