// isr_dispatch: pthread_kill + a handler that runs the pending callback; a semaphore tells the sender it finished.
#include "isr_dispatch.hpp"

#include <semaphore.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <mutex>

#include "esp_log.h"

namespace esp_sim {
namespace {

const char *const kTag = "sim.isr";

std::mutex g_deliver_mutex;  // one interrupt in flight at a time, like a single interrupt level
std::atomic<bool> g_have_app{false};
pthread_t g_app_thread;
std::once_flag g_install_once;
sem_t g_handler_done;

// The request the handler reads; written before pthread_kill, which orders the accesses.
std::atomic<transaction_cb_t> g_pending_cb{nullptr};
std::atomic<spi_transaction_t *> g_pending_arg{nullptr};

std::atomic<int> g_isr_depth{0};
std::atomic<pthread_t> g_isr_thread{};

void run_as_isr(transaction_cb_t cb, spi_transaction_t *trans) {
    const pthread_t outer = g_isr_thread.load();
    g_isr_thread.store(pthread_self());
    g_isr_depth.fetch_add(1);
    cb(trans);
    g_isr_depth.fetch_sub(1);
    g_isr_thread.store(outer);
}

void on_isr_signal(int) {
    const int saved_errno = errno;
    transaction_cb_t cb = g_pending_cb.load();
    if (cb != nullptr) {
        run_as_isr(cb, g_pending_arg.load());
    }
    sem_post(&g_handler_done);
    errno = saved_errno;
}

void install_handler() {
    sem_init(&g_handler_done, 0, 0);
    struct sigaction sa = {};
    sa.sa_handler = on_isr_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // interrupted system calls of the interpreter resume
    sigaction(isr_signal_number(), &sa, nullptr);
}

}  // namespace

int isr_signal_number() { return SIGRTMIN + 2; }

void isr_set_app_thread(pthread_t thread) {
    std::call_once(g_install_once, install_handler);
    std::lock_guard<std::mutex> lock(g_deliver_mutex);
    g_app_thread = thread;
    g_have_app.store(true);
}

void isr_default_app_thread() {
    if (!g_have_app.load()) {
        isr_set_app_thread(pthread_self());
    }
}

void isr_forget_app_thread() {
    std::lock_guard<std::mutex> lock(g_deliver_mutex);
    g_have_app.store(false);
}

bool isr_active() {
    return g_isr_depth.load() > 0 && pthread_equal(g_isr_thread.load(), pthread_self());
}

void isr_block_in_this_thread() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, isr_signal_number());
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

bool isr_deliver(transaction_cb_t cb, spi_transaction_t *trans) {
    if (cb == nullptr) {
        return true;
    }
    std::lock_guard<std::mutex> lock(g_deliver_mutex);
    if (!g_have_app.load() || pthread_equal(g_app_thread, pthread_self())) {
        run_as_isr(cb, trans);
        return true;
    }
    g_pending_cb.store(cb);
    g_pending_arg.store(trans);
    if (pthread_kill(g_app_thread, isr_signal_number()) != 0) {
        g_pending_cb.store(nullptr);
        ESP_LOGE(kTag, "interrupt lost: the application thread is gone");
        return false;
    }
    while (sem_wait(&g_handler_done) != 0 && errno == EINTR) {
    }
    g_pending_cb.store(nullptr);
    return true;
}

}  // namespace esp_sim
