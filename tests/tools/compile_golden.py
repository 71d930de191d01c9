#!/usr/bin/env python3
"""compile_golden.py: compiles one golden expectation (tests/expected/<name>.c) with -std=c99 -Wall -Wextra -Werror
against the MicroPython core and runtime headers the build uses, so that every expected module is valid C.

Usage: compile_golden.py --build-dir BUILD --expected tests/expected/NAME.c --headers tests/headers"""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'cmake'))
from mpbind_module_compile import ModuleCompile  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build-dir', required=True)
    ap.add_argument('--expected', required=True)
    ap.add_argument('--headers', required=True)
    args = ap.parse_args()
    if not os.path.exists(args.expected):
        print(f'{args.expected} missing: run test_gen_golden with MPBIND_UPDATE_EXPECTED=1')
        return 1
    compiler = ModuleCompile(args.build_dir)
    with tempfile.TemporaryDirectory() as scratch:
        try:
            # The golden headers come first: fixtures of the build have headers of the same names.
            compiler.compile(args.expected, os.path.join(scratch, 'module.o'), [], scratch,
                             first_includes=['-I' + os.path.abspath(args.headers)],
                             extra_flags=['-std=c99', '-Wall', '-Wextra', '-Werror', '-Wunused-parameter'])
        except RuntimeError as e:
            print(e)
            return 1
    print(f'{os.path.basename(args.expected)}: compiles with -std=c99 -Wall -Wextra -Werror')
    return 0


if __name__ == '__main__':
    sys.exit(main())
