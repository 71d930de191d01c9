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
        # in _tramp), mp_<module>_<C function>_obj its function object; mp_<module>_shapes, _classes and _fun_type
        # what the module's functions share, mp_<module>_strings the signatures and parameter names.
        wrappers, n_wrappers = symbol_bytes(obj, rf'mp_{name}_\w+(?<!_tramp)', 'tT')
        objects, _ = symbol_bytes(obj, rf'mp_{name}_\w+_obj', 'dDrR')
        shared, n_shapes = symbol_bytes(obj, rf'mp_{name}_(shapes|classes|fun_type|strings)', 'dDrR')
        alone = wrappers + objects + shared
        print(f'  {name:8s} text {text:6d} + data {data:6d} = {text + data:6d} bytes, {functions:3d} functions: '
              f'{(text + data) / max(functions, 1):4.0f} bytes per function, all of the module included; '
              f'functions alone: {n_wrappers} shared wrappers {wrappers} + function objects {objects} + shapes, class '
              f'pool and strings {shared} bytes = {alone / max(functions, 1):3.0f} per function')
    print_reference(ctx)
    check_generation_speed(ctx)


# Generation-speed check on a large synthetic header (LVGL-shaped: many functions, structs, enums and macros whose
# values are C expressions over other macros, enum constants and casts). Fails rather than reports when mpbind's
# CPU time (median of RUNS) exceeds MAX_RATIO_TO_CLANG times clang's own -fsyntax-only of the same header, or
# when binding its 2800 macros costs more than MAX_MACRO_COST over --no-macros (~1.25 measured; with the probe
# parse of every macro that mpbind used before its token evaluator, ~1.45).
MAX_RATIO_TO_CLANG = 3.0
MAX_MACRO_COST = 1.35
SYNTH_UNITS = 400


def synthetic_header(path):
    lines = ['#include <stdint.h>', '#include <stdbool.h>', 'typedef int32_t sy_coord_t;']
    for i in range(SYNTH_UNITS):
        lines += [
            f'typedef struct sy_obj{i}_t {{ sy_coord_t x, y; uint8_t flags; void *user_data; }} sy_obj{i}_t;',
            f'typedef enum {{ SY_STATE{i}_A = 0x{i:x}, SY_STATE{i}_B = SY_STATE{i}_A << 1, SY_STATE{i}_C }} sy_state{i}_t;',
            f'sy_obj{i}_t *sy_obj{i}_create(sy_obj{i}_t *parent);',
            f'void sy_obj{i}_set_pos(sy_obj{i}_t *obj, sy_coord_t x, sy_coord_t y);',
            f'sy_coord_t sy_obj{i}_get_x(const sy_obj{i}_t *obj);',
            f'bool sy_obj{i}_has_state(const sy_obj{i}_t *obj, sy_state{i}_t state);',
            f'#define SY_SIZE{i} ({i} * 1024)',
            f'#define SY_SHIFT{i} (1UL << ({i} % 31))',
            f'#define SY_MASK{i} ((SY_SHIFT{i} - 1) | SY_STATE{i}_C)',
            f'#define SY_NEG{i} (-SY_SIZE{i} / 3)',
            f'#define SY_CAST{i} ((uint16_t)(SY_MASK{i} + 0x10000))',
            f'#define SY_PICK{i} (SY_NEG{i} < 0 ? SY_CAST{i} : -1)',
            f'#define SY_NAME{i} "obj" "{i}"',
        ]
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')


def cpu_seconds(cmd):
    """User + system CPU time (s) of one child, which load on a shared machine inflates less than wall time, its
    wall time (s) and its peak RSS (KiB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f'{" ".join(cmd)} exited {proc.returncode}:\n{stderr.decode(errors="replace")[:2000]}')
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def check_generation_speed(ctx, clang='clang-19'):
    header = os.path.join(ctx.work, 'synthetic_lvgl_shaped.h')
    synthetic_header(header)
    out = os.path.join(ctx.work, 'mp_synth')
    gen = [ctx.mpbind, '-M', 'synth', '--prefix', 'sy_', '-o', out + '.c', '--json', out + '.json', '--quiet', header]
    no_macros = [ctx.mpbind, '--no-macros', '-M', 'synth', '--prefix', 'sy_', '-o', out + '_nm.c', '--quiet', header]
    commands = {'mpbind': gen, 'mpbind --no-macros': no_macros,
                'clang -fsyntax-only': [clang, '-fsyntax-only', '-std=c99', header]}
    times = {k: [] for k in commands}
    for _ in range(RUNS):  # interleaved, so that load on the machine hits all three alike
        for name, cmd in commands.items():
            times[name].append(cpu_seconds(cmd))
    med = {k: tuple(statistics.median(run[i] for run in v) for i in range(3)) for k, v in times.items()}
    macros = sum(1 for d in json.load(open(out + '.json'))['declarations'] if d['kind'] == 'macro' and d['status'] == 'bound')
    print(f'3. generation speed, synthetic header ({SYNTH_UNITS * 4} functions, {macros} macro constants; '
          f'medians of {RUNS} interleaved runs; mpbind makes its C and JSON in parallel; '
          f'load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):')
    for name, (t, wall, kib) in med.items():
        print(f'  {name:20s} CPU {t * 1000:7.1f} ms  wall {wall * 1000:7.1f} ms  {kib / 1024:6.1f} MiB')
    ratio = med['mpbind'][0] / med['clang -fsyntax-only'][0]
    macro_cost = med['mpbind'][0] / med['mpbind --no-macros'][0]
    print(f'  mpbind / clang = {ratio:.2f} (limit {MAX_RATIO_TO_CLANG}); macros / --no-macros = {macro_cost:.2f} '
          f'(limit {MAX_MACRO_COST})')
    if macros < SYNTH_UNITS * 6:
        raise SystemExit(f'bench_generator: only {macros} macro constants bound on the synthetic header')
    if ratio > MAX_RATIO_TO_CLANG or macro_cost > MAX_MACRO_COST:
        raise SystemExit('bench_generator: generation slower than its limit (see 3. above)')


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
    obj, shape = re.search(r'MPB_DEFINE_FUN\((\w+), MP_QSTR_add, \w+, \w+, (\d+),', c).groups()
    wrapper = re.search(rf'MPB_FUN_SHAPE\((\w+), [^\n]*\), // {shape}\n', c).group(1)
    g_bytes, _ = symbol_bytes(generated, f'{obj}|{wrapper}')
    shapes_bytes, _ = symbol_bytes(generated, r'mp_benchgen_shapes')
    g_bytes += shapes_bytes // c.count('MPB_FUN_SHAPE(')  # its row of the module's shapes
    print(f'  reference, add(int, int) alone (function + function object): hand-written {n_bytes} bytes, '
          f'mpbind {g_bytes} bytes with its shape (a wrapper and a shape are shared by every function of the same '
          'signature)')
