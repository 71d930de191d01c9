# test_dma.py: DMA buffers from heap_caps_malloc filled through __dereference__, queued transactions and their
# results in order, exact bus time in virtual time.
import espidf as esp
import espsim
import rig

rig.fresh()
print('bus', rig.name(rig.bus()))
err, dev = rig.device(rig.device_config(hz=40000000, queue=2))
print('device', rig.name(err))

free0 = esp.heap_caps_get_free_size(esp.CAP.DMA)
N = 64
bufs = [esp.heap_caps_malloc(N, esp.CAP.DMA) for _ in range(3)]
print('allocated', free0 - esp.heap_caps_get_free_size(esp.CAP.DMA) >= 3 * N)
print('DMA-capable', [espsim.is_dma_capable(b, N) for b in bufs])
for i, b in enumerate(bufs):
    view = b.__dereference__(N)  # a writable memoryview of the C memory
    for j in range(N):
        view[j] = (i * 16 + j) & 0xFF
print('first bytes', [bytes(b.__dereference__(4)) for b in bufs])

# Three queued transactions with queue_size 2: the first starts at once on the idle bus, two wait (ESP-IDF's
# queue_size bounds the transactions not started yet). Collected in queue order through a C_Pointer.
trans = [esp.spi_transaction_t({'length': 8 * N}) for _ in range(3)]
for t, b in zip(trans, bufs):
    t.tx_buffer = b
t0 = espsim.now_ns()
print('queued', [rig.name(esp.spi_device_queue_trans(dev, t, esp.portMAX_DELAY)) for t in trans])
# Two are waiting: a fourth waits ticks_to_wait (0 here) and times out.
extra = esp.spi_transaction_t({'length': 8, 'flags': esp.SPI_TRANS_USE.TXDATA})
print('queue full', rig.name(esp.spi_device_queue_trans(dev, extra, 0)))

out = esp.C_Pointer()
order = []
for _ in range(3):
    err = esp.spi_device_get_trans_result(dev, out, esp.portMAX_DELAY)
    got = esp.spi_transaction_t.__cast__(out.ptr_val)
    order.append((rig.name(err), [i for i, t in enumerate(trans) if esp.Blob(t) == out.ptr_val], got.length))
print('results', order)

# Bus time: 512 bits at the actual 40 MHz clock plus ESP-IDF's 28 us per queued DMA transaction, back to back.
bits_ns = N * 8 * 1000000000 // esp.spi_get_actual_clock(esp.esp_clk_apb_freq(), 40000000, 128)
print('bits ns', bits_ns, 'elapsed ns', espsim.now_ns() - t0, 'expected', 3 * (bits_ns + 28000))
stats = espsim.spi_stats_t()
print('stats', rig.name(espsim.spi_get_stats(esp.HSPI_HOST, stats)), stats.transactions, stats.bytes,
      stats.busy_ns, stats.bounce_buffers, stats.dma_races)

# A buffer outside DMA memory (a bytearray in the MicroPython heap) is copied through a bounce buffer.
plain = bytearray(b'\x55' * 8)
t = esp.spi_transaction_t({'length': 64})
t.tx_buffer = plain
print('transmit plain', rig.name(esp.spi_device_transmit(dev, t)))
espsim.spi_get_stats(esp.HSPI_HOST, stats)
print('bounce buffers', stats.bounce_buffers)

# vTaskDelay advances virtual time by ticks of 10 ms.
t1 = espsim.now_ns()
esp.vTaskDelay(3)
print('vTaskDelay(3) ns', espsim.now_ns() - t1)

for b in bufs:
    esp.heap_caps_free(b)
print('freed', esp.heap_caps_get_free_size(esp.CAP.DMA) == free0)
