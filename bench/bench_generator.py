# bench_generator.py: figures 1 and 2: mpbind's time and peak memory per header, generated code size per function.
import json
import os
import re
import statistics
import subprocess
import time

from bench_build import LIBRARIES, library_clang_args, object_size, symbol_bytes

RUNS = 5


def run_once(cmd):
    """Wall time (s) and peak RSS (KiB) of one child: wait4 gives that child's own rusage, unlike RUSAGE_CHILDREN,
    which keeps the largest of every child so far."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keeps Popen from waiting again
    if proc.returncode != 0:
        raise RuntimeError(f'{" ".join(cmd)} exited {proc.returncode}:\n{stderr.decode(errors="replace")[:2000]}')
    return elapsed, usage.ru_maxrss


def bound_counts(json_path):
    """Bound declarations by kind, from mpbind's --json report."""
    with open(json_path) as f:
        report = json.load(f)
    counts = {}
    for decl in report['declarations']:
        if decl['status'] == 'bound':
            counts[decl['kind']] = counts.get(decl['kind'], 0) + 1
    return counts


def generation(ctx, name):
    """Generates module `name` RUNS times; returns (module_c, median s, median KiB, bound counts)."""
    headers, _ = LIBRARIES[name]
    module_c = os.path.join(ctx.work, f'mp_{name}.c')
    json_path = os.path.join(ctx.work, f'mp_{name}.json')
    cmd = ([ctx.mpbind, '-M', name, '-o', module_c, '--json', json_path, '--quiet'] + headers + ['--']
           + library_clang_args(name, ctx.compile.defines()))
    runs = [run_once(cmd) for _ in range(RUNS)]
    return (module_c, statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            bound_counts(json_path))


def print_generation_and_size(ctx):
    print(f'1. generation (mpbind -M NAME HEADER -- CLANG_ARGS; median of {RUNS} runs; peak RSS of the child)')
    modules = {}
    for name in LIBRARIES:
        missing = [h for h in LIBRARIES[name][0] if not os.path.exists(h)]
        if missing:  # scripts/setup.sh installs every library's headers: a missing one is a broken machine
            raise SystemExit(f'bench_generator: {name}: header {missing[0]} not installed (run scripts/setup.sh)')
        module_c, seconds, kib, counts = generation(ctx, name)
        modules[name] = (module_c, counts)
        with open(module_c) as f:
            lines = sum(1 for _ in f)
        kinds = ', '.join(f'{counts.get(k, 0)} {k}s' for k in ('function', 'struct', 'enum', 'macro'))
        print(f'  {name:8s} {seconds * 1000:7.1f} ms  {kib / 1024:6.1f} MiB   ({kinds}; {lines} lines of C)')

    print(f'2. generated code size (size(1) of the module object, compiled as the build does: {ctx.compile.flag_text()})')
    for name, (module_c, counts) in modules.items():
        obj = module_c[:-2] + '.o'
        ctx.compile.compile(module_c, obj, library_clang_args(name, []), os.path.join(ctx.work, 'scratch_' + name))
        text, data = object_size(obj)
        functions = counts.get('function', 0)
        # Generated code is named after what it binds: mp_<module>_<C function> is a wrapper (code; trampolines end
        # in _tramp), mp_<module>_<C function>_obj its function object, _shape and _types what functions of one
        # shape share, mp_<module>_strings the signatures and parameter names.
        wrappers, n_wrappers = symbol_bytes(obj, rf'mp_{name}_\w+(?<!_tramp)', 'tT')
        objects, _ = symbol_bytes(obj, rf'mp_{name}_\w+_obj', 'dDrR')
        shared, n_shapes = symbol_bytes(obj, rf'mp_{name}_\w+_(shape|types)|mp_{name}_strings', 'dDrR')
        alone = wrappers + objects + shared
        print(f'  {name:8s} text {text:6d} + data {data:6d} = {text + data:6d} bytes, {functions:3d} functions: '
              f'{(text + data) / max(functions, 1):4.0f} bytes per function, all of the module included; '
              f'functions alone: {n_wrappers} shared wrappers {wrappers} + function objects {objects} + shapes, types '
              f'tables and strings {shared} bytes = {alone / max(functions, 1):3.0f} per function')
    print_reference(ctx)


def print_reference(ctx):
    """add(int, int) alone: the hand-written function and its function object against mpbind's (as built)."""
    objs = os.path.join(ctx.build_dir, 'CMakeFiles', 'micropython.dir')
    native = os.path.join(objs, 'bench', 'modbenchnative.c.o')
    generated = os.path.join(objs, 'mpbind_modules', 'mp_benchgen.c.o')
    if not (os.path.exists(native) and os.path.exists(generated)):
        raise SystemExit(f'bench_generator: reference objects {native} and {generated} are part of the build, '
                         'not found: build the interpreter first')
    n_bytes, _ = symbol_bytes(native, r'native_add(_obj)?')
    with open(os.path.join(ctx.build_dir, 'mpbind_modules', 'mp_benchgen.c')) as f:
        c = f.read()
    obj, shape = re.search(r'MPB_DEFINE_FUN\((\w+), MP_QSTR_add, \w+, (\w+),', c).groups()
    wrapper = re.search(rf'MPB_DEFINE_FUN_SHAPE\({shape}, (\w+),', c).group(1)
    g_bytes, _ = symbol_bytes(generated, f'{obj}|{shape}|{wrapper}')
    print(f'  reference, add(int, int) alone (function + function object): hand-written {n_bytes} bytes, '
          f'mpbind {g_bytes} bytes with its shape (a wrapper and a shape are shared by every function of the same '
          'signature)')
