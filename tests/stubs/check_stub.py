#!/usr/bin/env python3
"""check_stub.py: a generated module's .pyi stub parses (Python's ast, on the host) and names exactly what the module
has: its attributes (dir() in the built interpreter) and, per class the stub declares, the class's attributes
(dir() of the class, plus the fields its __fields__() lists). The runtime's own classes (Blob, C_Pointer) are only
checked to exist: their members are the runtime's.

Usage: check_stub.py --micropython BUILD/micropython --module NAME --stub BUILD/mpbind_modules/mp_NAME.pyi"""
import argparse
import ast
import subprocess
import sys

RUNTIME_CLASSES = {'Blob', 'C_Pointer'}
# Names Python stubs declare that are no attributes MicroPython lists: the constructor's signature, and __getattr__
# (objects with identity keep attributes of the user's own names: the class's attr slot, no member).
STUB_ONLY = {'__init__', '__getattr__'}

# What every struct class inherits (MPB_STRUCT_SHARED_LOCALS_ENTRIES in runtime/mpb_struct.h).
SHARED_MEMBERS = ['__cast__', '__cast_instance__', '__dereference__', '__fields__', '__setattr__']

# Printed by the interpreter: {name: None for a plain attribute, or [class attributes] for a class}.
INTROSPECT = '''
import {module} as m
out = {{}}
for name in dir(m):
    v = getattr(m, name)
    if isinstance(v, type):
        names = [n for n in dir(v)]
        # A struct class (its own locals hold SIZE) inherits these from the runtime's base class: v1.9.2's dir()
        # lists a class's own locals only.
        if 'SIZE' in names:
            names += [n for n in {shared} if hasattr(v, n) and n not in names]
        if '__fields__' in names:
            names += [f[0] for f in v.__fields__()]
        out[name] = sorted(names)
    else:
        out[name] = None
print(repr(out))
'''


def stub_names(tree):
    """{top-level name: None, or the set of names a class declares}."""
    def declared(body):
        names = set()
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        return names

    out = {}
    for name in declared(tree.body):
        out[name] = None
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            out[node.name] = declared(node.body)
    # A class inheriting another (an object class) lists its own members; the module's class lists its own too, or,
    # when it has none, shares its base's (C has no empty table), which dir() then shows.
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.bases and not (out[node.name] - STUB_ONLY):
            base = node.bases[0]
            if isinstance(base, ast.Name) and isinstance(out.get(base.id), set):
                out[node.name] = set(out[base.id])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--micropython', required=True)
    ap.add_argument('--module', required=True)
    ap.add_argument('--stub', required=True)
    args = ap.parse_args()
    with open(args.stub) as f:
        tree = ast.parse(f.read(), args.stub)
    stub = stub_names(tree)
    res = subprocess.run([args.micropython, '-c', INTROSPECT.format(module=args.module, shared=SHARED_MEMBERS)], capture_output=True,
                         text=True)
    if res.returncode != 0:
        print(f'introspecting {args.module} failed:\n{res.stdout}{res.stderr}')
        return 1
    actual = ast.literal_eval(res.stdout.strip())
    problems = []
    module_names = set(actual) - {'__name__'}
    if set(stub) != module_names:
        problems.append(f'module attributes: stub only {sorted(set(stub) - module_names)}, '
                        f'module only {sorted(module_names - set(stub))}')
    for name, members in stub.items():
        if members is None or name in RUNTIME_CLASSES or actual.get(name) is None:
            continue
        have = set(actual[name])
        declared = members - STUB_ONLY
        if declared != have:
            problems.append(f'class {name}: stub only {sorted(declared - have)}, module only {sorted(have - declared)}')
    for p in problems:
        print(f'{args.stub}: {p}')
    if not problems:
        classes = sum(1 for v in stub.values() if v is not None)
        print(f'{args.module}: {len(module_names)} attributes and {classes} classes match the stub')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
