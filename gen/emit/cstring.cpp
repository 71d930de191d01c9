// cstring.cpp: C literals, comment text and ROM table rows for emitted code.
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

std::string comment_text(const std::string &s) {
    std::string r;
    r.reserve(s.size());
    for (char ch : s) {
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
        if (ch == '?' && !r.empty() && r.back() == '?') r += ' '; // "??/" would be a trigraph
        r += ch;
    }
    while (!r.empty() && (r.back() == '\\' || r.back() == ' ')) r.pop_back(); // a final '\' splices lines
    return r;
}

std::string rom_row(const std::string &name, const std::string &object, const std::string &guard) {
    std::string row = "    { MP_ROM_QSTR(MP_QSTR_" + name + "), " + object + " },\n";
    return guard.empty() ? row : "    #if " + guard + "\n" + row + "    #endif\n";
}

} // namespace mpbind::emit
