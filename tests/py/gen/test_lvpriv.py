# LVGL v9 as lv_binding binds it, private headers included (tests/fixtures/lvpriv): the object struct is complete,
# its `user_data` field keeps the object's wrapper although a removal by callback (obj, cb) and a layout callback
# (obj, user_data) could have claimed it; returned objects are the same Python objects, of their most specific class;
# constants of the object API attach to obj although struct obj_class_t has a longer stem; `_nesting.value` counts
# the Python callbacks running (lv_utils' event loop reads it), also after a callback raised.
from checks import collect
import lvpriv as lv


print('constants of the object API')
print(lv.obj.CLASS_GROUP_DEF.TRUE, lv.obj.CLASS_GROUP_DEF.FALSE, lv.slider.CLASS_GROUP_DEF.INHERIT)
print(lv.obj.FLAG.CLICKABLE, hasattr(lv.obj_class_t, 'GROUP_DEF'))

print('methods by the first parameter when the longest stem is another struct')
print(hasattr(lv.obj, 'class_init_obj'), hasattr(lv.obj_class_t, 'event_base'), hasattr(lv, 'obj_event_base'))

print('identity')
scr = lv.obj(None)
btn = lv.button(scr)
sl = lv.slider(scr)
collect()
print(scr.get_child(0) is btn, scr.get_child(1) is sl, btn.get_parent() is scr, scr.get_child(0) == btn)
print(type(scr.get_child(1)).__name__, type(btn.get_parent()).__name__)
print(hash(scr.get_child(0)) == hash(btn))

print('event target: the same object, its most specific class')
seen = []


def on_value(e):
    t = e.get_target_obj()
    seen.append((t is sl, type(t).__name__, t.get_value(), e.get_code() == lv.EVENT.VALUE_CHANGED))


sl.add_event_cb(on_value, lv.EVENT.VALUE_CHANGED, None)
collect()
sl.set_value(30)
print(seen)
empty = lv.obj(None)
print(empty.get_child(0))
empty.delete()
o = lv.obj(scr)
o2 = lv.obj(scr)
print(type(scr.get_child(2)).__name__, scr.get_child(2) is o, scr.get_child(3) is o2, scr.get_child(2) is o2)

sl.class_init_obj()
print(sl.get_value(), lv.button_class.event_base(None), lv.obj_class.event_base(None))

print('removal by callback keeps the object its identity')
clicks = []


def on_click(e):
    clicks.append(e.get_target_obj() is btn)


btn.add_event_cb(on_click, lv.EVENT.CLICKED, None)
print(btn.send_event(lv.EVENT.CLICKED), clicks, scr.get_child(0) is btn)

print('a layout callback gets its own user data')
got = []


def layout(obj, data):
    got.append((obj is btn, data))


print(lv.layout_register(layout, {'gap': 4}) > 0)
btn.update_layout()
print(got, btn.get_parent() is scr)

print('nesting')
print(lv._nesting.value)
depth = []


def inner(e):
    depth.append(('inner', lv._nesting.value))


def outer(e):
    depth.append(('outer', lv._nesting.value))
    o2.send_event(lv.EVENT.CLICKED)
    depth.append(('outer after', lv._nesting.value))


o.add_event_cb(outer, lv.EVENT.CLICKED, None)
o2.add_event_cb(inner, lv.EVENT.CLICKED, None)
o.send_event(lv.EVENT.CLICKED)
print(depth, lv._nesting.value)


def boom(e):
    depth.append(('boom', lv._nesting.value))
    raise ValueError('boom')


def boom_outer(e):
    depth.append(('boom outer', lv._nesting.value))
    b.send_event(lv.EVENT.CLICKED)
    depth.append(('not reached', lv._nesting.value))


def raising(cb):
    # A new button with cb: what the callbacks saw and the depth once the exception reached Python.
    depth.clear()
    w = lv.button(o2)
    w.add_event_cb(cb, lv.EVENT.CLICKED, None)
    try:
        w.send_event(lv.EVENT.CLICKED)
    except ValueError as ex:
        print('ValueError', ex)
    print(depth, lv._nesting.value)
    return w


b = raising(boom)
raising(boom_outer)
o.send_event(lv.EVENT.CLICKED)
print(depth[-3:], lv._nesting.value)
try:
    lv._nesting.value = 3
except AttributeError:
    print('read-only')
print(lv._nesting.value)

# The C objects go with their screen (LeakSanitizer checks that nothing the test made is left).
scr.delete()
