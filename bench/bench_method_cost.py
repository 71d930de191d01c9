# bench_method_cost.py: figure 3b: instructions per method call on identity objects (tests/fixtures/lvpriv, LVGL's
# shape with its private headers: a complete object struct with fields, a class chain, wrappers found by identity),
# and field loads on such an object and on a plain struct, counted by callgrind; fails when a form needs more than its
# limit.
import os

import callgrind

HERE = os.path.dirname(os.path.abspath(__file__))
N_SMALL, N_LARGE = 1000, 11000  # calls; the difference cancels start-up, set-up and the script's compilation
# Instructions per call beyond the bare loop, measured on x86-64 (gcc -O2, v1.9.2 core: value 511, child 618, parent
# 583, field 746, struct_field 360) with about 8% headroom (callgrind's counts do not vary between runs): the lookup
# of a method through the class chain, the self check, the identity lookup of a result; a field load.
LIMITS = {
    'value': 545,   # sl.get_value(): the class's own method, an int result
    'child': 665,   # scr.get_child(0): an int argument, a pointer result found by identity
    'parent': 630,  # btn.get_parent(): the base class's method through the chain, a pointer result by identity
    # sl.value: a field on a class of objects with identity, which looks its methods up first (the field load misses
    # through the slider's, the object's and the shared struct base class's locals first)
    'field': 800,
    'struct_field': 390,  # dsc.filter: a field of a plain struct, looked up before its members
}


def instructions(ctx, form, n):
    return callgrind.instructions([ctx.micropython, os.path.join(HERE, 'method_cost.py'), form, str(n)],
                                  os.path.join(ctx.work, f'callgrind.method.{form}.{n}'), cwd=ctx.work,
                                  expect=f'{form} {n} ok')


def per_call(ctx, form):
    return (instructions(ctx, form, N_LARGE) - instructions(ctx, form, N_SMALL)) / (N_LARGE - N_SMALL)


def print_method_cost(ctx):
    print('3b. method calls on identity objects and field loads (lvpriv fixture), instructions per call beyond the loop '
          '(callgrind)')
    loop = per_call(ctx, 'loop')
    over = []
    for form, limit in LIMITS.items():
        n = per_call(ctx, form) - loop
        print(f'    {form:12s}: {n:6.0f} (limit {limit})')
        if n > limit:
            over.append(f'{form} {n:.0f} > {limit}')
    if over:
        raise RuntimeError('method call cost over its limit: ' + ', '.join(over))
