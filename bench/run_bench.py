#!/usr/bin/env python3
# run_bench.py: the figures of bench/README.md: generation time and memory, code size per function, call cost.
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def generation(args):
    """Median wall time of 5 runs of mpbind on cairo.h, and the largest peak RSS."""
    out = os.path.join(args.work, 'mp_cairo.c')
    cmd = [args.mpbind, '-M', 'cairo', '-o', out, '--prefix', 'cairo_', '--quiet', args.cairo_header,
           '--', '-I' + os.path.dirname(args.cairo_header)]
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True)
        times.append(time.perf_counter() - t0)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out) as f:
        text = f.read()
    functions = text.count('MPB_DEFINE_FUN(')
    wrappers = len(re.findall(r'static mp_obj_t mpb_w_\d+\(', text))
    print(f'generation: cairo.h -> {functions} functions ({wrappers} wrappers), {text.count(chr(10))} lines: '
          f'median {statistics.median(times) * 1000:.1f} ms, peak RSS {peak_kb / 1024:.1f} MiB')
    return out, functions


def code_size(args, module_c, functions):
    """Compiles the generated module like the build does (-O2) and divides text+data by the functions."""
    # The module's qstrs are not in the interpreter's pool: a scratch copy of the qstr header adds them
    # (their values do not change the code size).
    genhdr = os.path.join(args.work, 'genhdr_scratch', 'genhdr')
    os.makedirs(genhdr, exist_ok=True)
    with open(os.path.join(args.genhdr, 'genhdr', 'qstrdefs.generated.h')) as f:
        qdefs = f.read()
    have = set(re.findall(r'QDEF\((MP_QSTR_\w+)', qdefs))
    with open(module_c) as f:
        need = sorted(set(re.findall(r'MP_QSTR_\w+', f.read())) - have)
    with open(os.path.join(genhdr, 'qstrdefs.generated.h'), 'w') as f:
        f.write(qdefs)
        for q in need:
            f.write(f'QDEF({q}, (const byte*)"\\x00\\x00\\x00" "{q[8:]}")\n')
    for name in os.listdir(os.path.join(args.genhdr, 'genhdr')):
        if name != 'qstrdefs.generated.h':
            with open(os.path.join(args.genhdr, 'genhdr', name)) as src, open(os.path.join(genhdr, name), 'w') as dst:
                dst.write(src.read())
    obj = module_c[:-2] + '.o'
    subprocess.run([args.cc, '-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-Wno-unused-parameter', '-c',
                    '-I' + os.path.dirname(genhdr), '-I' + args.port_dir, '-I' + args.core_inc, '-I' + args.runtime,
                    '-I' + os.path.dirname(args.cairo_header), module_c, '-o', obj], check=True)
    size = subprocess.run(['size', obj], check=True, capture_output=True, text=True).stdout.split('\n')[1].split()
    text, data = int(size[0]), int(size[1])
    print(f'code size: cairo module text {text} + data {data} bytes = {(text + data) / functions:.0f} bytes '
          f'per bound function (structs, enums and constants included)')


def callgrind_ir(args, which, n):
    out = os.path.join(args.work, f'callgrind.{which}.{n}')
    subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out, args.micropython,
                    os.path.join(HERE, 'call_cost.py'), which, str(n)], check=True, capture_output=True)
    with open(out) as f:
        for line in f:
            if line.startswith('summary:') or line.startswith('totals:'):
                return int(line.split()[1])
    raise RuntimeError('no callgrind summary in ' + out)


def call_cost(args):
    """Instructions per call from the difference of two runs (start-up cancels), and ns per call."""
    n1, n2 = 20000, 220000
    ir = {}
    for which in ('loop', 'mpbind', 'native', 'python'):
        ir[which] = (callgrind_ir(args, which, n2) - callgrind_ir(args, which, n1)) / (n2 - n1)
    ns = {}
    for which in ('loop', 'mpbind', 'native', 'python'):
        runs = []
        for _ in range(5):
            res = subprocess.run([args.micropython, os.path.join(HERE, 'call_cost.py'), which, '1000000'],
                                 check=True, capture_output=True, text=True).stdout.split()
            runs.append(int(res[2]) * 1000 / 1000000)
        ns[which] = statistics.median(runs)
    print('call cost of add(a, b) -> int, per call, the empty loop subtracted (loop itself: '
          f'{ir["loop"]:.0f} instructions, {ns["loop"]:.1f} ns):')
    for which in ('mpbind', 'native', 'python'):
        print(f'  {which:7s} {ir[which] - ir["loop"]:6.0f} instructions  {ns[which] - ns["loop"]:6.1f} ns')
    ratio = (ir['mpbind'] - ir['loop']) / (ir['native'] - ir['loop'])
    print(f'  mpbind / hand-written native: {ratio:.2f} (instructions)')


def main():
    p = argparse.ArgumentParser(description=__doc__)
    for opt in ('mpbind', 'micropython', 'core-inc', 'port-dir', 'genhdr', 'runtime', 'work'):
        p.add_argument('--' + opt, required=True)
    p.add_argument('--cc', default='cc')
    p.add_argument('--cairo-header', default='/usr/include/cairo/cairo.h')
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    module_c, functions = generation(args)
    code_size(args, module_c, functions)
    call_cost(args)


if __name__ == '__main__':
    sys.exit(main())
