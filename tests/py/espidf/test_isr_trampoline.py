# test_isr_trampoline.py: Python callables stored straight into the device config's pre_cb/post_cb: the generated
# interrupt-context trampolines (--isr, --user-field spi_transaction_t=user) run them from the simulated SPI
# interrupt with the heap locked; the transaction arrives as a static, allocation-free view.
import gc
import espidf as esp
import espsim
import isrtest
import rig

rig.fresh()
rig.bus()
cfg = rig.device_config(queue=4)
events = [0] * 8
count = [0]


def install(c):
    # Reachable only from the module's roots once install returns (the config has no user field of its own).
    def post(trans):
        events[count[0]] = trans.length * 10 + esp.xPortInIsrContext() + 2 * espsim.in_isr()
        count[0] += 1
    c.post_cb = post


install(cfg)
gc.collect()
junk = [bytearray(100) for _ in range(300)]
junk = None
gc.collect()
err, dev = rig.device(cfg)
print('device', rig.name(err))

bufs = [esp.heap_caps_malloc(8, esp.CAP.DMA) for _ in range(3)]
trans = [esp.spi_transaction_t({'length': 8 * (i + 1), 'tx_buffer': bufs[i]}) for i in range(3)]
e0 = isrtest.callback_entries()
print('queued', [rig.name(esp.spi_device_queue_trans(dev, t, 0)) for t in trans])
out = esp.C_Pointer()
print('results', [rig.name(esp.spi_device_get_trans_result(dev, out, esp.portMAX_DELAY)) for _ in trans])
print('events', events[:count[0]], 'entries', isrtest.callback_entries() - e0)

# The transaction's own user dict can carry a per-transaction handler, found before the config's.
def other(trans):
    events[0] = -trans.length
trans[0].user = {'spi_device_interface_config_t_post_cb': other}
print('per transaction', rig.name(esp.spi_device_transmit(dev, trans[0])), events[0])

# Allocating inside: MemoryError printed by the trampoline; the bus and the program continue.
def allocating(trans):
    events[1] = [trans.length]
trans[1].user = {'spi_device_interface_config_t_post_cb': allocating}
print('transmit', rig.name(esp.spi_device_transmit(dev, trans[1])))
print('continues', [1, 2])

esp.spi_bus_remove_device(dev)
esp.spi_bus_free(esp.HSPI_HOST)
for b in bufs:
    esp.heap_caps_free(b)
