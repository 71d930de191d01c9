// Events counted by kind, with a description of the latest one (a model's violations, its warnings).
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace esp_sim {

template <int N>
class Tally {
public:
    void add(int kind, const char *name, const std::string &what) {
        counts_[kind]++;
        latest_[kind] = std::string(name) + ": " + what;
        order_[kind] = ++events_;
    }
    uint32_t get(int kind) const { return kind >= 0 && kind < N ? counts_[kind] : 0; }
    // Over the kinds below `kinds` (every kind by default; an API that knows fewer kinds asks for its own):
    // how many events, and the description of the latest ("" if none).
    uint32_t total(int kinds = N) const {
        uint32_t t = 0;
        for (int k = 0; k < kinds && k < N; ++k) {
            t += counts_[k];
        }
        return t;
    }
    std::string last(int kinds = N) const {
        int latest = -1;
        for (int k = 0; k < kinds && k < N; ++k) {
            if (order_[k] != 0 && (latest < 0 || order_[k] > order_[latest])) {
                latest = k;
            }
        }
        return latest < 0 ? std::string() : latest_[latest];
    }

private:
    std::array<uint32_t, N> counts_{};
    std::array<uint64_t, N> order_{};  // event number of each kind's latest event (0: none yet)
    std::array<std::string, N> latest_;
    uint64_t events_ = 0;
};

}  // namespace esp_sim
