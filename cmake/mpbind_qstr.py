#!/usr/bin/env python3
"""The qstr pipeline of the interpreter: finds every MP_QSTR_x in the interpreter's sources and writes
genhdr/qstrdefs.generated.h with the core's makeqstrdata.py.

Each source is preprocessed with its own flags from compile_commands.json (plus -DNO_QSTR), so per-file
include paths and options of modules added from any folder are honoured."""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

QSTR_RE = re.compile(r"MP_QSTR_([_a-zA-Z0-9]+)")
IGNORED = {"NULL", "number_of"}  # the core's own exceptions (makeqstrdefs.py)


def preprocess_args(entry):
    """The compile command of one entry turned into a preprocess-to-stdout command without the input file."""
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True  # drops the option's value too: never touch the real object or depfile
            continue
        if a in ("-c", "-MD", "-MMD") or a == entry["file"]:
            continue
        out.append(a)
    return out + ["-E", "-DNO_QSTR"]


def object_of(entry):
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    return args[args.index("-o") + 1] if "-o" in args[:-1] else ""


def scan(entry):
    args = preprocess_args(entry) + [entry["file"]]
    proc = subprocess.run(args, cwd=entry["directory"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"mpbind_qstr: preprocessing {entry['file']} failed")
    return set(QSTR_RE.findall(proc.stdout)) - IGNORED


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--compile-commands", required=True)
    ap.add_argument("--sources", required=True, help="file listing the interpreter's C sources, one a line")
    ap.add_argument("--qstrdefs", nargs="+", required=True, help="Q(...) definition headers (core, port)")
    ap.add_argument("--makeqstrdata", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--object-dir", default="CMakeFiles/micropython.dir/",
                    help="object folder of the interpreter target, to pick its compile commands")
    opts = ap.parse_args()

    with open(opts.sources) as f:
        sources = [os.path.realpath(line.strip()) for line in f if line.strip()]
    with open(opts.compile_commands) as f:
        entries = {}
        for e in json.load(f):
            # A file may also be compiled into another target (a library and the interpreter): keep the
            # interpreter's command, recognised by its object file.
            if os.path.isabs(e["file"]):
                path = os.path.realpath(e["file"])
            else:
                path = os.path.realpath(os.path.join(e["directory"], e["file"]))
            if path not in entries or opts.object_dir in object_of(e):
                entries[path] = e
    missing = [s for s in sources if s not in entries]
    if missing:
        raise SystemExit("mpbind_qstr: no compile command for " + ", ".join(missing))

    names = set()
    workers = max(1, min(4, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for found in pool.map(scan, (entries[s] for s in sources)):
            names |= found

    # Q(...) lines are quoted so the preprocessor only evaluates the #if around them (the core's sed trick).
    # The collected names are added after preprocessing: a name that is a macro of the core or the C library
    # (STATIC, NORETURN, EOF...) would otherwise be expanded (Q(STATIC) -> Q(static), MP_QSTR_STATIC missing).
    text = ""
    for path in opts.qstrdefs:
        with open(path) as f:
            text += re.sub(r"^Q\(.*\)", lambda m: '"' + m.group(0) + '"', f.read(), flags=re.M) + "\n"
    first = entries[sources[0]]
    proc = subprocess.run(preprocess_args(first) + ["-x", "c", "-"], cwd=first["directory"], input=text,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("mpbind_qstr: preprocessing the qstr definitions failed")
    preprocessed = re.sub(r'^"(Q\(.*\))"', r"\1", proc.stdout, flags=re.M)
    preprocessed += "".join(f"Q({n})\n" for n in sorted(names))

    os.makedirs(os.path.dirname(opts.output), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        defs = os.path.join(tmp, "qstrdefs.preprocessed.h")
        with open(defs, "w") as f:
            f.write(preprocessed)
        proc = subprocess.run([sys.executable, opts.makeqstrdata, defs], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("mpbind_qstr: makeqstrdata.py failed")
    new = proc.stdout
    old = open(opts.output).read() if os.path.exists(opts.output) else None
    if new != old:  # left untouched when unchanged: the build rule has restat, so nothing recompiles
        with open(opts.output, "w") as f:
            f.write(new)


if __name__ == "__main__":
    main()
