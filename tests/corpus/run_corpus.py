#!/usr/bin/env python3
"""The corpus run: binds real Debian libraries with mpbind, compiles every module into one interpreter with
-Werror, imports each and calls one function, and writes a Markdown table. Exit 1 on any failure.

  tests/corpus/run_corpus.py --build-dir build              # the whole corpus (libraries.toml)
  tests/corpus/run_corpus.py --build-dir build --ci         # the CTest subset
  tests/corpus/run_corpus.py --build-dir build --only zlib,cairo"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import corpus_build  # noqa: E402
import corpus_config  # noqa: E402
import corpus_generate  # noqa: E402
import corpus_table  # noqa: E402
import cxx_alias  # noqa: E402

IMPORT_TIMEOUT_S = 30


def log(msg):
    print(f"corpus: {msg}", file=sys.stderr, flush=True)


def check_import(interp, lib, work_dir):
    """(imported, smoke ok or None, printed smoke value) from running a two-line script in the interpreter."""
    script = os.path.join(work_dir, f"import_{lib.module}.py")
    with open(script, "w") as f:
        f.write(f"import {lib.module}\nprint('IMPORTED')\n")
        if lib.smoke:
            f.write(f"print(repr({lib.smoke}))\n")
    try:
        proc = subprocess.run([interp, script], capture_output=True, text=True, timeout=IMPORT_TIMEOUT_S)
        out, code = proc.stdout.splitlines(), proc.returncode
        err = proc.stderr
    except subprocess.TimeoutExpired:
        out, code, err = [], -1, "timed out"
    with open(os.path.join(work_dir, f"import_{lib.module}.log"), "w") as f:
        f.write(f"exit {code}\n" + "\n".join(out) + "\n" + err)
    imported = bool(out) and out[0] == "IMPORTED"
    if not lib.smoke or not imported:
        return imported, None if not lib.smoke else False, ""
    value = out[1] if len(out) > 1 else ""
    return imported, code == 0 and re.search(lib.expect, value) is not None, value


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", required=True, help="the main build (its gen/mpbind and _deps/mpcore are used)")
    ap.add_argument("--work-dir", help="where modules, the corpus interpreter and logs go [BUILD/corpus]")
    ap.add_argument("--mpbind", help="generator binary [BUILD/gen/mpbind]")
    ap.add_argument("--mpcore-dir", help="the unpacked MicroPython core [BUILD/_deps/mpcore]")
    ap.add_argument("--libraries", default=os.path.join(HERE, "libraries.toml"))
    ap.add_argument("--only", help="comma-separated modules of libraries.toml")
    ap.add_argument("--ci", action="store_true", help="only the CI subset (ci = true)")
    ap.add_argument("--table", help="also write the Markdown table to this file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cmake-arg", action="append", default=[], help="extra CMake argument for the interpreter")
    opts = ap.parse_args()

    build_dir = os.path.abspath(opts.build_dir)
    work_dir = os.path.abspath(opts.work_dir or os.path.join(build_dir, "corpus"))
    mpbind = opts.mpbind or os.path.join(build_dir, "gen", "mpbind")
    if not os.access(mpbind, os.X_OK):
        raise SystemExit(f"corpus: no generator at {mpbind} (build the target mpbind first)")
    modules_dir = os.path.join(work_dir, "modules")
    os.makedirs(modules_dir, exist_ok=True)
    open(os.path.join(work_dir, "build.log"), "w").close()

    for stale in os.listdir(work_dir):  # logs of an earlier run must not describe this one
        if stale.endswith((".build-error.log", ".gen.log")) or stale.startswith("import_"):
            os.remove(os.path.join(work_dir, stale))
    libs = corpus_config.load(opts.libraries, opts.only.split(",") if opts.only else None, opts.ci)
    rows, entries = [], []
    for lib in libs:
        row = {"lib": lib, "gen": None, "compiled": None, "imported": None, "smoke": None, "smoke_out": "",
               "note": lib.error}
        rows.append(row)
        if lib.error:
            log(f"{lib.module}: {lib.error}")
            continue
        g = corpus_generate.generate(mpbind, lib, modules_dir, corpus_build.GENERATOR_CLANG_ARGS)
        row["gen"] = g
        log(f"{lib.module}: exit {g.exit_code}, {g.seen} declarations, {g.bound} bound, {g.skipped} skipped,"
            f" {g.ms:.0f} ms")
        if not g.ok:
            row["compiled"] = False
            continue
        sources = [g.source]
        if lib.cxx_abi:
            alias = os.path.join(modules_dir, f"corpus_alias_{lib.module}.c")
            log(f"{lib.module}: {cxx_alias.write_aliases(lib, g.bound_functions, alias)} C-linkage trampolines")
            sources.append(alias)
        entries.append((lib, sources))

    started = time.perf_counter()
    failed, interp = corpus_build.build(os.path.dirname(os.path.dirname(HERE)), work_dir,
                                        opts.mpcore_dir or os.path.join(build_dir, "_deps", "mpcore"), entries, opts.jobs,
                                        opts.cmake_arg, log)
    log(f"interpreter built in {time.perf_counter() - started:.0f} s; {len(failed)} module(s) failed")
    for lib, _ in entries:
        row = next(r for r in rows if r["lib"] is lib)
        if lib.module in failed:
            row["compiled"] = False
            with open(os.path.join(work_dir, f"{lib.module}.build-error.log"), "w") as f:
                f.write(failed[lib.module] + "\n")
            log(f"{lib.module}: FAILED to build: {failed[lib.module].splitlines()[0][:200]}")
            continue
        row["compiled"] = True
        row["imported"], row["smoke"], row["smoke_out"] = check_import(interp, lib, work_dir)

    text = corpus_table.table(rows)
    print(text)
    if opts.table:
        with open(opts.table, "w") as f:
            f.write(text)
    bad = [r["lib"].module for r in rows
           if r["lib"].error or r["compiled"] is False or r["imported"] is False or r["smoke"] is False]
    if bad:
        log(f"FAILED: {', '.join(bad)} (logs in {work_dir})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
