#!/usr/bin/env python3
# run_bench.py: prints every figure of bench/README.md (run by the `bench` target; method in bench/README.md).
import argparse
import os
import platform
import subprocess
import sys

from bench_build import ModuleCompile
from bench_calls import print_call_cost, print_callback_round_trip
from bench_flush_cost import print_flush_cost
from bench_generator import print_generation_and_size
from bench_method_cost import print_method_cost
from bench_targets import print_target_sizes

HERE = os.path.dirname(os.path.abspath(__file__))


class Context:
    """What every section needs: the tools, the build, a scratch folder."""

    def __init__(self, args):
        self.mpbind = args.mpbind
        self.micropython = args.micropython
        self.build_dir = os.path.abspath(args.build_dir)
        self.work = os.path.abspath(args.work)
        self.compile = ModuleCompile(self.build_dir)
        self.manifest = os.path.join(self.build_dir, 'mpbind_modules.json')
        self.mpcore_dir = os.path.abspath(args.mpcore_dir or os.path.join(self.build_dir, '_deps', 'mpcore'))


def print_machine(ctx):
    with open('/proc/cpuinfo') as f:
        cpu = next((line.split(':', 1)[1].strip() for line in f if line.startswith('model name')), platform.processor())
    cc = subprocess.run([ctx.compile.compiler, '--version'], capture_output=True, text=True).stdout.split('\n')[0]
    print(f'machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, {cc}')


def print_display(ctx):
    """Frames per second and SPI bus utilisation of the ILI9341 driver on the simulated ESP32. The display
    work adds bench/display_fps.py (a MicroPython script printing its table: mode, clock, buffering, fps, bus
    utilisation, flush time); it runs here with MICROPYPATH=drivers/. Then the flush path's instructions per frame
    (bench_flush_cost.py)."""
    script = os.path.join(HERE, 'display_fps.py')
    if not os.path.exists(script):
        print('5. display fps and bus utilisation: not measured yet (bench/display_fps.py not written)')
        return
    print('5. display fps and bus utilisation')
    env = dict(os.environ, MICROPYPATH=os.path.join(os.path.dirname(HERE), 'drivers'))
    res = subprocess.run([ctx.micropython, script], capture_output=True, text=True, env=env, cwd=ctx.work)
    print(res.stdout.rstrip())
    if res.returncode != 0:
        raise RuntimeError(f'display_fps.py failed ({res.returncode}):\n{res.stderr[-2000:]}')
    print_flush_cost(ctx)


SECTIONS = {
    'generator': print_generation_and_size,
    'targets': print_target_sizes,
    'calls': print_call_cost,
    'methods': print_method_cost,
    'callbacks': print_callback_round_trip,
    'display': print_display,
}


def main():
    p = argparse.ArgumentParser(description='mpbind benchmarks; the method is in bench/README.md.')
    p.add_argument('--mpbind', required=True, help='the generator executable')
    p.add_argument('--micropython', required=True, help='the interpreter with modules benchgen and benchnative')
    p.add_argument('--build-dir', required=True, help='the CMake build folder (compile_commands.json, qstr header)')
    p.add_argument('--work', required=True, help='scratch folder for generated files and callgrind output')
    p.add_argument('--mpcore-dir', help='the unpacked MicroPython core (default: BUILD/_deps/mpcore)')
    p.add_argument('--only', choices=sorted(SECTIONS), action='append', help='run only these sections')
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    ctx = Context(args)
    print_machine(ctx)
    for name, section in SECTIONS.items():
        if not args.only or name in args.only:
            section(ctx)
            sys.stdout.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main())
