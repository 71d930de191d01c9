#!/usr/bin/env python3
"""Runs one MicroPython test script with the host interpreter and compares its output with the .exp file.

stdout and stderr are compared together (tracebacks are part of the expected output). A script whose whole
output is "SKIP" is reported as skipped (exit code 77, CTest's SKIP_RETURN_CODE)."""
import argparse
import difflib
import os
import subprocess
import sys

SKIP_CODE = 77


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--micropython", required=True, help="the interpreter executable")
    ap.add_argument("--script", required=True)
    ap.add_argument("--exp", required=True, help="expected output")
    ap.add_argument("--path", action="append", default=[], help="folder put on MICROPYPATH (repeatable)")
    ap.add_argument("--timeout", type=float, default=240)
    opts = ap.parse_args()

    if not os.path.exists(opts.exp):
        print(f"FAIL: expected output file {opts.exp} is missing (every test_*.py needs its .exp)")
        return 1
    env = dict(os.environ)
    env["MICROPYPATH"] = os.pathsep.join(opts.path)
    # Run from the script's folder with its bare name, so tracebacks read the same on every machine.
    folder, name = os.path.split(os.path.abspath(opts.script))
    try:
        proc = subprocess.run([os.path.abspath(opts.micropython), name], cwd=folder, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=opts.timeout)
    except subprocess.TimeoutExpired:
        print(f"FAIL: {name} did not finish within {opts.timeout:.0f} s")
        return 1
    got = proc.stdout.decode("utf-8", errors="replace")
    if proc.returncode < 0:
        print(got)
        print(f"FAIL: the interpreter was killed by signal {-proc.returncode}")
        return 1
    if got.strip() == "SKIP":
        print("SKIP")
        return SKIP_CODE
    with open(opts.exp, encoding="utf-8") as f:
        want = f.read()
    if got == want:
        return 0
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                               fromfile=opts.exp, tofile=f"output of {name}"))
    if not got.endswith("\n"):
        print()
    print(f"FAIL: output of {name} differs from {os.path.basename(opts.exp)} (exit code {proc.returncode})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
