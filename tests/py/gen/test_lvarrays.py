# Lists and tuples for C array parameters (tests/fixtures/lvglobals): a map of strings the object keeps and reads
# after the call (LVGL's button matrix), ints a call only reads, structs copied by value into an array the object
# keeps, a property list kept by a descriptor. The converted array lives while the object may read it: a
# collection between setting and reading changes nothing; setting another array for the same object replaces it,
# while each object keeps its own. No element is added: the terminator is the caller's, as in C. Other pointer
# inputs (a struct instance, a buffer, None) still work; a bad element is a TypeError naming the argument.
# Also the portable repr of Blobs and struct instances (0x and the address in hex on every core).
import lvglobals as lv
from checks import collect, err


a = lv.obj_create(None)
b = lv.obj_create(None)
lv.obj_set_map(a, ['1', '2', 'three' + str(len('abcd')), ''])
lv.obj_set_map(b, ('x', 'y', ''))
collect(64, 300)
print('map a', lv.obj_get_map_count(a), [lv.obj_get_map_text(a, i) for i in range(4)])
print('map b', lv.obj_get_map_count(b), [lv.obj_get_map_text(b, i) for i in range(3)])
m = ['p', 'q', 'r', 's', '']
lv.obj_set_map(a, m)
m[0] = 'changed'
m = None
collect(64, 300)
print('replaced', lv.obj_get_map_count(a), lv.obj_get_map_text(a, 0), lv.obj_get_map_text(a, 3))
print('b kept its own', lv.obj_get_map_count(b), lv.obj_get_map_text(b, 1))
lv.obj_set_map(a, [b'bytes', bytearray(b'ba'), None, ''])
collect(64, 300)
print('bytes and NULL', lv.obj_get_map_text(a, 0), lv.obj_get_map_text(a, 1), lv.obj_get_map_text(a, 2))
err(lv.obj_set_map, a, ['ok', 3, ''])
print('sum', lv.sum([1, 2, 3, -4], 4), lv.sum((10,), 1), lv.sum([], 0))
print('sum of a buffer still works', lv.sum(bytes([1, 0, 0, 0, 2, 0, 0, 0]), 2))
err(lv.sum, [1, 'x'], 2)
err(lv.sum, [2 ** 40], 1)

lv.obj_set_points(a, [lv.point_t(x=5, y=6), {'x': 7, 'y': 8}, lv.point_t(x=9)], 3)
collect(64, 300)
print('points', [lv.obj_get_point_x(a, i) for i in range(4)])
arr = lv.point_t(2)
arr[0].x = 11
arr[1].x = 12
lv.obj_set_points(b, arr, 2)
print('a struct array still passes', lv.obj_get_point_x(b, 0), lv.obj_get_point_x(b, 1))
err(lv.obj_set_points, a, [lv.point_t(), 5], 2)
err(lv.obj_get_map_count, [a])  # an opaque struct has no size: never an array

tr = lv.style_transition_dsc_t()
lv.style_transition_dsc_init(tr, [lv.STYLE.WIDTH, lv.STYLE.HEIGHT, lv.STYLE.BG_COLOR, 0], 300)
tr2 = lv.style_transition_dsc_t()
lv.style_transition_dsc_init(tr2, (lv.STYLE.HEIGHT, lv.STYLE.PROP_INV), 100)
collect(64, 300)
print('props', lv.style_transition_dsc_prop_sum(tr), tr.time, lv.style_transition_dsc_prop_sum(tr2), tr2.time)

blob = lv.Blob(0x12345678)
print('blob repr', repr(blob) == '<Blob %s>' % hex(blob.__address__()), repr(lv.Blob(None)))
addr = lv.Blob(lv.font_small).__address__()
print('struct repr', repr(lv.font_small) == '<struct font_t at %s>' % hex(addr))
lv.obj_delete(a)
lv.obj_delete(b)
