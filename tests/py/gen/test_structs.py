# test_structs.py: struct and union classes of a generated module: construction, fields, nesting, arrays, casts.
import struct
import structs as st
from checks import err


def set_item(a, i, v):
    a[i] = v


P = st.point_t
# T() is zeroed; T(a=.., b=..) keywords; T({...}) a dict; T(other) a copy.
p = P()
print(p.x, p.y)
p = P(x=3, y=4)
print(p.x, p.y)
q = P(p)
q.x = 30
print(p.x, q.x)
r = st.rect({'tl': {'x': 1, 'y': 2}, 'br': {'x': 11, 'y': 22}})
print(r.tl.x, r.tl.y, r.br.x, r.br.y, st.rect_area(r))
err(P, {'z': 1})
err(P, 'nope')

# Nested struct fields are references: writing r.br.x changes r.
br = r.br
br.x = 21
print(r.br.x, st.rect_area(r))
r.tl = P(x=1, y=2)
r.tl = {'x': 0}
print(r.tl.x, r.tl.y)

# By value (argument and return) and by pointer.
s = st.point_add(P(x=1, y=2), P(x=10, y=20))
print(type(s) is P, s.x, s.y)
st.point_scale(s, 3)
print(s.x, s.y)
err(st.point_scale, r, 2)
err(st.point_add, P(), 5)

# Integer range checks on fields.
err(setattr, p, 'x', 1 << 40)
err(setattr, p, 'x', 'text')

# Arrays of structs: T(n), s[i], bounds.
arr = P(3)
arr[1].x = 5
arr[2] = {'x': 7, 'y': 8}
print(len(arr), arr[1].x, arr[2].y, arr[-1].x)
err(lambda: arr[3])

# A struct with arrays, bitfields, an anonymous union, an anonymous-type member, a pointer, a const field.
sh = st.shape_t()
sh.samples[0] = 100
sh.samples[3] = -1
print(sh.samples[0], sh.samples[3], len(sh.samples), list(sh.samples[i] for i in range(4)))
err(lambda: sh.samples[4])
err(set_item, sh.samples, 4, 1)
sh.name = [ord(c) for c in 'abc']
print(bytes(sh.name))
sh.visible = 1
sh.layer = 7
sh.offset = -8
print(sh.visible, sh.layer, sh.offset)
# A bitfield of width w takes -2^(w-1) .. 2^w-1, signed or not (the same bits in either reading); beyond raises.
err(setattr, sh, 'layer', 8)
err(setattr, sh, 'layer', -5)
err(setattr, sh, 'offset', 16)
err(setattr, sh, 'offset', -9)
other = st.shape_t()
other.layer = -1
other.offset = 15
print(other.layer, other.offset)
sh.i = 5
print(sh.i)
sh.f = 1.0
print(sh.i == 0x3f800000, sh.f)
sh.i = 5
sh.color.r = 1
sh.color.g = 2
sh.color.b = 3
print(sh.color.r, sh.color.g, sh.color.b)
print(sh.anchor)
anchor = P(x=1000, y=0)
sh.anchor = anchor
print(sh.anchor.x)
sh.bounds.br.x = 10
sh.bounds.br.y = 20
sh.corners[1].x = 40
print(sh.corners[1].x, sh.corners[0].x)
err(setattr, sh, 'id', 5)
print(sh.id)
# What C sees: id 0, bitfields 1 + 7 - 8, i 5, color 6, samples 99, name 294, bounds 30, corners 40, anchor 1000
print(st.shape_sum(sh), 0 + 1 + 7 - 8 + 5 + 6 + 99 + 294 + 30 + 40 + 1000)
err(setattr, sh, 'missing', 1)
m = st.shape_make(9)
print(m.id, bytes(m.name)[:4], m.layer)

# Unions.
v = st.value()
v.f = 1.0
print(hex(v.u), hex(st.value_bits(v)))

