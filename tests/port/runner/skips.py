# Reports itself unsupported, as MicroPython tests do.
print('SKIP')
