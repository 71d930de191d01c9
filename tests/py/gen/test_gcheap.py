# A library keeping its state in the GC heap (tests/fixtures/gcheap, bound with --gc-root and --gc-hooks): the
# module defines the root variable and the hooks the library calls; the state and the buffers only it points to
# survive collections while the heap is reused around them; init twice keeps the one state; deinit lets the GC take
# it back and the next init starts from a zeroed state. The variable, the hooks and the declared-but-undefined
# function (--block) are not module attributes.
import gc
import gcheap


def churn():
    # Collect, then fill the freed heap with other bytes: a block the GC did not keep is overwritten.
    gc.collect()
    junk = [bytes([0xEE]) * 96 for i in range(400)]
    junk = None
    gc.collect()
    junk = [bytearray(b'\xdd' * 200) for i in range(200)]
    junk = None


print('before init', gcheap.ready(), gcheap.inits(), gcheap.alloc(0, 8, 1), gcheap.check(0, 1))
gcheap.init()
print('after init', gcheap.ready(), gcheap.inits())
for slot in range(gcheap.SLOTS):
    gcheap.alloc(slot, 100 + 50 * slot, 0x10 + slot)
churn()
print('kept across collections', [gcheap.check(s, 0x10 + s) for s in range(gcheap.SLOTS)])
gcheap.init()
churn()
print('init again: same state', gcheap.inits(), [gcheap.check(s, 0x10 + s) for s in range(gcheap.SLOTS)])
gcheap.alloc(1, 64, 0x7F)
churn()
print('a replaced buffer', gcheap.check(1, 0x7F), gcheap.check(2, 0x12))
gcheap.deinit()
print('after deinit', gcheap.ready(), gcheap.inits(), gcheap.check(0, 0x10))
churn()
gcheap.init()
print('a new zeroed state', gcheap.inits(), [gcheap.check(s, 0x10 + s) for s in range(gcheap.SLOTS)])
gcheap.alloc(3, 32, 0x33)
churn()
print('the new state keeps its buffers', gcheap.check(3, 0x33))
print('not attributes', [n for n in ('roots', 'init_gc', 'deinit_gc', 'default') if hasattr(gcheap, n)])
