# LVGL v9's shape (tests/fixtures/lvshape), in lv_binding's idiom (methods): callbacks whose user data comes back through an accessor
# (lvs_event_get_user_data(e), lvs_timer_get_user_data(t)), recognised from the header alone. Two objects each with
# its own callback, two callbacks on one object with different filters, removal by descriptor, deletion (the DELETE
# event still reaches its callbacks), timers with repeat counts and deletion. The accessor gives back the very object
# registered as user data. A collection runs between every registration and call; isrtest.closures_live() counts
# the closures not yet released.
from checks import collect
import lvshape as lv
import isrtest

live = isrtest.closures_live
base = live()
log = []


def handler(tag):
    def on_event(e):
        user = e.get_user_data()
        log.append((tag, e.get_target().get_id(), e.get_code(), user))
    return on_event


def send(obj, code):
    n = obj.send_event(code)
    got = list(log)
    log.clear()
    return n, got


CLICKED, PRESSED = lv.EVENT.CLICKED, lv.EVENT.PRESSED

print('two buttons, each its own callback')
b1, b2 = lv.button(None), lv.button(None)
data1, data2 = {'button': 1}, ['button', 2]
d1 = b1.add_event_cb(handler('first'), CLICKED, data1)
collect()
d2 = b2.add_event_cb(handler('second'), CLICKED, data2)
collect()
n, got = send(b1, CLICKED)
print(n, got, got[0][3] is data1)
n, got = send(b2, CLICKED)
print(n, got, got[0][3] is data2)

print('two callbacks on one object with different filters')
d3 = b1.add_event_cb(handler('pressed'), PRESSED, None)
collect()
d4 = b1.add_event_cb(handler('all'), lv.EVENT.ALL, 'any')
collect()
print(send(b1, CLICKED))
print(send(b1, PRESSED))
print('live', live() - base)

print('removal by descriptor')
print(b1.remove_event_dsc(d3), 'live', live() - base)
collect()
print(send(b1, PRESSED))
print(b1.remove_event_dsc(d3), 'live', live() - base)

print('deletion: DELETE reaches the callbacks, then every closure of the object is released')
b1.delete()
print(log)
log.clear()
collect()
print('live', live() - base)
print(send(b2, CLICKED)[0])
b2.delete()
log.clear()
print('live', live() - base)

print('timers: accessor user data, repeat counts, deletion')
ticks = []


def tick(tag):
    def on_timer(t):
        ticks.append((tag, t.get_user_data()))
    return on_timer


state = {'n': 0}
t1 = lv.timer_create(tick('every 10'), 10, state)
collect()
t2 = lv.timer_create(tick('every 20'), 20, 'two')
collect()
t2.set_repeat_count(2)
for _ in range(5):
    lv.timer_handler(10)
    collect()
print(ticks[:3], len(ticks), ticks[0][1] is state)
# The repeat count ran out: the timer deleted itself inside C, which no function of the module sees; its closure is
# kept until C hands out that timer again (then it is certainly gone): such closures stay as few as C's timers.
print('timers', lv.timer_count(), 'live', live() - base)
t3 = lv.timer_create(tick('reused'), 10, 'three')
print('reused the dropped timer', lv.Blob(t3) == lv.Blob(t2), 'timers', lv.timer_count(), 'live', live() - base)
lv.timer_handler(10)
print(ticks[-2:])
t1.delete()
t3.delete()
print('timers', lv.timer_count(), 'all released', live() == base)
