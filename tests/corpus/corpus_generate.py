"""Runs mpbind over one corpus library and reads its --json report: counts, skip reasons, time, crashes."""
import collections
import dataclasses
import json
import os
import re
import subprocess
import time

TIMEOUT_S = 120


@dataclasses.dataclass
class Generation:
    ok: bool = False
    exit_code: int = 0
    crashed: bool = False       # killed by a signal, timed out, or exit 5 (internal error)
    ms: float = 0.0
    seen: int = 0
    bound: int = 0
    skipped: int = 0
    excluded: int = 0
    reasons: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    stderr: str = ""
    source: str = ""            # the generated C file
    bound_functions: list = dataclasses.field(default_factory=list)


def _reason_kind(reason):
    """A skip reason without the declaration-specific names, so equal causes count together."""
    return re.sub(r"'[^']*'", "'...'", re.sub(r"parameter \d+", "parameter N", reason))


def generate(mpbind, lib, out_dir, clang_args=()):
    out_c = os.path.join(out_dir, f"mp_{lib.module}.c")
    out_json = os.path.join(out_dir, f"{lib.module}.json")
    for stale in (out_c, out_json):
        if os.path.exists(stale):
            os.remove(stale)
    cmd = [mpbind, "-M", lib.module, "-o", out_c, "--json", out_json, *lib.options, *lib.headers,
           "--", *clang_args, *lib.cflags]
    g = Generation(source=out_c)
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S)
        g.exit_code, g.stderr = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        g.exit_code, g.stderr, g.crashed = -1, f"timed out after {TIMEOUT_S} s", True
    g.ms = (time.perf_counter() - start) * 1000
    g.crashed = g.crashed or g.exit_code < 0 or g.exit_code == 5
    with open(os.path.join(out_dir, f"{lib.module}.gen.log"), "w") as f:
        f.write(" ".join(cmd) + "\n" + g.stderr)
    g.ok = g.exit_code == 0 and os.path.isfile(out_c) and os.path.isfile(out_json)
    if os.path.isfile(out_json):
        with open(out_json) as f:
            decls = json.load(f)["declarations"]
        g.seen = len(decls)
        for d in decls:
            status = d.get("status")
            if status == "bound":
                g.bound += 1
                if d.get("kind") == "function":
                    g.bound_functions.append(d["c_name"])
            elif status == "skipped":
                g.skipped += 1
                g.reasons[_reason_kind(d.get("reason", "?"))] += 1
            else:
                g.excluded += 1
    return g
