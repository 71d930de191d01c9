# method_cost.py: (MicroPython) calls one method of an identity object of tests/fixtures/lvpriv N times, the way
# lv_binding's users write LVGL calls; bench_method_cost.py counts its instructions under callgrind.
# Usage: micropython method_cost.py FORM N. Prints "FORM N ok"; a call that raises or gives the wrong result fails
# the run (exit 1). Forms: loop (the bare loop), value (sl.get_value(): the class's own method, an int result),
# parent (btn.get_parent(): a method of the base class through the class chain, a pointer result whose Python
# object is found by identity), child (scr.get_child(0): a method of the object's own class, a pointer result),
# field (sl.value: a field of the base struct read on an identity class whose methods are looked up first),
# struct_field (dsc.filter: a field of a plain struct class).
import sys

import lvpriv as lv

scr = lv.obj(None)
o = lv.obj(scr)
btn = lv.button(scr)
sl = lv.slider(scr)
sl.set_value(7)
dsc = lv.event_dsc_t(filter=2)


def run_loop(n):
    for _ in range(n):
        pass


def run_value(n):
    for _ in range(n):
        sl.get_value()


def run_child(n):
    for _ in range(n):
        scr.get_child(0)


def run_parent(n):
    for _ in range(n):
        btn.get_parent()


def run_field(n):
    for _ in range(n):
        sl.value


def run_struct_field(n):
    for _ in range(n):
        dsc.filter


CHECKS = {'loop': lambda: True, 'value': lambda: sl.get_value() == 7, 'child': lambda: scr.get_child(0) is o,
          'parent': lambda: btn.get_parent() is scr, 'field': lambda: sl.value == 7,
          'struct_field': lambda: dsc.filter == 2}

form, n = sys.argv[1], int(sys.argv[2])
if not CHECKS[form]():
    print(form, 'gave the wrong result')
    sys.exit(1)
globals()['run_' + form](n)
print(form, n, 'ok')
