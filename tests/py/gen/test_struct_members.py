# test_struct_members.py: the members every struct class has (SIZE, __cast__, __fields__, __cast_instance__,
# __dereference__, __setattr__), reached from the class, from instances and from Python subclasses.
import structs as st
from checks import err

P = st.point_t
R = st.rect
# From the class: the class methods bind to the class they are called on.
print(P.SIZE, P.__SIZE__, R.SIZE == R.__SIZE__)
print(P.__fields__() == R.__fields__(), len(P.__fields__()), len(R.__fields__()))
view = P.__cast__(st.points())
print(type(view) is P, view[1].x == st.points()[1].x)
print(hasattr(P, '__cast__'), hasattr(R, '__dereference__'), hasattr(P, 'no_such_member'))

# From an instance.
p = P(x=1, y=258)
print(bytes(p.__dereference__()) == bytes(p), len(p.__dereference__(2)))
q = P()
print(q.__cast_instance__(st.points()) is q, q.x == st.points().x)


# From a Python subclass: its class methods give instances of the struct class it inherits, its instances take
# field writes into C memory and refuse other names.
class Sub(P):
    pass


s = Sub()
s.x = 7
print(s.x, bytes(s)[:4] == bytes(P(x=7))[:4])
print(Sub.SIZE == P.SIZE, Sub.__fields__() == P.__fields__())
c = Sub.__cast__(st.points())
print(type(c) is P, c.x == st.points().x)
err(setattr, s, 'not_a_field', 1)

# Two classes keep their own sizes and fields.
print(P.SIZE != R.SIZE, [f[0] for f in P.__fields__()], [f[0] for f in R.__fields__()])
