# call_cost.py: times N calls of add(a, b) through mpbind, a hand-written native function and a Python function.
# Usage: micropython call_cost.py WHICH N   (WHICH: mpbind, native, python, loop)
import sys
import time

import benchgen
import benchnative


def py_add(a, b):
    return a + b


def run(f, n):
    a = 1
    for i in range(n):
        f(a, i)


def run_loop(n):
    a = 1
    for i in range(n):
        pass


which = sys.argv[1] if len(sys.argv) > 1 else 'all'
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
funcs = {'mpbind': benchgen.add, 'native': benchnative.add, 'python': py_add}
for name in ('loop', 'mpbind', 'native', 'python'):
    if which not in ('all', name):
        continue
    t0 = time.ticks_us()
    if name == 'loop':
        run_loop(n)
    else:
        run(funcs[name], n)
    dt = time.ticks_diff(time.ticks_us(), t0)
    print(name, n, dt)
