# The modules and language features the port enables.
import array
import collections
import gc
import math
import micropython
import struct
import sys
from micropython import const

print(array.array('h', [1, -2, 3]))
print(struct.pack('<HiB', 1, -2, 3), struct.unpack('<d', struct.pack('<d', 0.5)))
Point = collections.namedtuple('Point', ('x', 'y'))
print(Point(1, 2), collections.OrderedDict([('b', 1), ('a', 2)]))
print(math.sqrt(16.0), math.floor(2.5))
print(sys.platform, sys.byteorder, sys.maxsize == 2 ** (8 * struct.calcsize('P') - 1) - 1, sys.implementation.name)
gc.collect()
print(gc.mem_free() > 0, gc.mem_alloc() > 0)
print(callable(micropython.mem_info))

# double-precision floats and arbitrary-precision integers
print(1e300 > 1e299, 2 ** 100, -(2 ** 70) // 3)

SIZE = const(16)
print(SIZE * 2)

mv = memoryview(bytearray(b'abcd'))
mv[1:3] = b'XY'
print(bytes(mv), bytearray(3))

class Box:
    def __init__(self, value=0, *, scale=1):
        self._value = value * scale

    @property
    def value(self):
        return self._value

print(Box(3, scale=5).value, Box().value)
print(__file__)
print({1, 2} | {3}, frozenset([1]), sorted(reversed([3, 1, 2])))

# detailed error messages (MICROPY_ERROR_REPORTING_DETAILED)
try:
    1 + 'a'
except TypeError as e:
    print(e)

# plain names for the core's u-modules
import errno
import utime
import ucollections
print(errno.ENOENT, utime.ticks_diff(3, 1), ucollections is collections)
