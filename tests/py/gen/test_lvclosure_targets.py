# Functions that act on what another registration made, in lv_binding's idiom (tests/fixtures/lvshape):
# - `timer.set_cb(f)` on a timer from `lv.timer_create(cb, period, data)`: f replaces cb in the timer's closure (the
#   old callable is let go), the user data stays; a C address or None passes to C as it is;
# - `obj.remove_event_cb(f)` removes every registration of f on that object only (C alone cannot: each registration
#   passes the same trampoline), through the removal by callback and user data, and releases their closures; it
#   returns the count C removed, as LVGL's does. `obj.remove_event_cb_with_user_data(f, data)` removes those
#   registered with that user data too (and makes no closure of its own).
# A collection runs between registrations and calls; isrtest.closures_live() counts closures not yet released.
from checks import collect, err
import lvshape as lv
import isrtest

live = isrtest.closures_live
base = live()
log = []


def handler(tag):
    def on_event(e):
        log.append((tag, e.get_target().get_id()))
    return on_event


def send(obj, code=lv.EVENT.CLICKED):
    obj.send_event(code)
    got = list(log)
    log.clear()
    return got


print('remove_event_cb: several registrations on one object')
scr = lv.obj(None)
a, b = lv.button(scr), lv.button(scr)
fa, fb, fc = handler('fa'), handler('fb'), handler('fc')
a.add_event_cb(fa, lv.EVENT.CLICKED, None)
a.add_event_cb(fb, lv.EVENT.CLICKED, None)
marked = {'second': True}
a.add_event_cb(fa, lv.EVENT.ALL, marked)
a.add_event_cb(fc, lv.EVENT.CLICKED, None)
b.add_event_cb(fa, lv.EVENT.CLICKED, None)
collect()
print(send(a), send(b), live() - base)
print('removed with that user data', a.remove_event_cb_with_user_data(fa, marked), a.get_event_count(), live() - base)
print('not with other user data', a.remove_event_cb_with_user_data(fa, {'second': True}), a.get_event_count())
a.add_event_cb(fa, lv.EVENT.ALL, marked)
print('removed', a.remove_event_cb(fa), a.get_event_count(), live() - base)
collect()
print(send(a), send(b))
print('nothing left to remove', a.remove_event_cb(fa), a.remove_event_cb(handler('other')))
print('removed', a.remove_event_cb(fc), a.get_event_count(), send(a), live() - base)
fa = None
collect()
print('the other object keeps its registration of the same function', send(b))
print('a C address or None is removed by C', a.remove_event_cb(None), a.get_event_count())
err(a.remove_event_cb, 5)


class Widget:
    def __init__(self, obj):
        self.n = 0
        obj.add_event_cb(self.on_event, lv.EVENT.CLICKED, None)

    def on_event(self, e):
        self.n += 1


print('a bound method: each `w.on_event` is a new object, yet the same callable')
w1, w2 = Widget(a), Widget(b)
collect()
send(a), send(b)
print(w1.n, w2.n, 'removed', a.remove_event_cb(w2.on_event), a.remove_event_cb(w1.on_event), a.get_event_count())
send(a), send(b)
print(w1.n, w2.n, live() - base)
a.delete()
collect()
print('deleted afterwards', live() - base, send(b))
b.delete()
collect()
print('all released', live() - base)

print('timer.set_cb: the callable replaced, the user data kept')
ran = []
data = {'timer': 1}


def first(t):
    ran.append(('first', t.get_user_data() is data))


def second(t):
    ran.append(('second', t.get_user_data() is data))


t1 = lv.timer_create(first, 10, data)
t2 = lv.timer_create(first, 10, None)
collect()
lv.timer_handler(10)
t1.set_cb(second)
collect()
lv.timer_handler(10)
print(ran, live() - base)
ran.clear()
t1.set_cb(lambda t: ran.append('lambda'))
second = None
collect()
lv.timer_handler(10)
print(ran)
ran.clear()
t1.set_cb(None)
lv.timer_handler(10)
print('None: C calls nothing', ran)
err(t1.set_cb, 5)
t1.set_cb(first)
lv.timer_handler(10)
print(ran, t1.get_user_data() is data)
t1.delete()
t2.delete()
collect()
print('released', live() - base, lv.timer_count())

print('a timer made without a Python callable cannot take one')
t3 = lv.timer_create(None, 10, None)
err(t3.set_cb, first)
t3.delete()
print(live() - base, lv.timer_count())
print('no timer (None) has no closure: an error, not a crash')
err(type(t3).set_cb, None, first)
