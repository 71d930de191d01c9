#!/usr/bin/env python3
"""Test of cmake/mpbind_qstr.py: a qstr whose name is an object-like macro of the headers (STATIC,
NORETURN, as the core defines them) must keep its name; it used to be expanded (Q(STATIC) -> Q(static))."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

MACROS_H = "#define STATIC static\n#define NORETURN __attribute__((noreturn))\n"
SOURCE_C = '#include "macros.h"\nint a = MP_QSTR_STATIC;\nint b = MP_QSTR_NORETURN;\nint c = MP_QSTR_plain_name;\n'
QSTRDEFS_H = '#include "macros.h"\nQCFG(BYTES_IN_LEN, (1))\nQCFG(BYTES_IN_HASH, (1))\nQ()\nQ(__name__)\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--script", required=True, help="cmake/mpbind_qstr.py")
    ap.add_argument("--makeqstrdata", required=True)
    ap.add_argument("--cc", default="cc")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("macros.h", MACROS_H), ("mod.c", SOURCE_C), ("qstrdefs.h", QSTRDEFS_H)):
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        commands = [{"directory": tmp, "file": "mod.c",
                     "arguments": [opts.cc, "-I", tmp, "-o", "CMakeFiles/micropython.dir/mod.c.o", "-c", "mod.c"]}]
        with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
            json.dump(commands, f)
        with open(os.path.join(tmp, "sources.txt"), "w") as f:
            f.write(os.path.join(tmp, "mod.c") + "\n")
        out = os.path.join(tmp, "genhdr", "qstrdefs.generated.h")
        args = ["--compile-commands", os.path.join(tmp, "compile_commands.json"),
                "--sources", os.path.join(tmp, "sources.txt"), "--qstrdefs", os.path.join(tmp, "qstrdefs.h"),
                "--makeqstrdata", opts.makeqstrdata, "--output", out]
        proc = subprocess.run([sys.executable, opts.script] + args, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit("mpbind_qstr.py failed:\n" + proc.stderr)
        with open(out) as f:
            defined = set(re.findall(r"QDEF\(MP_QSTR_(\w+),", f.read()))
    failed = False
    for want in ("STATIC", "NORETURN", "plain_name", "__name__"):
        if want not in defined:
            print(f"FAIL: MP_QSTR_{want} is not defined", file=sys.stderr)
            failed = True
    for unwanted in ("static",):
        if unwanted in defined:
            print(f"FAIL: MP_QSTR_{unwanted} was defined: a name was expanded as a macro", file=sys.stderr)
            failed = True
    if failed:
        sys.exit(1)
    print("ok: " + ", ".join(sorted(defined)))


if __name__ == "__main__":
    main()
