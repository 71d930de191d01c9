// Interrupt context on the host: callbacks delivered to the application thread by a real-time signal.
#pragma once

#include <pthread.h>

#include "driver/spi_master.h"

namespace esp_sim {

// Makes `thread` the receiver of interrupts (installs the signal handler once).
void isr_set_app_thread(pthread_t thread);
// Sets the app thread to the caller unless one was chosen already.
void isr_default_app_thread();
void isr_forget_app_thread();

// Runs cb(trans) in interrupt context on the app thread, preempting it, and returns once the handler finished.
// Called from the app thread itself (virtual mode), it runs the handler directly, still in interrupt context.
// Returns false if the interrupt could not be delivered.
bool isr_deliver(transaction_cb_t cb, spi_transaction_t *trans);

// True while the calling thread runs an interrupt handler; async-signal-safe.
bool isr_active();

int isr_signal_number();

// Blocks the interrupt signal in the calling thread (engine threads must never run handlers).
void isr_block_in_this_thread();

}  // namespace esp_sim
