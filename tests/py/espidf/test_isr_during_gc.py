# test_isr_during_gc.py: an interrupt may come while a collection is under way, when every live block of the heap
# is marked and not yet swept. Handlers that find their Python objects through a C pointer (a transaction's
# callbacks object, a dict in a void * field) must find them then too: a marked block is a live one. Before, the
# post_cb of a transaction that completed during a collection was silently dropped, and the driver waiting for its
# flush-ready timed out.
import gc
import espidf as esp
import isrtest

count = [0]


def on_done(trans):
    count[0] += 1  # small ints only: the heap is locked


cbs = esp.spi_transaction_set_cb(None, on_done)
t = esp.spi_transaction_t({'length': 8})
t.user = cbs
esp.spi_post_cb_isr(t)
print('outside a collection', count[0])
isrtest.during_collection(esp.spi_post_cb_isr, t)
print('during a collection', count[0])
for _ in range(3):
    gc.collect()
    isrtest.during_collection(esp.spi_post_cb_isr, t)
print('after collections', count[0])

# A transaction whose user field is something else, outside the heap or a live block of it that is not a
# callbacks object: the handler does nothing, in or out of a collection.
other = esp.spi_transaction_t({'length': 8})
other.user = esp.heap_caps_malloc(64, esp.CAP.DMA)
isrtest.during_collection(esp.spi_post_cb_isr, other)
dma = other.user
block = bytearray(64)
other.user = block
isrtest.during_collection(esp.spi_post_cb_isr, other)
esp.spi_post_cb_isr(other)
print('not ours', count[0])

# A dict stored in a void * field reads back as that dict, without allocating, while the heap is marked.
seen = [None]


def read_user(trans):
    seen[0] = type(trans.user) is dict and trans.user['k']


d = esp.spi_transaction_t({'length': 8})
d.user = {'k': 7}
isrtest.during_collection(read_user, d)
print('dict in a void * field', seen[0])
esp.heap_caps_free(dma)
