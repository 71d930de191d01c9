# test_pointers.py: Blobs, buffers as pointers, NULL and None, out-parameters through C_Pointer, C function addresses.
import array
import gc
import struct
import pointers as pt
import pointers2 as p2
from checks import err


b = pt.alloc(16)
print(type(b).__name__, repr(b).startswith('<Blob 0x'))
pt.fill(b, 3, 16)
print(pt.sum(b, 16))
mv = b.__dereference__(16)
print(type(mv).__name__, len(mv), mv[0])
mv[0] = 100
print(pt.sum(b, 16))
mv[1:4] = b'\x01\x02\x03'
print(pt.sum(b, 4))
print(pt.offset(b, 0) == b, pt.offset(b, 1) == b)

# bytes, bytearray, memoryview, array and structs give their address.
print(pt.sum(b'\x01\x02\x03', 3), pt.sum(bytearray(b'\x05\x05'), 2), pt.sum(memoryview(b'\x07'), 1))
print(pt.sum(array.array('B', [1, 2, 3, 4]), 4))
print(pt.sum4(bytes([1, 2, 3, 4])), pt.sum4(bytearray(b'\x0a\x0a\x0a\x0a')))
ba = bytearray(4)
pt.fill(ba, 9, 4)
print(ba)

# NULL is None both ways; a NULL Blob cannot be dereferenced.
print(pt.null(), pt.sum(None, 0))
err(pt.Blob(0).__dereference__, 4)
err(b.__dereference__, -1)
err(pt.fill, 5, 0, 1)

# Out-parameters through C_Pointer.
c = pt.C_Pointer()
pt.get_count(c)
print(c.int_val)
pt.get_name(c)
print(c.str_val)
pt.get_unsigned(c)
print(c.uint_val)
pt.get_handle(c)
print(type(c.ptr_val).__name__)
print(pt.C_Pointer.SIZE == struct.calcsize('P'))

# C function objects as function pointers ("hybrid"): the raw C address, no Python on the path.
print(pt.apply(pt.mul, 6, 7), pt.apply(None, 1, 1))
print(pt.mul.__address__ == pt.Blob(pt.mul).__address__())
err(pt.apply, pt.call_notify, 1, 2)
err(pt.apply, lambda a, b: a, 1, 2)

# Pointers pass between separately generated modules.
print(p2.checksum(b, 4) == p2.checksum(b.__dereference__(4), 4))
p2.write(b, 16, 1)
print(pt.sum(b, 16))
print(p2.call(pt.mul, 3, 5))
print(p2.C_Pointer is pt.C_Pointer, p2.Blob is pt.Blob)
# pointers2 is compiled without parameter names (MPB_PARAM_NAMES=0, as on esp32): its errors number the argument,
# while this module's name it, for the same kind of mistake.
err(p2.write, b, 'x', 1)
err(pt.fill, b, 'x', 16)
pt.free(b)

# Python callables as callbacks (void * user-data convention): the callable gets the caller's user data back.
values = array.array('i', [3, 5, 7, 9])
seen = []


def visit(user, value):
    seen.append((user, value))
    return value == 7


print(pt.each(values, 4, visit, 'tag'), seen)
print(pt.each(values, 4, lambda user, value: 0, None))
# Heavy allocation and a collection inside the callback do not lose the callable.
junk = []


def churn(user, value):
    junk.append(bytearray(1000))
    gc.collect()
    return 0


print(pt.each(values, 4, churn, None), len(junk))


# An exception in a callback does not unwind through C: C gets 0 and goes on, the caller sees the exception.
def fails(user, value):
    raise ValueError('bad value %d' % value)


err(pt.each, values, 4, fails, None)
print(pt.each(values, 2, visit, 1))
err(pt.each, values, 4, lambda user, value: 'not an int', None)
# A C function of the callback's type is passed as its address, with the user data untouched ("hybrid").
total = pt.C_Pointer()
print(pt.each(values, 4, pt.add_to, total), total.int_val)
err(pt.each, values, 4, pt.mul, total)


# Two callbacks sharing one user-data argument: each trampoline calls its own Python callable, both get the user data.
calls = []


def compare(user, a, b):
    calls.append(('compare', user, a, b))
    return a - b


def destroy(user):
    calls.append(('destroy', user))


print(pt.reg_pair(7, 3, 'u', compare, destroy), calls)
calls = []
print(pt.reg_pair(1, 2, 'v', compare, None), calls)
calls = []
print(pt.reg_pair(4, 4, 'w', lambda user, a, b: 42, destroy), calls)
# Both as C functions: the user data is passed unchanged; a C function mixed with a Python callable is refused.
count = pt.C_Pointer()
print(pt.reg_pair(5, 1, count, pt.compare_ints, pt.count_destroy), count.int_val)
err(pt.reg_pair, 1, 2, count, compare, pt.count_destroy)
print(calls)
