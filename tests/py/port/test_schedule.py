# micropython.schedule from C and from Python: callbacks run soon after, in the main thread of the VM.
import micropython
import porttest

log = []

def record(arg):
    log.append(arg)

print(porttest.schedule(record, 'from C'))
for _ in range(3):
    pass
print(log)

micropython.schedule(record, 'from Python')
for _ in range(3):
    pass
print(log)

# A burst from C: MICROPY_SCHEDULER_DEPTH (4) callbacks wait at once, the v1.9.2 core runs them last in first out.
log = []
print(porttest.schedule_burst(record, 6))
for _ in range(10):
    pass
print(log)

# An atomic section (the scheduler's queue is changed in them, by the VM and by interrupt handlers) blocks the
# interrupt signals, as a chip port disables interrupts; a nested one leaves them blocked until the outer one ends.
print('interrupts blocked: outside, in a section, after a nested one, after', porttest.atomic_blocks_interrupts())
