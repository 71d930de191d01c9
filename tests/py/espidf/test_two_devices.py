# test_two_devices.py: two SPI devices on one bus, each with its own Python post_cb stored straight into its device
# config (which has no user field): each config gets its own trampoline of the slot's pool, so each device's
# transactions reach its own handler, also after the configs are gone (ESP-IDF copies them) and a collection.
# Reading a field back gives its own callable; setting it again frees the trampoline; an exhausted pool is a
# ValueError naming the slot and the generator option.
import gc
import espidf as esp
import rig

rig.fresh()
rig.bus()
seen = [0] * 8  # handlers run in interrupt context: no allocation
count = [0]


def make_config(tag, cs):
    cfg = rig.device_config(queue=2, spics_io_num=cs)

    def post(trans):
        seen[count[0]] = tag + trans.length
        count[0] += 1
    cfg.post_cb = post
    return cfg, post


cfg_a, post_a = make_config(1000, rig.CS)
cfg_b, post_b = make_config(2000, 5)
print('own callables', cfg_a.post_cb is post_a, cfg_b.post_cb is post_b)
err_a, dev_a = rig.device(cfg_a)
err_b, dev_b = rig.device(cfg_b)
print('devices', rig.name(err_a), rig.name(err_b))
cfg_a = cfg_b = post_a = post_b = None  # C's copies hold the trampolines; the pool keeps the callables
gc.collect()
junk = [bytearray(64) for _ in range(300)]
junk = None
gc.collect()

buf = esp.heap_caps_malloc(16, esp.CAP.DMA)
for dev, bits in ((dev_a, 8), (dev_b, 16), (dev_a, 24), (dev_b, 32)):
    t = esp.spi_transaction_t({'length': bits, 'tx_buffer': buf})
    print('transmit', rig.name(esp.spi_device_transmit(dev, t)))
print('each device its own handler', seen[:count[0]])

# Setting the field again frees its trampoline for another instance; the pool's size bounds the instances holding
# one at once.
configs = []
try:
    for k in range(20):
        c = rig.device_config()
        c.post_cb = lambda trans: None
        configs.append(c)
except ValueError as e:
    print('pool exhausted after', len(configs), 'more:', e)
configs[0].post_cb = None
c = rig.device_config()
c.post_cb = lambda trans: None
print('freed one, stored again', c.post_cb is not None)
configs[1].post_cb = esp.spi_post_cb_isr  # a C function frees it too
c2 = rig.device_config()
c2.post_cb = lambda trans: None
print('C function read back', esp.Blob(configs[1].post_cb) == esp.Blob(esp.spi_post_cb_isr.__address__),
      'stored again', c2.post_cb is not None)

esp.spi_bus_remove_device(dev_a)
esp.spi_bus_remove_device(dev_b)
esp.spi_bus_free(esp.HSPI_HOST)
esp.heap_caps_free(buf)
