# What Python keeps on LVGL-shaped objects with identity, in lv_binding's idiom (a custom widget):
# `obj.set_user_data(self)` with any Python object and `get_user_data()` giving it back, and attributes of the user's
# own names (`obj.valid = False`) read back on the same object reached another way (an event's target, a child
# lookup), also once Python dropped every reference and a collection ran. The object's user-data slot keeps mpbind's wrapper, so C
# never holds the address of a Python object (lvpriv's complete struct shows what C's field holds). Fixtures:
# tests/fixtures/lvshape (user data through accessors, objects in C memory) and tests/fixtures/lvpriv (a user_data
# field). isrtest.objects_kept() counts the wrappers kept for objects in C memory.
from checks import collect, err
import lvshape as lv
import lvpriv
import isrtest

kept = isrtest.objects_kept
base = kept()


class Widget:
    # lv_binding's custom widget: a Python object bound to its LVGL object through the user data.
    def __init__(self, parent, name):
        self.lv_obj = lv.button(parent)
        self.name = name
        self.lv_obj.set_user_data(self)

    def __repr__(self):
        return 'Widget ' + self.name


print('set_user_data keeps any Python object, get_user_data gives it back')
scr = lv.obj(None)
plain = lv.obj(scr)
print(plain.get_user_data())
w1 = Widget(scr, 'one')
w2 = Widget(scr, 'two')
b1, b2 = w1.lv_obj, w2.lv_obj
w1 = w2 = None
collect()
print(b1.get_user_data(), b2.get_user_data(), b1.get_user_data().lv_obj is b1, kept() - base)
print(scr.get_child(1) is b1, scr.get_child(1).get_user_data().name, scr.get_child(2).get_user_data().name)
data = {'n': 1}
plain.set_user_data(data)
plain.set_user_data([1, 2])
print(plain.get_user_data(), kept() - base)
plain.set_user_data(None)
print(plain.get_user_data())

print('attributes of the user\'s own names on the one object')
b1.valid = False
b1.points = [(1, 2)]
b2.valid = True
b1 = b2 = None
collect()
first, second = scr.get_child(1), scr.get_child(2)
print(first.valid, first.points, second.valid, first.get_user_data().name)
seen = []


def on_click(e):
    t = e.get_target()
    seen.append((t.valid, t.get_user_data().name))
    t.valid = not t.valid


first.add_event_cb(on_click, lv.EVENT.CLICKED, None)
first = None
collect()
scr.get_child(1).send_event(lv.EVENT.CLICKED)
collect()
print(seen, scr.get_child(1).valid)

print('fields and methods keep their meaning, unknown names raise')
o = scr.get_child(1)
print(hasattr(o, 'lv_obj'), hasattr(o, 'valid'), o.get_id())
err(setattr, o, 'get_id', 1)
err(getattr, o, 'missing')
del o.points
err(getattr, o, 'points')
try:
    del o.points
except AttributeError:
    print('AttributeError: deleted already')
print(o.get_id(), hasattr(o, 'valid'))
err(o.__cast_instance__, scr)
err(setattr, lv.obj_class, 'note', 1)

print('a void * that is no user data still refuses a Python object')
err(lv.timer_create, None, 10, Widget)

print('deleted objects: a new object has nothing of the old one')
o.delete()
o = None
collect()
fresh = lv.button(scr)
print(fresh.get_user_data(), hasattr(fresh, 'valid'))
fresh.delete()
scr.delete()
print(lv.obj_count(), kept() - base <= 3)

print('a user_data field: C keeps the wrapper, never the user\'s object')
pscr = lvpriv.obj(None)
pb = lvpriv.button(pscr)
class Holder:
    pass


pw = Holder()
pb.set_user_data(pw)
pb.tag = 'b'
addr = pb.user_data.__address__()
print(addr == id(pb), addr != id(pw), pb.get_user_data() is pw)
pw = None
pb = None
collect()
pb = pscr.get_child(0)
print(type(pb.get_user_data()).__name__, pb.tag, pb.user_data.__address__() == id(pb))
err(setattr, lvpriv.obj_class_t(), 'note', 1)

print('C data of its own in the slot is never overwritten, until set_user_data claims it')
mine = lvpriv.obj(pscr)
mine.user_data = lvpriv.Blob(4096)  # as C code storing its own pointer
got = pscr.get_child(-1)
print(got is mine, got == mine, mine.get_user_data(), got.get_user_data())
err(setattr, got, 'note', 1)
mine.set_user_data('claimed')
print(pscr.get_child(-1) is mine, pscr.get_child(-1).get_user_data(), mine.user_data.__address__() == id(mine))
pscr.delete()
