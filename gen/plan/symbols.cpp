// symbols.cpp: unique C identifiers for the generated module ("mp_<module>_<what it binds><suffix>").
#include "symbols.h"

namespace mpbind::plan {

Symbols::Symbols(const std::string &module) : prefix_("mp_" + module + "_") {
    for (const char *s : {"", "_globals", "_globals_table", "_type"}) taken_.insert("mp_module_" + module + s);
}

std::string Symbols::family(const std::string &stem, std::initializer_list<const char *> suffixes) {
    for (unsigned n = 1;; ++n) {
        std::string base = prefix_ + stem + (n == 1 ? "" : "_" + std::to_string(n));
        bool free = true;
        for (const char *s : suffixes) free = free && !taken_.count(base + s);
        if (!free) continue;
        for (const char *s : suffixes) taken_.insert(base + s);
        return base;
    }
}

} // namespace mpbind::plan
