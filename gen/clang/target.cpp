// Target triples for clang, with stand-ins for the targets clang 19 lacks.
#include "target.h"

namespace mpbind::clangw {

namespace {

// A target clang cannot parse for, and one with the same C data layout that it can.
struct StandIn {
    const char *prefix;                 // matches triples starting with it
    const char *clang_triple;
    std::vector<std::string> options;
};

// Xtensa (ESP32, ESP8266; clang 19 has no Xtensa target): ILP32, little-endian, 8-byte aligned long long and
// double, unsigned char, int-sized enums and PCC bitfields, as 32-bit bare-metal ARM; its wchar_t has 16 bits
// (-fshort-wchar). One difference remains: a zero-width bitfield aligns the whole struct on ARM, not on Xtensa; the
// generated module's layout checks turn such a struct into a compile error, never a wrong access.
const std::vector<StandIn> &stand_ins() {
    static const std::vector<StandIn> table = {
        {"xtensa", "armv7-none-eabi", {"-fshort-wchar", "-fno-short-enums", "-funsigned-char"}},
    };
    return table;
}

} // namespace

TargetArgs target_args(const std::string &triple) {
    TargetArgs out;
    for (const StandIn &s : stand_ins()) {
        if (triple.rfind(s.prefix, 0) != 0) continue;
        out.stand_in = s.clang_triple;
        out.clang_args.push_back(std::string("--target=") + s.clang_triple);
        out.clang_args.insert(out.clang_args.end(), s.options.begin(), s.options.end());
        return out;
    }
    out.clang_args.push_back("--target=" + triple);
    return out;
}

} // namespace mpbind::clangw
