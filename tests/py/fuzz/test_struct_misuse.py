# Regressions of what tests/py/fuzz/test_misuse.py found in the struct runtime (runtime/mpb_struct.c), and the two
# introspection attributes it enumerates targets with (f.__sig__, T.__fields__()).
import sys
sys.path.append('../gen')
from checks import err
import structs
import scalars

P = structs.point_t

# T(n) whose byte size wraps around: it used to allocate 8 bytes for 2**61 + 1 elements, and p[k] wrote anywhere.
# WORD: the bits of size_t (64, or 32 on 32-bit targets).
WORD = 64 if sys.maxsize > 2 ** 32 else 32
print('SIZE', P.SIZE)
err(P, int(str(2 ** WORD // P.SIZE + 1)))  # int(str()): a small int (big int arithmetic keeps big ints)
try:
    P(int(str((2 ** (WORD - 2) - 1) // P.SIZE + 1)))  # fits size_t, not the heap
except MemoryError:
    print('MemoryError')  # (the core's message prints the size with %u: cut to 32 bits with 64-bit words)
err(P, 2 ** 64)
err(P, -2 ** 64)
print(len(P(3)))

# An instance re-pointed at NULL: every access raised nothing and read or wrote address 0+offset.
v = P.__cast__(bytearray(P.SIZE))
v.__cast_instance__(None)
print(bool(v))
err(getattr, v, 'x')
err(setattr, v, 'y', 1)
err(lambda: v[0])
err(bytes, v)
err(P, v)            # a copy from it
err(structs.point_add, v, P())
s = P({'x': 1})
err(s.__cast_instance__, None)
print(bool(s))
err(lambda: s.x)

# Dict keys naming no field are not interned (v1.9.2 qstrs hold at most 255 bytes); the message shows 64 of them.
err(P, {'x' * 300: 1})
err(P, {'z': 1})
err(P, {1: 1})
print(P({'x': 5, 'y': -5}).y)

# Introspection.
print(P.__fields__())
# Plain char is signed on x86-64 (MPB_I8, 2) and unsigned on ARM and Xtensa (MPB_U8, 3).
fields = structs.shape_t.__fields__()[:4]
print(fields[0], fields[1][0], fields[1][1] in (2, 3), fields[1][2], fields[2:])
print(structs.point_add.__sig__, scalars.add_u8.__sig__, scalars.greet.__sig__)
