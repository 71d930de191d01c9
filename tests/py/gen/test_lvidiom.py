# lv_binding's idiom on an LVGL-shaped library (tests/fixtures/lvshape): widget classes made from the constructors
# lvs_<w>_create(parent) returning lvs_obj_t *, widget functions as methods, every widget class inheriting obj's
# methods, constant classes attached to their class, __cast__, no flat duplicates of the methods, events going to
# the handler of the right button; one Python object per C object (the wrapper kept in the object's user data,
# through lvs_obj_get/set_user_data), across collections, equality and hashing by address, the most specific class
# (lvs_obj_get_class against the lvs_<w>_class globals), deletion and a new object at the same address.
from checks import collect
import lvshape as lv


print('classes')
scr = lv.obj()
btn = lv.button(scr)
lab = lv.label(btn)
sl = lv.slider(scr)
print(type(scr).__name__, type(btn).__name__, type(lab).__name__, type(sl).__name__)
print(isinstance(btn, lv.obj), isinstance(lab, lv.obj), isinstance(scr, lv.button), isinstance(lab, lv.button))
print(lv.screen_active() is not None, scr.get_child_count(), btn.get_child_count())

print('methods: own and inherited')
lab.set_text('x')
print(lab.get_text())
lab.set_long_mode(lv.label.LONG.DOT)
print(lab.get_long_mode() == lv.label.LONG.DOT, lv.label.LONG.CLIP)
sl.set_value(42)
print(sl.get_value())
btn.set_x(17)
lab.set_x(-3)
print(btn.get_x(), lab.get_x(), scr.get_x())
try:
    lab.set_value(1)
except AttributeError:
    print('AttributeError: a label has no slider methods')
try:
    lv.label.set_text(5, 'x')
except TypeError:
    print('TypeError: not an object')

print('constant classes')
print(lv.obj.FLAG.CLICKABLE, lv.button.FLAG.HIDDEN, btn.has_flag(lv.obj.FLAG.CLICKABLE), scr.has_flag(lv.obj.FLAG.CLICKABLE))
scr.add_flag(lv.obj.FLAG.SCROLLABLE | lv.obj.FLAG.HIDDEN)
print(scr.has_flag(lv.obj.FLAG.SCROLLABLE), scr.has_flag(lv.obj.FLAG.CLICKABLE))

print('no flat duplicates')
names = dir(lv)
print([n for n in ('obj_set_x', 'label_set_text', 'button_create', 'obj_create', 'obj_add_event_cb') if n in names])
print([n for n in ('obj', 'button', 'label', 'slider', 'screen_active', 'timer_create', 'obj_count') if n in names])

print('parent chain')
p = lab.get_parent()
print(type(p).__name__, p.get_x(), lv.Blob(p) == lv.Blob(btn))

print('__cast__')
as_label = lv.label.__cast__(btn.get_child(0))
print(type(as_label).__name__, as_label.get_text())
as_slider = lv.slider.__cast__(sl)
print(type(as_slider).__name__, as_slider.get_value())
print(lv.obj.__cast__(None))

print('identity')
print(btn.get_parent() is scr, lab.get_parent() is btn, lv.screen_active() is scr, scr.get_child(0) is btn)
collect()
print(btn.get_parent() is scr, btn.get_child(0) is lab, as_label is lab, as_slider is sl)
tmp = lv.label(scr)
tmp.set_text('made, dropped, collected')
tmp = None
collect()
again = scr.get_child(-1)
print(type(again).__name__, again.get_text(), again is scr.get_child(-1))

print('equality and hash by address')
print(btn == lab.get_parent(), btn != lab, btn == lv.Blob(btn), lv.Blob(btn) == btn, lv.Blob(lab) != btn)
print(hash(btn) == hash(lv.Blob(btn)), {btn: 'b', lab: 'l'}[lab.get_parent()], {lv.Blob(lab): 1}.get(lab))

print('most specific class')
sl.set_user_data(None)  # user data of Python's own: the slot keeps the wrapper (tests/py/gen/test_lvobject_state.py)
fresh = scr.get_child(1)
print(type(fresh).__name__, fresh is not sl, fresh == sl, fresh.get_value(), scr.get_child(1) is fresh)
print(type(lv.obj.__cast__(lv.Blob(lab))).__name__, lv.obj.__cast__(lv.Blob(lab)) is lab)
mine = lv.obj(scr)
mine.set_user_data(lv.Blob(4096))  # kept in the wrapper: the object keeps its identity
got = scr.get_child(-1)
print(type(got).__name__, got == mine, got is mine, mine.get_user_data(), scr.get_child(-1) is got)

print('events: each button its handler')
log = []
b1, b2 = lv.button(scr), lv.button(scr)


def handler(tag):
    def on_event(e):
        log.append((tag, e.get_code(), e.get_user_data()))
    return on_event


b1.add_event_cb(handler('one'), lv.EVENT.CLICKED, None)
collect()
b2.add_event_cb(handler('two'), lv.EVENT.CLICKED, 'data')
collect()
print(b2.send_event(lv.EVENT.CLICKED), b1.send_event(lv.EVENT.CLICKED), b1.send_event(lv.EVENT.PRESSED))
print(log)

print('deletion, then a new object (maybe at the same address)')
old = lv.label(b1)
old.set_text('old')
old.delete()
new = lv.slider(b1)
print(new is not old, type(new).__name__, b1.get_child(0) is new, b1.get_child(0).get_value())
n = lv.obj_count()
b2.delete()
scr.delete()
print(n - lv.obj_count())
