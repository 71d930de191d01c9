// The parse watchdog: SIGALRM whose handler writes a prepared message and exits (both async-signal-safe).
#include "watchdog.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

#include "options.h"

namespace mpbind::cli {

namespace {

char message[160];
int message_len = 0;

extern "C" void on_timeout(int) {
    if (write(STDERR_FILENO, message, static_cast<size_t>(message_len)) < 0) {
        // nothing left to report to
    }
    _exit(exit_input);
}

} // namespace

ParseWatchdog::ParseWatchdog(unsigned seconds) {
    if (seconds == 0) return;
    int n = std::snprintf(message, sizeof message,
                          "mpbind: error: clang did not finish parsing within %u s (--timeout); nothing written\n",
                          seconds);
    message_len = n < 0 ? 0 : (n < static_cast<int>(sizeof message) ? n : static_cast<int>(sizeof message) - 1);
    struct sigaction sa {};
    sa.sa_handler = on_timeout;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, nullptr);
    alarm(seconds);
    armed_ = true;
}

ParseWatchdog::~ParseWatchdog() {
    if (armed_) alarm(0);
}

} // namespace mpbind::cli
