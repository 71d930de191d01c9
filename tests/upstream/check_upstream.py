#!/usr/bin/env python3
"""The upstream route (upstream/) without upstream MicroPython: what `cmake --install` puts in a prefix, and the
make and CMake rules a firmware build includes, driven by stand-ins for upstream's handling of USER_C_MODULES
(usermod_stub.mk, cmake_stub/) and compiled against the v1.9.2 core with the flags the interpreter's own build uses.

usage: check_upstream.py --build BUILD_DIR --source SOURCE_DIR --work WORK_DIR (install|make|cmake)
"""
import argparse
import json
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import time

MODULES = ("gcheap", "scalars")


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd, expect=0, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if expect is not None and r.returncode != expect:
        fail("%s exited %d (expected %d)\n%s%s" % (" ".join(map(str, cmd)), r.returncode, expect, r.stdout, r.stderr))
    return r


def install(build, work):
    prefix = work / "prefix"
    shutil.rmtree(prefix, ignore_errors=True)
    run(["cmake", "--install", str(build), "--prefix", str(prefix)])
    return prefix


def check_layout(prefix, source):
    share = prefix / "share" / "mpbind"
    for f in ("mpbind.mk", "mpbind.cmake", "README.md"):
        if not (share / f).is_file():
            fail("not installed: share/mpbind/" + f)
    want = sorted(p.name for p in (source / "runtime").iterdir() if p.suffix in (".c", ".h"))
    got = sorted(p.name for p in (share / "runtime").iterdir())
    if got != want:
        fail("installed runtime %s differs from runtime/ %s" % (got, want))
    version = run([str(prefix / "bin" / "mpbind"), "--version"]).stdout
    if not version.startswith("mpbind "):
        fail("installed mpbind --version printed %r" % version)
    print("layout: bin/mpbind (%s), share/mpbind: mpbind.mk, mpbind.cmake, README.md, runtime/ (%d files)"
          % (version.strip(), len(got)))


def core_cflags(build):
    """The -I/-D/-U flags the interpreter's build compiles the runtime with (its v1.9.2 core, port, qstrs)."""
    for entry in json.loads((build / "compile_commands.json").read_text()):
        if entry["file"].endswith("runtime/mpb_roots.c"):
            args = shlex.split(entry["command"]) if "command" in entry else entry["arguments"]
            out = []
            for i, a in enumerate(args):
                if a in ("-I", "-isystem", "-D") and i + 1 < len(args):
                    out += [a, args[i + 1]]
                elif a.startswith(("-I", "-D", "-U", "-isystem")):
                    out.append(a)
            return out
    fail("compile_commands.json has no runtime/mpb_roots.c")


def copy_modules(source, work):
    """The module folders and the fixtures they bind, copied: the checks touch and edit them."""
    tree = work / "tree"
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(source / "tests" / "upstream" / "modules", tree / "tests" / "upstream" / "modules")
    for m in MODULES:
        shutil.copytree(source / "tests" / "fixtures" / m, tree / "tests" / "fixtures" / m)
    return tree / "tests" / "upstream" / "modules", tree / "tests" / "fixtures"


