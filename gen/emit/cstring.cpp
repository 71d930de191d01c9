// cstring.cpp: C literals and ROM table rows for emitted code.
#include <cstdio>

#include "context.h"

namespace mpbind::emit {

std::string c_string(const std::string &s) {
    std::string r = "\"";
    for (unsigned char ch : s) {
        if (ch == '"' || ch == '\\') {
            r += '\\';
            r += static_cast<char>(ch);
        } else if (ch >= 0x20 && ch < 0x7f && ch != '?') { // '?' avoids trigraphs
            r += static_cast<char>(ch);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03o", ch);
            r += buf;
        }
    }
    return r + "\"";
}

std::string rom_table_rows(const std::vector<DictEntry> &entries) {
    std::string r;
    for (const DictEntry &e : entries) {
        if (!e.guard.empty()) r += "    #if " + e.guard + "\n";
        r += "    { MP_ROM_QSTR(MP_QSTR_" + e.name + "), " + e.value + " },\n";
        if (!e.guard.empty()) r += "    #endif\n";
    }
    return r;
}

} // namespace mpbind::emit
