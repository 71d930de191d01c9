# test_conventions.py: the original binding's runtime conventions that scripts written for it rely on: a Blob's
# buffer is the pointer itself, __dereference__ and __SIZE__ on structs, Python subclasses of struct classes whose
# field writes reach C, iterable array fields, Blob.__cast__, micropython.alloc_emergency_exception_buf.
import gc
import micropython
import struct
import isrtest
import structs as st
from checks import err

P = st.point_t
Blob = st.Blob

# A Blob's buffer is the pointer's own storage: sizeof(void *) bytes holding the address (the seed's C flush reads
# a handle from it as *spi_ptr).
b = Blob(st.points())
raw = bytes(b)
print('blob buffer', len(raw) == struct.calcsize('P'), int.from_bytes(raw, 'little') == b.__address__())

# __SIZE__ (the original's name) next to SIZE, on the class and on instances.
print('size', P.__SIZE__, P.SIZE, P().__SIZE__, st.shape_t.__SIZE__ == st.shape_t.SIZE)

# inst.__dereference__([n]): a writable memoryview of the instance's memory (default: its size).
p = P(x=1, y=2)
view = p.__dereference__()
print('dereference', len(view), bytes(view) == bytes(p), len(p.__dereference__(3)))
view[0] = 7
print(p.x)
arr = P(3)
arr[2].y = 9
print(len(arr.__dereference__(3 * P.SIZE)), arr.__dereference__(3 * P.SIZE)[-4])
err(P().__dereference__, -1)
err(P().__cast_instance__(None).__dereference__)


# Python subclasses of a struct class: their field writes reach the C memory.
class Pt(P):
    def norm1(self):
        return abs(self.x) + abs(self.y)


s = Pt()
s.x = 3
s.y = -4
gc.collect()
print('subclass', s.x, s.y, s.norm1(), bytes(s.__dereference__()) == bytes(P(x=3, y=-4)))
st.point_scale(s, 2)                        # by pointer: C reads and writes it
print(s.x, s.y, st.point_add(s, P(x=1, y=1)).y)  # by value
err(setattr, s, 'z', 1)                     # not a field: nowhere to keep it
err(setattr, s, 'x', 'text')
d = Pt({'x': 5, 'y': 6})                    # the struct constructor receives the subclass's arguments
print(d.x, d.y, P(d).y)
r = st.rect()
r.tl = s                                    # copied into a nested field like a plain instance
print(r.tl.x, isinstance(s, P))


class Ops(st.ops_t):
    pass


o = Ops()
o.op = st.mul                               # a function-pointer field: C calls what was stored
print('subclass ops', st.ops_run(o, 6, 7), o.calls)

# Array fields are iterable, indexable, and take a list (the first elements) or a tuple.
sh = st.shape_t()
sh.samples = [5, -6]
print('array', list(sh.samples), tuple(sh.samples), sum(sh.samples), [v for v in sh.samples if v < 0])
sh.samples = (1, 2, 3, 4)
sh.corners[1].x = 40
print(list(sh.samples), [c.x for c in sh.corners], len(list(sh.name)))
err(setattr, sh, 'samples', [1, 2, 3, 4, 5])
it = iter(sh.samples)
print(next(it), next(it), list(it))

# blob.__cast__(): the MicroPython object a pointer holds, when it provably is one; __cast__(T) views or checks.
user = {'dc': 12}
ub = Blob(id(user))
print('cast', ub.__cast__() is user, ub.__cast__(dict) is user)
err(ub.__cast__, list)
err(ub.__cast__, 5)
err(Blob(bytearray(16)).__cast__)           # a bytearray's data: not an object
q = Blob(p).__cast__(P)                     # any memory as a struct class
print(type(q).__name__, q.x == p.x)
print(Blob(st.points()).__cast__(P)[1].x == st.points()[1].x)


# micropython.alloc_emergency_exception_buf: where an exception made with the heap locked (an interrupt handler
# that allocates) keeps its message; without one the message is lost.
def allocates(x):
    return [x] * 100


print(micropython.alloc_emergency_exception_buf(256))
isrtest.call(allocates, 1)
micropython.alloc_emergency_exception_buf(0)
isrtest.call(allocates, 2)
micropython.alloc_emergency_exception_buf(256)
isrtest.call(allocates, 3)
