# Global variables as module attributes (tests/fixtures/lvglobals): const struct globals (fonts, classes) are
# references to the C variables themselves, so passing one passes the variable's own address (a copy does not);
# they cannot be written or re-pointed. A writable struct global takes field writes; writable scalars are read and
# written through the module (C sees the writes, Python sees C's), const scalars are read-only; an array variable
# is skipped.
import gc
import lvglobals as lv
from checks import err

print('fonts', type(lv.font_small).__name__, lv.font_small.line_height, lv.font_small.name, lv.font_large.line_height)
print('one object', lv.font_small is lv.font_small)
o = lv.obj_create(None)
print('default small', lv.obj_font_is_small(o))
lv.obj_set_font(o, lv.font_large)
print('large', lv.obj_font_is_small(o), lv.obj_get_font(o).line_height)
lv.obj_set_font(o, lv.font_small)
print('the variable itself', lv.obj_font_is_small(o))
lv.obj_set_font(o, lv.font_t(lv.font_small))
print('a copy is not', lv.obj_font_is_small(o), lv.obj_get_font(o).line_height)
lv.obj_set_font(o, lv.font_small)

err(setattr, lv.font_small, 'line_height', 5)
err(lv.font_small.__cast_instance__, lv.font_large)
print('unchanged', lv.font_small.line_height, lv.font_large.line_height)
lv.font_custom.line_height = 20
lv.obj_set_font(o, lv.font_custom)
print('writable struct', lv.obj_get_font(o).line_height, lv.font_custom.line_height)
err(lv.font_custom.__cast_instance__, lv.font_large)

b = lv.obj_create(o)
print('classes', lv.obj_get_class(b).name, lv.obj_get_class(b).base_class.name, lv.button_class.base_class.name)
print('class by address', lv.obj_get_class(o).name == lv.obj_class.name)

print('counter', lv.counter, lv.counter_bump(), lv.counter)
lv.counter = 41
print('C sees the write', lv.counter_bump(), lv.counter)
lv.counter = -1
print('negative', lv.counter)
err(setattr, lv, 'counter', 'x')
err(setattr, lv, 'counter', 2 ** 40)
print('version', lv.version)
err(setattr, lv, 'version', 1)
print('version unchanged', lv.version)

print('greeting', lv.greeting)
lv.greeting = 'bye ' + str(len('abc')) * 3
junk = [bytearray(64) for i in range(300)]
junk = None
gc.collect()
print('C reads the str', lv.greeting_get(), lv.greeting)
lv.greeting = None
print('NULL', lv.greeting, lv.greeting_get())

err(setattr, lv, 'nope', 1)
err(setattr, lv, 'obj_create', 1)
print('array variable skipped', hasattr(lv, 'table'))
print(lv)
print('dir', [n for n in ('counter', 'font_small', 'obj_create', 'version', 'table') if n in dir(lv)])
from lvglobals import counter, font_large
print('from-import', counter, font_large.line_height)
lv.obj_delete(b)
lv.obj_delete(o)
