#!/usr/bin/env python3
"""Runs one bad-input case (bad_input_cases.py) against the mpbind binary, twice: once in an empty folder (the
outputs must not appear) and once with the outputs already there (they must stay byte-for-byte the same).

  check_bad_input.py --mpbind BUILD/gen/mpbind CASE      (--list prints the case names)"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bad_input_cases import CASES, OPEN_FINDINGS  # noqa: E402

SENTINEL = "pre-existing content that a failed run must not touch\n"


def _snapshot(folder):
    """Every file below folder with its contents (temporaries left behind would show up here)."""
    found = {}
    for root, _, names in os.walk(folder):
        for n in names:
            path = os.path.join(root, n)
            with open(path, "rb") as f:
                found[os.path.relpath(path, folder)] = f.read()
    return found


def run_once(mpbind, case, pre_existing):
    failures = []
    with tempfile.TemporaryDirectory(prefix="mpbind-cli-") as tmp:
        for name, text in case.files.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, name)) or tmp, exist_ok=True)
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        if pre_existing and not case.written:
            for out in case.outputs:
                if not os.path.exists(os.path.join(tmp, out)):
                    with open(os.path.join(tmp, out), "w") as f:
                        f.write(SENTINEL)
        before = _snapshot(tmp)
        proc = subprocess.run([mpbind, *case.args], cwd=tmp, capture_output=True, text=True, timeout=120)
        after = _snapshot(tmp)
        label = "with outputs present" if pre_existing else "in an empty folder"
        if proc.returncode != case.code:
            failures.append(f"{label}: exit code {proc.returncode}, expected {case.code}")
        if not re.search(case.message, proc.stderr, re.M):
            failures.append(f"{label}: stderr does not match {case.message!r}")
        errors = [line for line in proc.stderr.splitlines() if re.search(r"\berror\b", line)]
        if len(errors) > case.error_lines:
            failures.append(f"{label}: {len(errors)} error lines, expected at most {case.error_lines}")
        if case.written:
            missing = [o for o in case.outputs if o not in after]
            if missing:
                failures.append(f"{label}: outputs not written: {missing}")
        elif before != after:
            changed = sorted(set(before) ^ set(after) | {k for k in before if after.get(k, b"") != before[k]})
            failures.append(f"{label}: files created, changed or removed by a failed run: {changed}")
        if failures:
            failures.append(f"command: mpbind {' '.join(case.args)}\nstderr:\n{proc.stderr}")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mpbind")
    ap.add_argument("--list", action="store_true", help="print the case names (and open findings) and exit")
    ap.add_argument("case", nargs="?")
    opts = ap.parse_args()
    if opts.list:
        for name in CASES:
            print(name + (" " + OPEN_FINDINGS[name] if name in OPEN_FINDINGS else ""))
        return 0
    if opts.case not in CASES or not opts.mpbind:
        ap.error(f"give --mpbind and one of: {', '.join(CASES)}")
    case = CASES[opts.case]
    mpbind = os.path.abspath(opts.mpbind)  # the cases run in a temporary folder
    failures = run_once(mpbind, case, False) + run_once(mpbind, case, True)
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
