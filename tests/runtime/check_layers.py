#!/usr/bin/env python3
"""check_layers.py: the runtime's units (runtime/mpb_<unit>.c) form layers: no unit depends on itself through others.

A unit depends on another when its object file uses a symbol the other defines (nm of the built objects: calls and
data alike) or when one of its files includes the other's header. A cycle fails the check and is printed; otherwise
the units are printed bottom-up, each with what it uses.

Usage: check_layers.py --objects DIR --sources runtime/      (DIR holds mpb_*.c.o, e.g. the interpreter's objects)
       check_layers.py --self-test --cc CC                   (builds two units calling each other: must be found)"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile


def nm_symbols(obj):
    """(defined, undefined) external symbol names of an object file."""
    out = subprocess.run(['nm', obj], check=True, capture_output=True, text=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'U':
            used.add(parts[1])
        elif len(parts) == 3 and parts[1] in 'TDRBCVW':
            defined.add(parts[2])
    return defined, used


def unit_of(path):
    m = re.match(r'(mpb_\w+?)\.(c|h|c\.o|o)$', os.path.basename(path))
    return m.group(1) if m else None


def symbol_edges(objects):
    defined, used = {}, {}
    for obj in objects:
        unit = unit_of(obj)
        defined[unit], used[unit] = nm_symbols(obj)
    owner = {sym: unit for unit, syms in defined.items() for sym in syms}
    edges = {unit: set() for unit in defined}
    for unit, syms in used.items():
        for sym in syms:
            if sym in owner and owner[sym] != unit:
                edges[unit].add(owner[sym])
    return edges


def include_edges(sources, units):
    """Unit -> units whose header one of its files includes (the umbrella mpb_runtime.h is no unit)."""
    edges = {unit: set() for unit in units}
    for path in glob.glob(os.path.join(sources, 'mpb_*.[ch]')):
        unit = unit_of(path)
        if unit not in units:
            continue
        with open(path) as f:
            for inc in re.findall(r'^#include "(mpb_\w+)\.h"', f.read(), re.M):
                if inc in units and inc != unit:
                    edges[unit].add(inc)
    return edges


def find_cycle(edges):
    """A list of units forming a cycle, or None."""
    state, stack = {}, []

    def visit(u):
        state[u] = 'open'
        stack.append(u)
        for v in sorted(edges.get(u, ())):
            if state.get(v) == 'open':
                return stack[stack.index(v):] + [v]
            if v not in state:
                found = visit(v)
                if found:
                    return found
        stack.pop()
        state[u] = 'done'
        return None

    for u in sorted(edges):
        if u not in state:
            found = visit(u)
            if found:
                return found
    return None


def layers(edges):
    order, placed = [], set()
    while len(placed) < len(edges):
        ready = sorted(u for u in edges if u not in placed and edges[u] <= placed)
        order.append(ready)
        placed.update(ready)
    return order


def check(edges, what):
    cycle = find_cycle(edges)
    if cycle:
        print(f'cycle between runtime units ({what}): ' + ' -> '.join(cycle))
        return False
    for level, units in enumerate(layers(edges)):
        print(f'{what} layer {level}: ' + ', '.join(f'{u} ({", ".join(sorted(edges[u])) or "-"})' for u in units))
    return True


def self_test(cc):
    """Two units that call each other must be reported; the same two with one call removed must pass."""
    with tempfile.TemporaryDirectory() as d:
        def build(name, text):
            src = os.path.join(d, name + '.c')
            with open(src, 'w') as f:
                f.write(text)
            subprocess.run([cc, '-c', src, '-o', os.path.join(d, name + '.c.o')], check=True)
        build('mpb_a', 'void mpb_b(void);\nvoid mpb_a(void) { mpb_b(); }\n')
        build('mpb_b', 'void mpb_a(void);\nvoid mpb_b(void) { mpb_a(); }\n')
        objects = sorted(glob.glob(os.path.join(d, '*.o')))
        if find_cycle(symbol_edges(objects)) != ['mpb_a', 'mpb_b', 'mpb_a']:
            print('self-test: the cycle mpb_a -> mpb_b -> mpb_a was not found')
            return 1
        build('mpb_b', 'void mpb_b(void) {}\n')
        if find_cycle(symbol_edges(objects)) is not None:
            print('self-test: a cycle was reported where there is none')
            return 1
    print('self-test: a cycle between two units is found, a layering passes')
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--objects')
    ap.add_argument('--sources')
    ap.add_argument('--self-test', action='store_true')
    ap.add_argument('--cc', default='cc')
    args = ap.parse_args()
    if args.self_test:
        return self_test(args.cc)
    # The units are the sources' (an object left behind by a removed source is no unit); each must be built.
    units = sorted(unit_of(c) for c in glob.glob(os.path.join(args.sources, 'mpb_*.c')))
    objects = [os.path.join(args.objects, u + '.c.o') for u in units]
    missing = [o for o in objects if not os.path.exists(o)]
    if not units or missing:
        print(f'runtime objects missing (is the interpreter built?): {missing or args.sources}')
        return 1
    edges = symbol_edges(objects)
    ok = check(edges, 'symbols')
    ok = check(include_edges(args.sources, set(edges)), 'includes') and ok
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