def check_make(build, source, work):
    prefix = install(build, work)
    modules, fixtures = copy_modules(source, work)
    out = work / "make-build"
    shutil.rmtree(out, ignore_errors=True)
    make = ["make", "-f", str(source / "tests" / "upstream" / "usermod_stub.mk"), "USER_C_MODULES=%s" % modules,
            "BUILD=%s" % out, "MPBIND_PREFIX=%s" % prefix, "CORE_CFLAGS=%s" % shlex.join(core_cflags(build))]
    run(make)
    sources = (out / "sources.txt").read_text().split()
    runtime = sorted(p.name for p in (source / "runtime").glob("*.c"))
    compiled = sorted(pathlib.Path(s).name for s in sources if "/share/mpbind/runtime/" in s)
    if compiled != runtime:
        fail("runtime sources compiled %s, expected each of %s once" % (compiled, runtime))
    for m in MODULES:
        gen = out / "mpbind" / m / ("mp_%s.c" % m)
        if not gen.is_file() or not (out / "mpbind" / m / ("%s.json" % m)).is_file():
            fail("module %s not generated into %s" % (m, gen.parent))
        for src in (gen, fixtures / m / (m + ".c")):
            obj = pathlib.Path(str(out) + "/" + str(src.with_suffix(".o")))  # $(BUILD)/<the source's path>.o
            if not obj.is_file():
                fail("not compiled: " + str(obj))
    gen = out / "mpbind" / "gcheap" / "mp_gcheap.c"
    if "void *gch_roots;" not in gen.read_text():
        fail("mp_gcheap.c does not define the --gc-root variable")
    print("make: generated and compiled %s, the runtime once (%d units)" % (", ".join(MODULES), len(runtime)))

    stamp = gen.stat().st_mtime_ns
    again = run(make).stdout
    if "MPBIND" in again or gen.stat().st_mtime_ns != stamp:
        fail("a second make regenerated a module: nothing changed\n" + again)
    time.sleep(1.1)
    (fixtures / "gcheap" / "gcheap.h").touch()
    again = run(make).stdout
    if "MPBIND gcheap" not in again or "MPBIND scalars" in again or gen.stat().st_mtime_ns == stamp:
        fail("a touched header did not regenerate its module, and only it\n" + again)
    mk = modules / "gcheap" / "micropython.mk"
    mk.write_text(mk.read_text().replace("--block gch_default", "--block gch_default --no-macros"))
    run(make)
    if "MP_QSTR_SLOTS" in gen.read_text():
        fail("an option added to MPBIND_OPTIONS did not regenerate the module")
    print("make: up to date when nothing changed; a touched header and a changed option regenerate")
    mk.write_text(mk.read_text().replace("gch_roots=gch_state_t", "gch_roots=gch_nothing_t"))
    r = run(make, expect=None)
    if r.returncode == 0 or "'gch_nothing_t' is not a complete type" not in r.stderr:
        fail("a bad option did not stop the build with mpbind's message:\n" + r.stderr)
    print("make: a bad option stops the build with mpbind's message")


def check_cmake(build, source, work):
    prefix = install(build, work)
    modules, _ = copy_modules(source, work)
    out = work / "cmake-build"
    shutil.rmtree(out, ignore_errors=True)
    run(["cmake", "-S", str(source / "tests" / "upstream" / "cmake_stub"), "-B", str(out), "-G", "Ninja",
         "-DUSER_C_MODULES=%s" % (modules / "gcheap" / "micropython.cmake"), "-DMPBIND_PREFIX=%s" % prefix,
         "-DCORE_CFLAGS=%s" % shlex.join(core_cflags(build))])
    run(["cmake", "--build", str(out)])
    gen = out / "mpbind" / "gcheap" / "mp_gcheap.c"
    if not gen.is_file() or "void *gch_roots;" not in gen.read_text():
        fail("mpbind_usermod did not generate mp_gcheap.c with its --gc-root variable")
    objects = sorted(p.name for p in out.rglob("*.o"))
    for want in ["mp_gcheap.c.o", "gcheap.c.o"] + ["%s.o" % p.name for p in (source / "runtime").glob("*.c")]:
        if want not in objects:
            fail("cmake: %s not compiled (objects: %s)" % (want, objects))
    if "ninja: no work to do" not in run(["cmake", "--build", str(out)]).stdout:
        fail("cmake: a second build did work: nothing changed")
    print("cmake: mpbind_usermod generated and compiled gcheap, its library source and the runtime")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True, type=pathlib.Path)
    ap.add_argument("--source", required=True, type=pathlib.Path)
    ap.add_argument("--work", required=True, type=pathlib.Path)
    ap.add_argument("check", choices=("install", "make", "cmake"))
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    if a.check == "install":
        check_layout(install(a.build, a.work), a.source)
    elif a.check == "make":
        check_make(a.build, a.source, a.work)
    else:
        check_cmake(a.build, a.source, a.work)
    print("ok")


if __name__ == "__main__":
    main()
