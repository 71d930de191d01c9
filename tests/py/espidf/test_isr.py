# test_isr.py: Python pre_cb/post_cb of queued SPI transactions, run in interrupt context by the C handlers
# esp.spi_pre_cb_isr/spi_post_cb_isr through spi_transaction_set_cb and the transaction's `user` field (the seed's
# pure-MicroPython driver path).
import gc
import espidf as esp
import espsim
import rig

rig.fresh()
rig.bus()
cfg = rig.device_config(queue=4)
# The C handlers go into the device config as plain C addresses: no Python between ESP-IDF and them.
cfg.pre_cb = esp.spi_pre_cb_isr
cfg.post_cb = esp.spi_post_cb_isr
print('handlers stored', esp.Blob(cfg.post_cb) == esp.Blob(esp.spi_post_cb_isr.__address__))
err, dev = rig.device(cfg)
print('device', rig.name(err))

# Everything the handlers touch exists beforehand: they run with the heap locked.
events = [0] * 12
count = [0]
view = esp.spi_transaction_t()


def make_callbacks():
    # The closures are reachable only through the object spi_transaction_set_cb returns (kept in mpb_roots).
    def pre(trans):
        events[count[0]] = 100 + espsim.in_isr()
        count[0] += 1

    def post(trans):
        view.__cast_instance__(trans)  # allocation-free view of the transaction
        events[count[0]] = view.length * 10 + esp.xPortInIsrContext()
        count[0] += 1
    return esp.spi_transaction_set_cb(pre, post)


# The transactions live in C memory the GC does not scan, and no Python variable keeps the callbacks object:
# only the root spi_transaction_set_cb registered it in keeps the closures alive through the collection below.
tmem = esp.heap_caps_calloc(3, esp.spi_transaction_t.SIZE, esp.CAP.DMA)
trans = [esp.spi_transaction_t.__cast__(tmem)[i] for i in range(3)]
bufs = [esp.heap_caps_malloc(8, esp.CAP.DMA) for _ in range(3)]
for i, t in enumerate(trans):
    t.length = 8 * (i + 1)
    t.tx_buffer = bufs[i]
trans[0].user = make_callbacks()
trans[1].user = trans[0].user
trans[2].user = trans[0].user
gc.collect()
junk = [bytearray(100) for _ in range(200)]  # reuse the freed heap: collected closures would be overwritten
junk = None
gc.collect()
print('queued', [rig.name(esp.spi_device_queue_trans(dev, t, 0)) for t in trans])
out = esp.C_Pointer()
print('results', [rig.name(esp.spi_device_get_trans_result(dev, out, esp.portMAX_DELAY)) for _ in trans])
# pre (100 + in ISR) and post (length * 10 + in ISR) of each transaction, in bus order.
print('events', events[:count[0]])

# A handler that allocates: MemoryError inside, printed; the transfer and the program continue.
def allocating(trans):
    events[0] = [1, 2, 3]


greedy = esp.spi_transaction_set_cb(None, allocating)
trans[0].user = greedy
print('transmit', rig.name(esp.spi_device_transmit(dev, trans[0])))
print('continues', [1, 2, 3])

# A handler that raises: printed, contained. (The exception is made beforehand: making one needs the heap.)
failure = ValueError('from the handler')


def raising(trans):
    raise failure


trans[0].user = esp.spi_transaction_set_cb(raising, None)
print('transmit', rig.name(esp.spi_device_transmit(dev, trans[0])))

# A user field that is not a callbacks object (or NULL) is ignored by the handlers.
count[0] = 0
trans[0].user = bytearray(16)
trans[1].user = None
print('foreign user', rig.name(esp.spi_device_transmit(dev, trans[0])), rig.name(esp.spi_device_transmit(dev, trans[1])),
      count[0])

# Deferred work: the handler only schedules; the scheduled call runs after the handler, with the heap usable.
# (The bound method is made beforehand: `done.append` in the handler would allocate one.)
import micropython
done = []
append_done = done.append


def soft(trans):
    micropython.schedule(append_done, 'scheduled')


trans[0].user = esp.spi_transaction_set_cb(None, soft)
esp.spi_device_transmit(dev, trans[0])
for _ in range(2):
    pass
print('soft', done)

# Statistics of the bus: every queued transaction's callbacks ran in interrupt context.
stats = espsim.spi_stats_t()
espsim.spi_get_stats(esp.HSPI_HOST, stats)
print('isr callbacks', stats.isr_count, 'task callbacks', stats.task_callbacks)

# Wrong arguments are refused before anything is stored.
try:
    esp.spi_transaction_set_cb(None, 5)
except TypeError as e:
    print('TypeError', e)
esp.spi_transaction_release_cb(trans[1].user)
esp.spi_transaction_release_cb(greedy)
