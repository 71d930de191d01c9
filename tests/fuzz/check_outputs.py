#!/usr/bin/env python3
"""The fuzzer's second half: whatever mpbind emits must compile. Takes a sample of the headers the fuzzer saw
generate a module (WORK_DIR/samples, written by fuzz_header.cpp), generates each again with the mpbind binary,
and compiles them all into one interpreter with -std=c99 -Wall -Wextra -Werror (tests/corpus/corpus_build.py).
The headers declare functions nobody defines, so the link ignores unresolved symbols: only compiling counts.

  check_outputs.py --build-dir build --samples build/fuzz/samples [--count 40] [--seed 1]"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "corpus"))

import corpus_build  # noqa: E402
import corpus_config  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", required=True, help="a normal (non-fuzz) build with gen/mpbind and _deps/mpcore")
    ap.add_argument("--samples", required=True)
    ap.add_argument("--mpbind", help="generator binary [BUILD/gen/mpbind]")
    ap.add_argument("--mpcore-dir", help="the unpacked MicroPython core [BUILD/_deps/mpcore]")
    ap.add_argument("--work-dir", help="[BUILD/fuzz-check]")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    opts = ap.parse_args()
    build_dir = os.path.abspath(opts.build_dir)
    work = os.path.abspath(opts.work_dir or os.path.join(build_dir, "fuzz-check"))
    mpbind = opts.mpbind or os.path.join(build_dir, "gen", "mpbind")
    headers_dir = os.path.join(work, "headers")
    modules_dir = os.path.join(work, "modules")
    shutil.rmtree(headers_dir, ignore_errors=True)
    os.makedirs(headers_dir)
    os.makedirs(modules_dir, exist_ok=True)
    for stale in os.listdir(modules_dir):
        if stale.startswith("mp_"):
            os.remove(os.path.join(modules_dir, stale))
    open(os.path.join(work, "build.log"), "w").close()

    names = sorted(n[:-2] for n in os.listdir(opts.samples)
                   if n.endswith(".h") and os.path.isfile(os.path.join(opts.samples, n)))
    random.Random(opts.seed).shuffle(names)
    entries, gen_failures = [], []
    for name in names[:opts.count]:
        header = os.path.join(headers_dir, name + ".h")
        shutil.copy(os.path.join(opts.samples, name + ".h"), header)
        args_path = os.path.join(opts.samples, name + ".args")
        # Mutated option values need not be UTF-8: surrogateescape hands mpbind the same bytes.
        extra = (open(args_path, encoding="utf-8", errors="surrogateescape").read().split("\n")
                 if os.path.exists(args_path) else [])
        if any("\0" in a for a in extra):
            continue  # a command line cannot carry it (older harness builds let such values through)
        module = "fz_" + re.sub(r"\W", "_", name)
        out = os.path.join(modules_dir, f"mp_{module}.c")
        try:
            proc = subprocess.run([mpbind, "-M", module, "--quiet", "-o", out, *[a for a in extra if a], header,
                                   "--", "-std=c99", "-DNDEBUG"], capture_output=True, text=True,
                                  errors="replace", timeout=120)
        except subprocess.TimeoutExpired:
            gen_failures.append(f"{name}: mpbind timed out after 120 s")
            continue
        if proc.returncode != 0:
            gen_failures.append(f"{name}: mpbind exit {proc.returncode}: {proc.stderr.strip()[:300]}")
            continue
        lib = corpus_config.Library(module=module, package="fuzz", headers=[header], cflags=[], libs=[], options=[],
                                    smoke="", expect=".", version="", cxx_abi=False, ci=False)
        entries.append((lib, [out]))
    print(f"check_outputs: {len(entries)} of {min(opts.count, len(names))} samples generated a module")
    failed, _ = corpus_build.build(os.path.dirname(os.path.dirname(HERE)), work,
                                   opts.mpcore_dir or os.path.join(build_dir, "_deps", "mpcore"), entries, opts.jobs,
                                   ["-DCMAKE_EXE_LINKER_FLAGS=-Wl,--unresolved-symbols=ignore-all"],
                                   lambda m: print("check_outputs: " + m, flush=True))
    for line in gen_failures:
        print("GENERATION FAILED (the fuzzer's run succeeded): " + line)
    # A header that only draws warnings from gcc (which clang let pass) fails under -Werror wherever it is
    # included: that is the header's, not the generator's. Errors inside the generated file are the generator's.
    ours = {m: e for m, e in failed.items() if re.search(r"/mp_\w+\.c:\d+:\d+: (error|warning)", e)}
    for module, error in sorted(failed.items()):
        header = next(lib.headers[0] for lib, _ in entries if lib.module == module)
        if module in ours:
            print(f"DOES NOT COMPILE: {module} (header {header})\n{error}\n")
        else:
            first = next((line for line in error.splitlines() if "error" in line and header in line), "")
            print(f"header rejected by gcc -Werror (not the generator's): {first.strip()}")
    print(f"check_outputs: {len(entries) - len(failed)} of {len(entries)} generated modules compile; "
          f"{len(failed) - len(ours)} failed in the input header itself, {len(ours)} in the generated code")
    return 1 if ours or gen_failures else 0


if __name__ == "__main__":
    sys.exit(main())
