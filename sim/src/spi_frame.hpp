// One transaction as a device on the bus sees it: every clock of its command, address, dummy, MOSI and MISO
// phases, the SPI mode and clock; devices that answer (a touch controller) drive MISO clock by clock.
#pragma once

#include <cstddef>
#include <cstdint>

namespace esp_sim {

struct Bus;
struct Job;

struct SpiFrame {
    uint64_t cmd = 0;            // command phase: the low cmd_bits bits of spi_transaction_t.cmd, MSB first
    int cmd_bits = 0;
    uint64_t addr = 0;           // address phase, the same way
    int addr_bits = 0;
    int dummy_bits = 0;
    const uint8_t *tx = nullptr; // MOSI data phase
    size_t tx_bits = 0;
    size_t rx_bits = 0;          // MISO bits the master captures
    bool half_duplex = false;    // MISO captured after the MOSI data phase (else during it)
    int mode = 0;                // SPI mode 0-3
    int hz = 1;                  // actual clock
    int64_t start_ns = 0;        // first clock of the command phase

    size_t clocks() const;              // every phase
    size_t data_clock() const;          // first clock of the MOSI data phase
    size_t rx_clock() const;            // first clock whose MISO bit the master captures
    int mosi(size_t clock) const;       // the MOSI level at a clock (0 where the master drives nothing)
    int64_t clock_ns(size_t clock) const;
};

// Hands a job whose first clock is at first_clock_ns to the device listening on its CS (engine, transfer start;
// bus lock not held).
void frame_deliver(Bus &bus, Job &job, int64_t first_clock_ns);
// Writes what the device drove on MISO (0 where nothing did) into the job's receive buffer (transfer end).
void frame_collect_miso(Job &job);

}  // namespace esp_sim
