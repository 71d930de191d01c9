#!/usr/bin/env python3
"""Compiles modules of the interpreter for another target, without linking: each module is generated again by
mpbind for that target (--target) when it is a generated one, its qstrs are made with the core's tools
(cmake/mpbind_qstr.py), and the generated C and the module's C sources are compiled against the MicroPython core
headers and port/mpconfigport.h (its 32-bit choices on a 32-bit target). The xtensa CTest checks run it per
module (and for the runtime); bench/ uses the objects it leaves for their sizes.

  mpbind_cross_compile.py --manifest BUILD/mpbind_modules.json --mpbind MPBIND --cc xtensa-lx106-elf-gcc \\
      --mpcore-dir CORE --out DIR (--module NAME | --runtime) [--target TRIPLE] [--cflags ...] [--expect-error RE]

--target is the triple mpbind computes layouts for (default: the compiler's -dumpmachine). --expect-error turns
the run into a check that compiling fails with a message matching RE (a module generated for another target)."""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WARNINGS = ['-std=c99', '-Wall', '-Wextra', '-Werror']


def run(cmd, what, cwd=None):
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    if proc.returncode != 0:
        raise CompileError(f'{what} failed ({proc.returncode}):\n$ {shlex.join(cmd)}\n{proc.stdout}{proc.stderr}')
    return proc.stdout


class CompileError(Exception):
    pass


def system_include_dirs(cc):
    """The C library's include folders of compiler cc (not its own builtin headers, which clang brings)."""
    proc = subprocess.run([cc, '-xc', '-E', '-v', '-'], input='', capture_output=True, text=True)
    lines = proc.stderr.splitlines()
    try:
        start = lines.index('#include <...> search starts here:') + 1
        end = lines.index('End of search list.')
    except ValueError:
        return []
    dirs = [os.path.normpath(d.strip()) for d in lines[start:end]]
    return [d for d in dirs if '/lib/gcc/' not in d + '/']


def generate(opts, module, out_c):
    """mpbind for the target; its clang sees the target compiler's C library after its own builtin headers."""
    args = list(module['generator_args'])
    split = args.index('--')
    extra = [a for d in system_include_dirs(opts.cc) for a in ('-idirafter', d)]
    cmd = ([opts.mpbind, '-M', module['name'], '-o', out_c, '--target', opts.target, '--quiet'] + args[:split] +
           ['--'] + args[split + 1:] + extra)
    run(cmd, f'mpbind for {opts.target}')


def compile_flags(opts, module, genhdr):
    includes = [genhdr, os.path.join(ROOT, 'port'), os.path.join(opts.mpcore_dir, 'inc'), os.path.join(ROOT, 'runtime')]
    includes += module.get('include_dirs', [])
    # A bound header in a system folder of the build machine: found there, after the target's own C library.
    after = [a for d in module.get('system_dirs', []) for a in ('-idirafter', d)]
    return WARNINGS + opts.cflags + ['-I' + d for d in includes] + after


def make_qstrs(opts, sources, flags, genhdr, work):
    """genhdr/qstrdefs.generated.h for these sources, by the interpreter's own qstr pipeline."""
    os.makedirs(os.path.join(genhdr, 'genhdr'), exist_ok=True)
    # mpconfigport.h includes the interpreter's module list; a single module needs none.
    with open(os.path.join(genhdr, 'genhdr', 'mpbind_modules.h'), 'w') as f:
        f.write('// mpbind_cross_compile.py: no builtin module table (objects are not linked).\n'
                '#define MPBIND_BUILTIN_MODULES\n')
    commands = [{'directory': work, 'file': s, 'arguments': [opts.cc] + flags + ['-c', s, '-o', s + '.o']}
                for s in sources]
    cc_json = os.path.join(work, 'compile_commands.json')
    with open(cc_json, 'w') as f:
        json.dump(commands, f)
    with open(os.path.join(work, 'sources.txt'), 'w') as f:
        f.write('\n'.join(sources) + '\n')
    run([sys.executable, os.path.join(HERE, 'mpbind_qstr.py'), '--compile-commands', cc_json,
         '--sources', os.path.join(work, 'sources.txt'), '--object-dir', '',
         '--qstrdefs', os.path.join(opts.mpcore_dir, 'inc', 'py', 'qstrdefs.h'), os.path.join(ROOT, 'port', 'qstrdefsport.h'),
         '--makeqstrdata', os.path.join(opts.mpcore_dir, 'source', 'py', 'makeqstrdata.py'),
         '--output', os.path.join(genhdr, 'genhdr', 'qstrdefs.generated.h')], 'the qstr pipeline')


