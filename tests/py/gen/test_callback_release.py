# Each registration owns its closure, released exactly when C can no longer call it (the release rules of the
# generator's README): a listener list (removal by handle, handles numbered per object, deletion), keyed entries
# with a destroy-notify (replaced, removed, deleted), one hook per object (replaced, None, deletion), synchronous
# calls (no closure outlives them). isrtest.closures_live() counts closures not yet released: it returns to where it
# was. A collection and fresh allocations run between every registration and call: a released closure that C still
# called, or a live one left unrooted, would show as a wrong callable or a crash.
from checks import collect
import callbacks as cb
import isrtest

live = isrtest.closures_live


calls = []


def listener(tag):
    def f(user, value):
        calls.append((tag, user, value))
    return f


def emit(bus, value):
    n = cb.bus_emit(bus, value)
    got = list(calls)
    calls.clear()
    return n, got


base = live()

# ---- a listener list: several registrations on one object, and a second object ----
print('listeners')
bus, bus2 = cb.bus_new(), cb.bus_new()
h1 = cb.bus_add_listener(bus, listener('a'), 'ua')
collect()
h2 = cb.bus_add_listener(bus, listener('b'), 'ub')
collect()
h3 = cb.bus_add_listener(bus2, listener('c'), 'uc')  # handles count per bus: h3 == h1
collect()
print('live', live() - base, 'same handle on the other bus', h1 == h3)
print(emit(bus, 1))
print(emit(bus2, 2))
# Removal by handle releases exactly that registration's closure (not bus2's with the same number).
print('remove h1', cb.bus_remove_listener(bus, h1), 'live', live() - base)
collect()
print(emit(bus, 3))
print(emit(bus2, 4))
print('remove h1 again', cb.bus_remove_listener(bus, h1), 'live', live() - base)
# The same function registered twice is two registrations.
f = listener('twice')
h4, h5 = cb.bus_add_listener(bus, f, 1), cb.bus_add_listener(bus, f, 2)
collect()
print(emit(bus, 5), 'live', live() - base)
cb.bus_remove_listener(bus, h4)
collect()
print(emit(bus, 6), 'live', live() - base)

# ---- the hook: one per bus, a new one replaces it, None removes it ----
print('hook')
cb.bus_set_hook(bus, listener('hook1'), 'h')
collect()
cb.bus_set_hook(bus2, listener('hook2'), 'h2')  # another bus: both stay
collect()
print('live', live() - base)
cb.bus_set_hook(bus, listener('hook3'), 'h3')  # replaces hook1's closure
collect()
print(emit(bus, 7)[1][-1], emit(bus2, 8)[1][-1], 'live', live() - base)
cb.bus_set_hook(bus, None, None)
collect()
print(emit(bus, 9), 'live', live() - base)

# ---- keyed entries with a destroy-notify: replacing or removing a key destroys the old entry once ----
print('keyed')
destroyed = []


def destroy(tag):
    def d(user):
        destroyed.append((tag, user))
    return d


print(cb.bus_set_keyed(bus, 'x', listener('x1'), 'ux1', destroy('x1')))
collect()
cb.bus_set_keyed(bus, 'y', listener('y'), 'uy', destroy('y'))
collect()
cb.bus_set_keyed(bus, 'z', listener('z'), 'uz', None)  # no Python destroy: C still gets one, to release the closure
collect()
print(emit(bus, 10), 'live', live() - base)
cb.bus_set_keyed(bus, 'x', listener('x2'), 'ux2', destroy('x2'))  # x1 destroyed by C, its closure released
collect()
print('destroyed', destroyed, emit(bus, 11), 'live', live() - base)
cb.bus_set_keyed(bus, 'y', None, None, None)  # removal
collect()
print('destroyed', destroyed, 'live', live() - base)

# ---- deleting the bus: C destroys its keyed entries; listeners and the hook registered on it are released ----
print('delete')
cb.bus_set_hook(bus, listener('hook4'), None)
collect()
before = live() - base
cb.bus_delete(bus)
collect()
print('before', before, 'after', live() - base, 'destroyed', destroyed)
print(emit(bus2, 12))
cb.bus_delete(bus2)
collect()
print('all released', live() == base, 'destroyed', destroyed)

# ---- synchronous calls: no closure outlives the call ----
print('synchronous')
inc = lambda u, v: v + 1
print(cb.each_point(lambda user, p: p.x + p.y, None, 4), cb.pipeline('u', inc, inc, inc, inc, inc, 0))
print('live', live() - base)

# ---- a registration that fails registers nothing: its closure is released at once (handle 0) ----
bus = cb.bus_new()
hs = [cb.bus_add_listener(bus, listener(k), k) for k in range(18)]  # 16 slots
print('handles', hs[-3:], 'live', live() - base)
for h in hs:
    cb.bus_remove_listener(bus, h)
cb.bus_delete(bus)
print('all released', live() == base)
