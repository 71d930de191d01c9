# test_registration_sequences.py: random sequences of registrations, replacements, removals, deletions, collections
# and calls against the listener bus of the `callbacks` fixture and the LVGL-shaped `lvshape` fixture, checked
# against a model of what C holds: every call must reach exactly the Python functions the model expects (with their
# own user data), and isrtest.closures_live() must equal the registrations C still holds (plus the timers C dropped
# on its own, counted by the model). Deterministic (xorshift32, seed from the command line).
# Usage: micropython test_registration_sequences.py [STEPS [SEED]]
import gc
import sys
import isrtest
import callbacks as cb
import lvshape as lv

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
state = [int(sys.argv[2]) if len(sys.argv) > 2 else 1]


def rnd(n):
    x = state[0]
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    state[0] = x
    return x % n


base = isrtest.closures_live()
heard = []
serial = [0]


def new_fn(kind):
    serial[0] += 1
    tag = serial[0]
    if kind == 'bus':
        def f(user, value):
            heard.append((tag, user, value))
    else:
        def f(e):
            heard.append((tag, e.get_user_data(), e.get_code()))
    return tag, f


buses = []  # [bus, {handle: (tag, user)}, hook (tag, user) or None, {key: (tag, user)}]
objs = []   # [obj, [(dsc, tag, filter, user)]]
dropped = [0]
counts = {}
mismatches = []


def count(what):
    counts[what] = counts.get(what, 0) + 1


def expect_bus(b, value):
    exp = [(t, u, value) for h, (t, u) in sorted(b[1].items())]
    exp += [(t, u, value) for k, (t, u) in sorted(b[3].items())]
    if b[2]:
        exp.append((b[2][0], b[2][1], value))
    return exp


def held():
    n = sum(len(b[1]) + len(b[3]) + (1 if b[2] else 0) for b in buses)
    return n + sum(len(o[1]) for o in objs)


def step(i):
    op = rnd(12)
    if op == 0 and len(buses) < 4:
        buses.append([cb.bus_new(), {}, None, {}])
        count('bus new')
    elif op == 1 and buses:
        b = buses[rnd(len(buses))]
        tag, f = new_fn('bus')
        h = cb.bus_add_listener(b[0], f, 'l%d' % tag)
        if h:
            b[1][h] = (tag, 'l%d' % tag)
        count('listen')
    elif op == 2 and buses and any(b[1] for b in buses):
        b = [b for b in buses if b[1]][0]
        h = sorted(b[1])[rnd(len(b[1]))]
        cb.bus_remove_listener(b[0], h)
        del b[1][h]
        count('unlisten')
    elif op == 3 and buses:
        b = buses[rnd(len(buses))]
        if rnd(4) == 0:
            cb.bus_set_hook(b[0], None, None)
            b[2] = None
        else:
            tag, f = new_fn('bus')
            cb.bus_set_hook(b[0], f, 'h%d' % tag)
            b[2] = (tag, 'h%d' % tag)
        count('hook')
    elif op == 4 and buses:
        b = buses[rnd(len(buses))]
        key = 'k%d' % rnd(3)
        if rnd(4) == 0:
            cb.bus_set_keyed(b[0], key, None, None, None)
            b[3].pop(key, None)
        elif len(b[3]) < 3 or key in b[3]:
            tag, f = new_fn('bus')
            cb.bus_set_keyed(b[0], key, f, 'k%d' % tag, None)
            b[3][key] = (tag, 'k%d' % tag)
        count('keyed')
    elif op == 5 and buses:
        b = buses.pop(rnd(len(buses)))
        cb.bus_delete(b[0])
        count('bus delete')
    elif op == 6 and buses:
        b = buses[rnd(len(buses))]
        v = rnd(1000)
        cb.bus_emit(b[0], v)
        got = list(heard)
        heard.clear()
        if sorted(got) != sorted(expect_bus(b, v)):  # keyed entries come in C's slot order
            mismatches.append((i, 'emit', got, expect_bus(b, v)))
        count('emit')
    elif op == 7 and len(objs) < 4:
        objs.append([lv.obj(None), []])
        count('obj new')
    elif op == 8 and objs:
        o = objs[rnd(len(objs))]
        if len(o[1]) < 8:
            tag, f = new_fn('lv')
            flt = rnd(3)
            user = {'tag': tag}
            d = o[0].add_event_cb(f, flt, user)
            o[1].append((d, tag, flt, user))
        count('add event')
    elif op == 9 and objs and any(o[1] for o in objs):
        o = [o for o in objs if o[1]][0]
        k = rnd(len(o[1]))
        o[0].remove_event_dsc(o[1][k][0])
        del o[1][k]
        count('remove event')
    elif op == 10 and objs:
        o = objs[rnd(len(objs))]
        code = 1 + rnd(2)
        o[0].send_event(code)
        got = [(t, u['tag'], c) for t, u, c in heard]
        heard.clear()
        exp = [(t, u['tag'], code) for d, t, flt, u in o[1] if flt in (0, code)]
        if got != exp:
            mismatches.append((i, 'send', got, exp))
        count('send')
    elif op == 11 and objs:
        o = objs.pop(rnd(len(objs)))
        o[0].delete()
        heard.clear()  # the DELETE event
        count('obj delete')
    if rnd(3) == 0:
        gc.collect()
    live = isrtest.closures_live() - base
    if live != held():
        mismatches.append((i, 'live', live, held()))


for i in range(STEPS):
    step(i)
    if len(mismatches) > 5:
        break
for b in buses:
    cb.bus_delete(b[0])
for o in objs:
    o[0].delete()
gc.collect()
print('steps ok', len(mismatches) == 0, 'every kind of step ran', len(counts) == 12)
print('all released at the end', isrtest.closures_live() == base)
for m in mismatches[:5]:
    print('mismatch', m)
