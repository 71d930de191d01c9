// The simulation clock: host monotonic time in real-time mode, an event-driven counter in virtual-time mode.
#pragma once

#include <atomic>
#include <cstdint>

namespace esp_sim {

enum class TimeMode { real, virtual_time };

class SimClock {
public:
    // Nanoseconds since the last restart; async-signal-safe.
    int64_t now_ns() const;
    TimeMode mode() const { return static_cast<TimeMode>(mode_.load()); }
    // Sets the mode and restarts the clock at 0.
    void restart(TimeMode mode);
    // Virtual mode: moves the clock forward (never back).
    void advance_virtual_to(int64_t t_ns);
    // Real mode: sleeps until simulated time t_ns (returns at once if it has passed); virtual mode: no-op.
    void sleep_until(int64_t t_ns) const;
    // Host monotonic nanoseconds, independent of the mode.
    static int64_t host_ns();

private:
    std::atomic<int> mode_{static_cast<int>(TimeMode::real)};
    std::atomic<int64_t> virtual_ns_{0};
    std::atomic<int64_t> epoch_ns_{host_ns()};
};

SimClock &sim_clock();

constexpr int64_t kNsPerSecond = 1000000000;

}  // namespace esp_sim