def build(opts, module):
    """Objects of one module (or of the runtime) in opts.out; returns their paths, the generated one first."""
    work = os.path.abspath(opts.out)
    os.makedirs(work, exist_ok=True)
    sources = []
    if module.get('generated'):
        out_c = os.path.join(work, f"mp_{module['name']}.c")
        generate(opts, module, out_c)
        sources.append(out_c)
    sources += [s for s in module.get('sources', []) if s.endswith('.c')]
    genhdr = os.path.join(work, 'include')
    flags = compile_flags(opts, module, genhdr)
    make_qstrs(opts, sources, flags, genhdr, work)
    objects = []
    for s in sources:
        obj = os.path.join(work, os.path.basename(s)[:-2] + '.o')
        run([opts.cc] + flags + ['-c', s, '-o', obj], f'compiling {os.path.basename(s)} with {opts.cc}', cwd=work)
        objects.append(obj)
    return objects


def runtime_module():
    rt = os.path.join(ROOT, 'runtime')
    return {'name': 'runtime', 'generated': False,
            'sources': sorted(os.path.join(rt, f) for f in os.listdir(rt) if f.endswith('.c'))}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--manifest', required=True, help='BUILD/mpbind_modules.json')
    ap.add_argument('--mpbind', required=True)
    ap.add_argument('--cc', required=True, help='the target C compiler')
    ap.add_argument('--target', help="triple mpbind computes layouts for (default: the compiler's -dumpmachine)")
    ap.add_argument('--mpcore-dir', required=True)
    ap.add_argument('--out', required=True, help='folder for the generated C, qstrs and objects')
    ap.add_argument('--cflags', default='', help='further compiler flags (one string)')
    which = ap.add_mutually_exclusive_group(required=True)
    which.add_argument('--module', help='a module of the manifest')
    which.add_argument('--runtime', action='store_true', help='runtime/*.c')
    ap.add_argument('--expect-error', help='compiling must fail with a message matching this regex')
    opts = ap.parse_args()
    opts.cflags = shlex.split(opts.cflags)
    opts.mpcore_dir = os.path.abspath(opts.mpcore_dir)
    opts.target = opts.target or run([opts.cc, '-dumpmachine'], 'the compiler').strip()
    if opts.runtime:
        module = runtime_module()
    else:
        with open(opts.manifest) as f:
            found = [m for m in json.load(f) if m['name'] == opts.module]
        if not found:
            sys.exit(f'mpbind_cross_compile: no module {opts.module!r} in {opts.manifest}')
        module = found[0]
    try:
        objects = build(opts, module)
    except CompileError as e:
        if opts.expect_error and re.search(opts.expect_error, str(e)):
            print(f'{module["name"]}: failed to compile for {opts.cc} as expected: {opts.expect_error}')
            return 0
        print(e)
        return 1
    if opts.expect_error:
        print(f'{module["name"]}: compiled for {opts.cc}, but a failure matching {opts.expect_error!r} was expected')
        return 1
    print(f'{module["name"]}: {len(objects)} object(s) for {opts.target}: ' +
          ' '.join(os.path.basename(o) for o in objects))
    return 0


if __name__ == '__main__':
    sys.exit(main())
