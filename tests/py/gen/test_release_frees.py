# Released means collectable: once a registration's closure is released (removal by descriptor, the object's
# deletion, a timer's deletion) or a handle closed, the callable and everything it captured go back to the heap at
# the next collection. A count of closures alone would not show a released closure still reachable through the
# runtime's dicts (a removed map entry keeps its value until the slot is reused unless the runtime clears it).
import gc
import lvshape as lv
import isrtest

BIG = 48 * 1024


def scrub(n):
    # deep calls overwrite the C stack, which the GC scans conservatively: no stale copy of a pointer survives there
    return scrub(n - 1) + 1 if n else 0


def collect():
    scrub(40)
    for i in range(2):
        gc.collect()
        junk = [bytearray(64) for i in range(100)]
        junk = None
    gc.collect()


def used():
    collect()
    return gc.mem_alloc()


def capturing(tag):
    data = bytearray(BIG)
    def on_event(e):
        return len(data) + tag
    return on_event


def register_on(obj, n):
    return [obj.add_event_cb(capturing(i), lv.EVENT.CLICKED, None) for i in range(n)]


def within(before, after):
    # The GC scans the C stack conservatively, and a sanitizer's bigger frames leave more stale words there: a few
    # objects (at most about one capture) may stay. A released closure still reachable would keep all four.
    return after - before < 2 * BIG


base_closures = isrtest.closures_live()
before = used()
o = lv.obj()
dscs = register_on(o, 4)
print('held while registered', used() - before >= 3 * BIG)
for d in dscs:
    o.remove_event_dsc(d)
dscs = None
print('removed by descriptor: freed', within(before, used()), isrtest.closures_live() == base_closures)

register_on(o, 4)
o.delete()
o = None
print('deleted with its object: freed', within(before, used()), isrtest.closures_live() == base_closures)

timers = [lv.timer_create(capturing(i), 10, None) for i in range(3)]
for t in timers:
    t.delete()
timers = t = None
print('timers deleted: freed', within(before, used()), isrtest.closures_live() == base_closures)
