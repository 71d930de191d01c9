// SpiFrame: a job's phases clock by clock; delivery to the listening device and collection of what it answered.
#include "spi_frame.hpp"

#include <algorithm>
#include <cstring>

#include "sim_clock.hpp"
#include "spi_engine.hpp"

namespace esp_sim {
namespace {

int bit_of(uint64_t value, int bits, size_t i) { return static_cast<int>((value >> (bits - 1 - i)) & 1u); }

}  // namespace

size_t SpiFrame::data_clock() const { return static_cast<size_t>(cmd_bits + addr_bits + dummy_bits); }

size_t SpiFrame::clocks() const { return data_clock() + tx_bits + (half_duplex ? rx_bits : 0); }

size_t SpiFrame::rx_clock() const { return data_clock() + (half_duplex ? tx_bits : 0); }

int SpiFrame::mosi(size_t clock) const {
    if (clock < static_cast<size_t>(cmd_bits)) {
        return bit_of(cmd, cmd_bits, clock);
    }
    clock -= static_cast<size_t>(cmd_bits);
    if (clock < static_cast<size_t>(addr_bits)) {
        return bit_of(addr, addr_bits, clock);
    }
    clock -= static_cast<size_t>(addr_bits + dummy_bits);  // dummy clocks (and the MISO phase) drive MOSI low
    if (clock >= tx_bits || tx == nullptr) {
        return 0;
    }
    return (tx[clock / 8] >> (7 - clock % 8)) & 1;
}

int64_t SpiFrame::clock_ns(size_t clock) const {
    return start_ns + static_cast<int64_t>(static_cast<double>(clock) * kNsPerSecond / hz);
}

void SpiSink::on_frame(const SpiFrame &frame, uint8_t *miso) {
    (void)miso;
    if (frame.tx_bits > 0) {
        on_transfer(frame.tx, (frame.tx_bits + 7) / 8, frame.clock_ns(frame.data_clock()), 8.0 * kNsPerSecond / frame.hz);
    }
}

void frame_deliver(Bus &bus, Job &job, int64_t first_clock_ns) {
    const spi_device_t &dev = *job.dev;
    auto sink = sink_for(bus.host, dev.cfg.spics_io_num);
    if (!sink) {
        return;
    }
    const spi_transaction_t &t = *job.desc;
    SpiFrame f;
    f.cmd = t.cmd;
    f.cmd_bits = dev.cfg.command_bits;
    f.addr = t.addr;
    f.addr_bits = dev.cfg.address_bits;
    f.dummy_bits = dev.cfg.dummy_bits;
    f.tx = job.tx;
    f.tx_bits = job.tx != nullptr ? std::min<size_t>(t.length, job.tx_bytes * 8) : 0;
    const bool half = dev.cfg.flags & SPI_DEVICE_HALFDUPLEX;
    f.rx_bits = job.rx == nullptr ? 0 : (!half && t.rxlength == 0) ? t.length : t.rxlength;
    f.half_duplex = half;
    f.mode = dev.cfg.mode;
    f.hz = dev.actual_hz;
    f.start_ns = first_clock_ns;
    job.miso.assign(job.rx_bytes, 0);
    sink->on_frame(f, job.miso.data());
}

void frame_collect_miso(Job &job) {
    if (job.rx == nullptr) {
        return;
    }
    if (job.miso.size() == job.rx_bytes) {
        std::memcpy(job.rx, job.miso.data(), job.rx_bytes);
    } else {
        std::memset(job.rx, 0, job.rx_bytes);  // no device drives MISO
    }
}

}  // namespace esp_sim
