// Reads a C enum's stored integer without the C++ enum load that UBSan rejects for out-of-range values from C.
#pragma once

#include <cstring>

namespace esp_sim {

template <typename E>
int enum_value(const E &e) {
    static_assert(sizeof(E) == sizeof(int), "C enums are int-sized");
    int v;
    std::memcpy(&v, &e, sizeof v);
    return v;
}

}  // namespace esp_sim
