// Events counted by kind, with a description of the latest one (a model's violations, its warnings).
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace esp_sim {

template <int N>
struct Tally {
    std::array<uint32_t, N> counts{};
    std::string last;

    void add(int kind, const char *name, const std::string &what) {
        counts[kind]++;
        last = std::string(name) + ": " + what;
    }
    uint32_t get(int kind) const { return kind >= 0 && kind < N ? counts[kind] : 0; }
    uint32_t total() const {
        uint32_t t = 0;
        for (uint32_t c : counts) {
            t += c;
        }
        return t;
    }
};

}  // namespace esp_sim
