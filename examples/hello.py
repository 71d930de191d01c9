# The main job until the display demo exists: a short tour of the host interpreter.
import sys
import time

t0 = time.ticks_ms()
print('Hello from MicroPython', sys.implementation.name, 'on the mpbind host interpreter')
print('squares:', [n * n for n in range(8)])
print('took', time.ticks_diff(time.ticks_ms(), t0), 'ms')
