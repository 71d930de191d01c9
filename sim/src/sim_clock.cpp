// SimClock: real time from CLOCK_MONOTONIC, virtual time as an atomic counter that only moves forward.
#include "sim_clock.hpp"

#include <cerrno>
#include <ctime>

namespace esp_sim {

int64_t SimClock::host_ns() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * kNsPerSecond + ts.tv_nsec;
}

int64_t SimClock::now_ns() const {
    if (mode() == TimeMode::virtual_time) {
        return virtual_ns_.load();
    }
    return host_ns() - epoch_ns_.load();
}

void SimClock::restart(TimeMode mode) {
    mode_.store(static_cast<int>(mode));
    virtual_ns_.store(0);
    epoch_ns_.store(host_ns());
}

void SimClock::advance_virtual_to(int64_t t_ns) {
    int64_t cur = virtual_ns_.load();
    while (t_ns > cur && !virtual_ns_.compare_exchange_weak(cur, t_ns)) {
    }
}

void SimClock::sleep_until(int64_t t_ns) const {
    if (mode() == TimeMode::virtual_time) {
        return;
    }
    const int64_t host_deadline = t_ns + epoch_ns_.load();
    timespec ts;
    ts.tv_sec = host_deadline / kNsPerSecond;
    ts.tv_nsec = host_deadline % kNsPerSecond;
    // Signals (our interrupts) interrupt the sleep; the absolute deadline makes resuming exact.
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
    }
}

SimClock &sim_clock() {
    static SimClock clock;
    return clock;
}

}  // namespace esp_sim
