// A process-wide timer around the clang parses: clang itself hangs on some inputs (e.g. `(::)` in C).
#pragma once

namespace mpbind::cli {

// While alive, the process ends with exit code 1 and a message on stderr once `seconds` have passed
// (0: no watchdog). libclang cannot be cancelled, so exiting is the only way out of a hung parse.
class ParseWatchdog {
public:
    explicit ParseWatchdog(unsigned seconds);
    ~ParseWatchdog();
    ParseWatchdog(const ParseWatchdog &) = delete;
    ParseWatchdog &operator=(const ParseWatchdog &) = delete;

private:
    bool armed_ = false;
};

} // namespace mpbind::cli
