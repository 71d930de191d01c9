// Atomic output: write to a temporary file beside the target, then rename, so no partial file ever exists.
#pragma once
#include <string>
#include <vector>

namespace mpbind::cli {

struct PendingFile {
    std::string path;
    std::string contents;
};

// Writes all files to temporaries first and renames them only when every write succeeded.
// Returns "" on success, else an error message (and no target was touched).
std::string write_all(const std::vector<PendingFile> &files);

} // namespace mpbind::cli
