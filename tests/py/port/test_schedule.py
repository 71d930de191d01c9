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
