// Target triples: the clang arguments under which clang lays out C data as the compiler of the firmware does.
#pragma once
#include <string>
#include <vector>

namespace mpbind::clangw {

struct TargetArgs {
    std::vector<std::string> clang_args; // "--target=<triple>", plus the options of a stand-in
    std::string stand_in;                // the triple clang parses for when it lacks `triple` itself, else ""
};

// The clang arguments for `triple` as a C compiler names its target (`cc -dumpmachine`: x86_64-linux-gnu,
// arm-linux-gnueabihf, xtensa-lx106-elf). Targets clang 19 cannot parse for get a stand-in of the same C data
// layout (target.cpp says which, and what differs).
TargetArgs target_args(const std::string &triple);

} // namespace mpbind::clangw
