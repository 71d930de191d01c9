# call_cost.py: (MicroPython) runs one of the benchmarked calls N times in a loop and prints how long it took.
# Usage: micropython call_cost.py WAY N. Prints "WAY N MICROSECONDS"; a call that raises or computes the wrong result
# fails the run (exit 1). Ways: loop (the bare loop), mpbind / native / python (add(a, b) -> int through each),
# hybrid (C calls the C function add_ud through apply), callback (C calls the Python function py_add_ud).
import sys
import time

import benchgen
import benchnative


def py_add(a, b):
    return a + b


def py_add_ud(user_data, a, b):
    return a + b


def run_call(f, n):
    a = 1
    for i in range(n):
        f(a, i)


def run_apply(cb, n):
    apply = benchgen.apply
    a = 1
    for i in range(n):
        apply(cb, None, a, i)


def run_loop(n):
    a = 1
    for i in range(n):
        pass


CALLS = {'mpbind': benchgen.add, 'native': benchnative.add, 'python': py_add}
CALLBACKS = {'hybrid': benchgen.add_ud, 'callback': py_add_ud}


def check(way):
    """A figure for a call that computes the wrong thing, or cannot be made, would mean nothing."""
    if way in CALLS:
        results = (CALLS[way](40, 2), CALLS[way](-7, 3))
    else:
        results = (benchgen.apply(CALLBACKS[way], None, 40, 2), benchgen.apply(CALLBACKS[way], None, -7, 3))
    if results != (42, -4):
        print('call_cost: wrong results from', way, results)
        sys.exit(1)


way = sys.argv[1]
n = int(sys.argv[2])
if way != 'loop':
    check(way)
t0 = time.ticks_us()
if way == 'loop':
    run_loop(n)
elif way in CALLS:
    run_call(CALLS[way], n)
else:
    run_apply(CALLBACKS[way], n)
print(way, n, time.ticks_diff(time.ticks_us(), t0))
