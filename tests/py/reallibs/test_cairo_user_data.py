# test_cairo_user_data.py: Debian's libcairo: user data with a destroy function (cairo_destroy_func_t), the keyed
# registration shape. Two keys on one surface and a key on a second surface each keep their own closure across
# collections; replacing a key, removing one (NULL data and destroy) and destroying a surface call each destroy
# function exactly once, with its own user data; isrtest.closures_live() returns to where it was.
import sys
sys.path.append('../gen')
from checks import collect
import isrtest
try:
    import cairo
except ImportError:  # libcairo2-dev not installed: the module is left out of the build
    print('SKIP')
    raise SystemExit

live = isrtest.closures_live
base = live()
destroyed = []


def destroy_as(tag):
    def destroy(user):
        destroyed.append((tag, user))
    return destroy


k1, k2 = cairo.user_data_key_t(), cairo.user_data_key_t()  # cairo compares keys by address: kept alive here
s = cairo.image_surface_create(cairo.FORMAT.ARGB32, 4, 4)
s2 = cairo.image_surface_create(cairo.FORMAT.ARGB32, 4, 4)
OK = cairo.STATUS.SUCCESS
print(cairo.surface_set_user_data(s, k1, 'one', destroy_as('first')) == OK)
collect()
print(cairo.surface_set_user_data(s, k2, 'two', destroy_as('second')) == OK)
collect()
print(cairo.surface_set_user_data(s2, k1, 'other surface', destroy_as('s2')) == OK)
collect()
print('live', live() - base, 'destroyed', destroyed)

print('replacing key 1: its old destroy runs once')
print(cairo.surface_set_user_data(s, k1, 'one again', destroy_as('first again')) == OK)
collect()
print('destroyed', destroyed, 'live', live() - base)

print('removing key 2 (NULL data and destroy)')
print(cairo.surface_set_user_data(s, k2, None, None) == OK)
collect()
print('destroyed', destroyed, 'live', live() - base)

print('destroying the surfaces')
cairo.surface_destroy(s)
collect()
print('destroyed', destroyed)
cairo.surface_destroy(s2)
collect()
print('destroyed', destroyed)
print('all released', live() == base)

print('a Python object as user data comes back as the same object, kept until cairo destroys it')
s = cairo.image_surface_create(cairo.FORMAT.ARGB32, 4, 4)
obj = {'any': ['python', 'object']}
print(cairo.surface_set_user_data(s, k1, obj, None) == OK, 'live', live() - base)
print(cairo.surface_set_user_data(s, k2, 'with destroy', destroy_as('third')) == OK)
obj_id = id(obj)
obj = None
collect()
back = cairo.surface_get_user_data(s, k1)
print('same object', id(back) == obj_id, back, cairo.surface_get_user_data(s, k2))
back = None
cairo.surface_destroy(s)
collect()
print('destroyed', destroyed[-1], 'all released', live() == base)