# SIZE, buffer protocol, repr.
# shape_t holds one pointer, ops_t four pointer-sized members: their sizes follow the target's pointers.
print(P.SIZE, st.rect.SIZE, st.value.SIZE, st.shape_t.SIZE - struct.calcsize('P'))
print(bytes(P(x=1, y=258)))
mv = memoryview(p)
print(len(mv))
print(repr(p).startswith('<struct point_t at 0x'), repr(v).startswith('<union value at 0x'))

# Pointers from C give instances viewing C memory; __cast__ and __cast_instance__.
pts = st.points()
print(pts.x, pts[1].x, pts[2].y)
pts[1].x = 33
print(st.points()[1].x)
view = P.__cast__(st.points())
print(view[2].x)
again = P()
same = again.__cast_instance__(st.points())
print(same is again, again.y)
print(P.__cast__(None))

# A C function object stored into a function-pointer field stores its C address; C calls it directly.
ops = st.ops_t()
ops.op = st.mul
print(st.ops_run(ops, 6, 7), ops.calls, ops.op.__address__() == st.mul.__address__)
ops.op = None
print(st.ops_run(ops, 6, 7), ops.op)
err(setattr, ops, 'op', 'nope')
print(p.SIZE, ops.SIZE // struct.calcsize('P'))

# A dict stored in a void * field (the user_data convention) is stored as the object; reading gives it back,
# and it stays alive as long as C may use it, in GC memory (T()) and in C memory (through mpb_roots).
import gc
ops.user_data = {'dc': 12}
so = st.ops_static()
so.user_data = {'spi': [1, 2, 3]}
so.label = ''.join(['lab', 'el'])
del so
gc.collect()
junk = [bytearray(b'\xff' * 48) for _ in range(300)]
print(ops.user_data, st.ops_static().user_data, st.ops_has_user_data(st.ops_static()))
print(st.ops_static().label, st.ops_label(st.ops_static()))
st.ops_static().user_data = None
print(st.ops_static().user_data, st.ops_has_user_data(st.ops_static()))
# Any heap object whose address goes into C memory (here a bytearray's) is kept alive the same way.
st.ops_static().user_data = bytearray(b'kept')
gc.collect()
junk = [bytearray(b'\xff' * 48) for _ in range(300)]
print(bytes(st.ops_static().user_data.__dereference__(4)))
st.ops_static().user_data = None

# Opaque types are handles.
h = st.handle_new(42)
print(type(h).__name__, st.handle_value(h))
st.handle_free(h)
print(st.handle_value(None))

# Methods: <prefix>_<T>_<name>(T *self, ...) is T.<name>; <prefix>_<T>_create(...) is T's constructor.
h = st.handle_t(7)
print(type(h).__name__, h.value(), st.handle_value(h))
h.free()
err(st.handle_t)
q = P(x=2, y=3)
q.scale(10)
ops.op = st.mul
print(q.x, q.y, st.rect({'br': {'x': 2, 'y': 3}}).area(), ops.run(2, 3))
err(st.secret_t)
print(st.secret_get())

# A field named like a member of its class (SIZE) is the field on an instance; the class still has its SIZE.
# Classes without such names find their methods and fields alike.
t = st.tally_t(SIZE=3, total=4)
t.total += 1
print(t.SIZE, t.total, st.tally_total(t), st.tally_t.SIZE == 8, st.rect({'br': {'x': 2, 'y': 2}}).area())

# __cast_instance__ allocates nothing: it works with the heap locked (as in an interrupt handler).
import gc
import micropython
view = P()
pts = st.points()
ok = None
y = None
micropython.heap_lock()
try:
    view.__cast_instance__(pts)
    y = view.y
    ok = True
except MemoryError:
    ok = False
micropython.heap_unlock()
print(ok, y)

# A nested view keeps its parent's memory alive after the parent is gone.
r = st.rect({'br': {'x': 5, 'y': 6}})
br = r.br
del r
gc.collect()
junk = [bytearray(b'\xff' * 32) for _ in range(300)]
print(br.x, br.y)
