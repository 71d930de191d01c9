# test_layout.py: the proof that a generated module's layouts are its target's: lay_mixed_t (pointer, int64_t, a
# bitfield after a char, long, size_t, uint64_t...) has other offsets on x86-64 than on armhf or Xtensa, and must
# round-trip both ways on every build; pointer-sized and wide integers, Blob and C_Pointer widths, small-int edges.
# The output is the same on 64 and 32 bits: widths come from C (lay_word_bytes), never from this script.
import gc
import layout as lay
from checks import err

M = lay.mixed_t
WORD = 8 * lay.word_bytes()          # bits of size_t, pointers and (on these targets) long
UMAX = (1 << WORD) - 1
SMIN, SMAX = -(1 << (WORD - 1)), (1 << (WORD - 1)) - 1


def expected(seed):
    """lay_fill's values for seed (layout.c), as Python reads them."""
    return {'tag': 0x41 + seed, 'ptr': 0x1000 * (seed + 1), 'big': -0x123456789AB * (seed + 1), 'kind': 0x7F - seed,
            'flags': (seed + 5) & 7, 'level': -(seed + 3), 'count': 0x7FFFFFF0 - seed, 'size': UMAX - seed,
            'stamp': 0xFEDCBA9876543210 ^ seed, 'small': 0xBEEF + seed, 'iptr': SMIN + seed, 'uptr': UMAX - seed,
            'name': 'layout', 'r': 10 + seed, 'g': 20 + seed, 'i': -123456 - seed, 'scale': 1.5 * (seed + 1),
            'tail': [1, 2, 3 + seed]}


def read(s):
    """Every member of s as Python sees it (pointers as addresses)."""
    return {'tag': s.tag, 'ptr': lay.Blob(s.ptr).__address__(), 'big': s.big, 'kind': s.kind, 'flags': s.flags,
            'level': s.level, 'count': s.count, 'size': s.size, 'stamp': s.stamp, 'small': s.small, 'iptr': s.iptr,
            'uptr': s.uptr, 'name': s.name, 'r': s.rgb.r, 'g': s.rgb.g, 'i': s.i, 'scale': s.scale,
            'tail': [s.tail[k] for k in range(len(s.tail))]}


def differing(got, want):
    return sorted(k for k in want if got[k] != want[k])


print('SIZE is sizeof', M.SIZE == lay.mixed_size(), M.SIZE > 0)

# C writes, Python reads: every member at the compiler's offset, bitfields at mpbind's bit positions.
s = M()
lay.fill(s, 2)
print('C -> Python differs in', differing(read(s), expected(2)))

# Python writes, C reads.
t = M()
want = expected(7)
for k in ('tag', 'big', 'kind', 'flags', 'level', 'count', 'size', 'stamp', 'small', 'iptr', 'uptr', 'name', 'i',
          'scale', 'tail'):
    setattr(t, k, want[k])
t.ptr = lay.Blob(want['ptr'])
t.rgb.r, t.rgb.g = want['r'], want['g']
gc.collect()  # the name's bytes live in the GC heap, referenced from the struct
print('Python -> C first difference', repr(lay.difference(t, 7)))
t.level = 5
print('a changed bitfield is seen', lay.difference(t, 7))
t.level = want['level']
t.stamp = 0
print('a changed uint64_t is seen', lay.difference(t, 7))

# T(n): elements at sizeof strides, filled by C.
arr = M(3)
lay.fill_array(arr, 3)
print('array differs in', [differing(read(arr[k]), expected(k)) for k in range(3)])

# The dict constructor lays values out the same way.
d = M({'tag': want['tag'], 'big': want['big'], 'size': want['size'], 'stamp': want['stamp'], 'flags': 7})
print('dict ctor', d.big == want['big'], d.size == UMAX - 7, d.flags, d.stamp == want['stamp'])

# Pointer-sized integers: an N-bit parameter takes -2**(N-1)..2**N-1 (C's conversion: -1 is all ones), with N the
# target's word, nothing beyond.
print('uintptr', lay.echo_uintptr(UMAX) == UMAX, lay.echo_size(UMAX) == UMAX, lay.echo_uintptr(0))
print('intptr', lay.echo_intptr(SMIN) == SMIN, lay.echo_intptr(SMAX) == SMAX, lay.echo_long(SMIN) == SMIN)
print('wrapped', lay.echo_size(-1) == UMAX, lay.echo_intptr(UMAX) == -1, lay.echo_long(SMAX + 1) == SMIN)
for f, bad in ((lay.echo_uintptr, UMAX + 1), (lay.echo_size, SMIN - 1), (lay.echo_intptr, UMAX + 1), (lay.echo_long, SMIN - 1)):
    try:
        f(bad)
        print('accepted', bad)
    except OverflowError:
        pass
print('beyond the word: OverflowError')

# Small-int edges: 30 bits on 32-bit targets (beyond: boxed ints), 62 with 64-bit words.
edges = [2 ** 30 - 1, 2 ** 30, -2 ** 30, -2 ** 30 - 1, 2 ** 31 - 1, -2 ** 31]
print('i32', [lay.echo_i32(v) == v for v in edges])
print('u32', [lay.echo_u32(v) == v for v in (2 ** 30 - 1, 2 ** 30, 2 ** 31, 2 ** 32 - 1)])
print('i64', [lay.echo_i64(v) == v for v in edges + [2 ** 62, -2 ** 62 - 1, 2 ** 63 - 1, -2 ** 63]])
print('u64', lay.echo_u64(2 ** 64 - 1) == 2 ** 64 - 1, lay.echo_u64(2 ** 32) == 2 ** 32)
print('results are ints', type(lay.echo_i32(2 ** 30)) is int, lay.echo_i32(2 ** 30) - 1 == 2 ** 30 - 1)
err(lay.echo_i32, 2 ** 32)
err(lay.echo_u32, -2 ** 31 - 1)

# Blob and C_Pointer are pointer-sized.
print('Blob', lay.Blob(UMAX).__address__() == UMAX, lay.echo_ptr(lay.Blob(UMAX - 7)) == lay.Blob(UMAX - 7))
try:
    lay.Blob(UMAX + 1)
    print('Blob accepted an address beyond the word')
except OverflowError:
    print('Blob beyond the word: OverflowError')
c = lay.C_Pointer()
print('C_Pointer.SIZE is a pointer', lay.C_Pointer.SIZE == lay.word_bytes())
lay.out_ptr(c)
print('out_ptr', c.ptr_val.__address__() == UMAX - 15, c.uint_val == (UMAX - 15) & 0xFFFFFFFF)
