# test_isr.py: Python called from "interrupt context" through the runtime: heap locked, exceptions contained.
import isrtest
import structs as st


def add_one(x):
    return x + 1


def allocates(x):
    return [x] * 100


def raises(x):
    raise ValueError


print(isrtest.call(add_one, 41))
# Allocation with the heap locked raises MemoryError inside the handler; it is printed, the program continues.
print(isrtest.call(allocates, 1))
print(isrtest.call(raises, 1))
print('continues', allocates(2)[:2])

# The allocation-free way to view C memory in a handler: __cast_instance__ on an instance made beforehand.
view = st.point_t()
pts = st.points()


def handler(p):
    view.__cast_instance__(p)
    return view.y


print(isrtest.call(handler, pts))

# A soft callback runs later, from the scheduler.
got = []
print(isrtest.schedule(got.append, 5), got)
for i in range(3):
    pass
print(got)
