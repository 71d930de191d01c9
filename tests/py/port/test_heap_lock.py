# micropython.heap_lock makes every allocation fail until heap_unlock.
import micropython

micropython.heap_lock()
try:
    b = bytearray(100)
    result = 'allocated'
except MemoryError:
    result = 'MemoryError'
micropython.heap_unlock()
print('while locked:', result)
print('after unlock:', len(bytearray(100)))
