// symbols.h: the C identifiers a generated module defines, named after what they bind and never twice.
#pragma once
#include <initializer_list>
#include <string>
#include <unordered_set>

namespace mpbind::plan {

class Symbols {
public:
    // Every symbol starts with "mp_<module>_"; the module object's own names are reserved.
    explicit Symbols(const std::string &module);

    // A base name "mp_<module>_<stem>" such that base + each suffix is still free (numbered "_2", "_3"... on a
    // collision), with all of them now taken. The stem is a C name or Python name, hence an identifier already.
    std::string family(const std::string &stem, std::initializer_list<const char *> suffixes);

private:
    std::string prefix_;
    std::unordered_set<std::string> taken_;
};

} // namespace mpbind::plan
