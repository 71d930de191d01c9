#!/usr/bin/env python3
"""Binds bindings/espidf/espidf.h against both ESP-IDF header layouts the simulation offers: v4.4 (the default) and
v5.x (-DESP_SIM_IDF_V5=1, where esp32/clk.h is gone). For each, the generator must succeed, the generated module and
the helper C must compile with the interpreter's own flags (-std=c99 -Wall -Wextra -Werror, qstrs made by the
build's qstr pipeline), and the module must offer the seed's names.

Usage: check_espidf_layouts.py --mpbind BIN --compile-commands JSON --qstr-script PY --qstrdefs H... --makeqstrdata PY
       --helper espidf.c --work DIR -- <the generator's arguments after -M/-o: options, header, --, clang args>"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

LAYOUTS = {"v4.4": [], "v5": ["-DESP_SIM_IDF_V5=1"]}
# The seed's names, on both layouts.
SEED_FUNCTIONS = {"get_ccount", "task_delay_ms", "esp_clk_cpu_freq", "spi_device_queue_trans"}
SEED_CLASSES = {"ESP": {"HALF_DUPLEX", "MAX_DELAY"}, "TRANS": {"USE_TXDATA", "MODE_DIO", "VARIABLE_CMD"},
                "enum": {"SPI_HOST", "HSPI_HOST", "VSPI_HOST"}, "CAP": {"DMA"}}
# What differs: v5.x renamed the cycle counter and removed gpio_pad_select_gpio.
ONLY = {"v4.4": {"esp_cpu_get_ccount", "gpio_pad_select_gpio"}, "v5": {"esp_cpu_get_cycle_count"}}


def fail(msg):
    sys.exit("check_espidf_layouts: " + msg)


def compile_args(entry, source, extra, include_first):
    """The interpreter's compile command of `entry`, for `source`, checking syntax only."""
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif a not in ("-c", "-MD", "-MMD") and a != entry["file"]:
            out.append(a)
    return out[:1] + ["-I" + include_first] + out[1:] + extra + ["-fsyntax-only", source]


def run(cmd, what, cwd=None):
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    if proc.returncode != 0:
        fail(f"{what} failed:\n{' '.join(cmd)}\n{proc.stdout}{proc.stderr}")
    return proc


def check_layout(name, opts, entries, module_entry, helper_entry):
    extra = LAYOUTS[name]
    work = os.path.join(opts.work, name)
    os.makedirs(os.path.join(work, "genhdr"), exist_ok=True)
    source = os.path.join(work, "mp_espidf.c")
    report = os.path.join(work, "espidf.json")
    run([opts.mpbind, "-M", "espidf", "-o", source, "--json", report] + opts.generator + extra, f"{name}: mpbind")

    # qstrs of this module, by the build's own pipeline, into work/genhdr (searched before the build's genhdr).
    commands = [dict(e, file=f, arguments=compile_args(e, f, extra, work)[:-2] + ["-o", "CMakeFiles/micropython.dir/x.o",
                                                                                   "-c", f])
                for e, f in ((module_entry, source), (helper_entry, opts.helper))]
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(commands, f)
    with open(os.path.join(work, "sources.txt"), "w") as f:
        f.write(source + "\n" + opts.helper + "\n")
    run([sys.executable, opts.qstr_script, "--compile-commands", os.path.join(work, "compile_commands.json"),
         "--sources", os.path.join(work, "sources.txt"), "--qstrdefs"] + opts.qstrdefs +
        ["--makeqstrdata", opts.makeqstrdata, "--output", os.path.join(work, "genhdr", "qstrdefs.generated.h")],
        f"{name}: qstr pipeline")
    run(compile_args(module_entry, source, extra, work), f"{name}: compiling the generated module",
        module_entry["directory"])
    run(compile_args(helper_entry, opts.helper, extra, work), f"{name}: compiling espidf.c", helper_entry["directory"])

    with open(report) as f:
        api = json.load(f)["api"]
    functions = set(api["functions"])
    classes = {c["name"]: set(c["members"]) for c in api["constant_classes"]}
    missing = SEED_FUNCTIONS - functions
    for cls, members in SEED_CLASSES.items():
        missing |= {f"{cls}.{m}" for m in members - classes.get(cls, set())}
    missing |= ONLY[name] - functions
    unexpected = set().union(*(v for k, v in ONLY.items() if k != name)) & functions
    if missing or unexpected:
        fail(f"{name}: missing {sorted(missing)}, present though the layout has none of them {sorted(unexpected)}")

    # The layout itself: esp32/clk.h exists in v4.4 and is an error in v5.
    probe = os.path.join(work, "probe_clk.c")
    with open(probe, "w") as f:
        f.write('#include "esp32/clk.h"\nint probe_clk(void) { return esp_clk_cpu_freq(); }\n')
    proc = subprocess.run(compile_args(helper_entry, probe, extra, work), capture_output=True, text=True,
                          cwd=helper_entry["directory"])
    removed = "does not exist in ESP-IDF v5" in proc.stderr
    if (proc.returncode == 0) != (name == "v4.4") or (name == "v5" and not removed):
        fail(f"{name}: esp32/clk.h should {'exist' if name == 'v4.4' else 'be missing'}:\n{proc.stderr}")
    print(f"{name}: bound, compiled; {len(functions)} functions, get_ccount and task_delay_ms, "
          f"ESP/TRANS/enum classes, {sorted(ONLY[name])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mpbind", required=True)
    ap.add_argument("--compile-commands", required=True)
    ap.add_argument("--qstr-script", required=True)
    ap.add_argument("--qstrdefs", nargs="+", required=True)
    ap.add_argument("--makeqstrdata", required=True)
    ap.add_argument("--helper", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("generator", nargs=argparse.REMAINDER)
    opts = ap.parse_args()
    opts.generator = opts.generator[1:] if opts.generator[:1] == ["--"] else opts.generator
    with open(opts.compile_commands) as f:
        entries = json.load(f)

    def entry_for(pattern):
        for e in entries:
            if re.search(pattern, e["file"]) and "CMakeFiles/micropython.dir/" in " ".join(
                    e.get("arguments", [])) + e.get("command", ""):
                return e
        fail(f"no interpreter compile command for {pattern}")

    module_entry = entry_for(r"/mp_espidf\.c$")
    helper_entry = entry_for(r"/bindings/espidf/espidf\.c$")
    for name in LAYOUTS:
        check_layout(name, opts, entries, module_entry, helper_entry)


if __name__ == "__main__":
    main()
