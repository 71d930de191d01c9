# Objects held only from C survive gc.collect() under heavy allocation: port root pointers and the C stack.
import gc
import porttest

for i in range(50):
    porttest.hold(bytes([i]) * 1000)

for _ in range(20):
    junk = [bytes([0xee]) * 1000 for _ in range(100)]
    gc.collect()
junk = None
gc.collect()

print('held by root pointer:', all(porttest.held(i) == bytes([i]) * 1000 for i in range(50)))
print('held by C stack:', porttest.stack_only_survives(500))
porttest.release()
