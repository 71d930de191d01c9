"""Builds one interpreter with every generated corpus module (USER_C_MODULES) and finds which module failed.

A module that does not compile (-std=c99 -Wall -Wextra -Werror) or does not link is recorded with its errors
and left out, and the interpreter is rebuilt without it, so one bad module never hides the others."""
import json
import os
import re
import shlex
import subprocess

# Folders of the main tree the corpus interpreter does not need (the core, port/ and runtime/ remain).
SKIP_DIRS = "gen;tests;sim;gui;bench;bindings"
# The generator must see a header as the compiler will, as mpbind_add_module arranges: strict C99 and the build
# type's defines (RelWithDebInfo: NDEBUG; sqlite3.h declares functions only without it), and a -std=c99 parse
# (clang's default gnu mode declares more, such as pthread_rwlock_t).
BUILD_TYPE = "RelWithDebInfo"
GENERATOR_CLANG_ARGS = ["-std=c99", "-DNDEBUG"]
FAILED_RE = re.compile(r"^FAILED: .*?/mp_(\w+)\.c\.o\b|^FAILED: .*?/corpus_alias_(\w+)\.c\.o\b")
QSTR_RE = re.compile(r"mpbind_qstr: preprocessing .*/mp_(\w+)\.c failed")
UNDEFINED_RE = re.compile(r"(?:mp_(\w+)\.c\.o|corpus_alias_(\w+)\.c\.o).*undefined reference to `([^']+)'")


def _cmake_list(items):
    return " ".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items)


def _write_user_modules(modules_dir, entries):
    """entries: (lib, sources) pairs. Writes the micropython.cmake that declares them."""
    lines = ["# Written by tests/corpus/corpus_build.py: the corpus modules, generated beforehand."]
    for lib, sources in entries:
        lines.append(f"mpbind_add_module(NAME {lib.module} SOURCES {_cmake_list(sources)}"
                     f" INCLUDE_DIRS {_cmake_list(lib.include_dirs)} LIBRARIES {_cmake_list(lib.libs)})")
        other = [f for f in lib.cflags if not f.startswith("-I")]
        if other:
            lines.append(f"set_property(SOURCE {_cmake_list(sources)} TARGET_DIRECTORY micropython APPEND PROPERTY"
                         f" COMPILE_OPTIONS {_cmake_list(other)})")
    text = "\n".join(lines) + "\n"
    path = os.path.join(modules_dir, "micropython.cmake")
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as f:
            f.write(text)


def _commands_of(build_dir, sources):
    """{source: (directory, compile arguments)} from compile_commands.json."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        commands = json.load(f)
    wanted = {os.path.realpath(s) for s in sources}
    found = {}
    for e in commands:
        path = os.path.realpath(os.path.join(e["directory"], e["file"]))
        if path in wanted:
            found[path] = (e["directory"], shlex.split(e["command"]) if "command" in e else e["arguments"])
    return found


def _preprocess_failures(commands, module_of):
    """Modules whose source does not even preprocess (the qstr scan would stop the whole build at the first)."""
    failures = {}
    for path, (directory, args) in commands.items():
        out = args.index("-o")
        pre = args[:out] + args[out + 2:]
        pre = [a for a in pre if a not in ("-c", "-MD", "-MMD") and a != path] + ["-E", "-DNO_QSTR", "-o", os.devnull,
                                                                                    path]
        pre = [a for i, a in enumerate(pre) if not (a in ("-MF", "-MT", "-MQ") or pre[i - 1] in ("-MF", "-MT", "-MQ"))]
        proc = subprocess.run(pre, cwd=directory, capture_output=True, text=True, errors="replace")
        if proc.returncode != 0:
            failures[module_of[path]] = "preprocess: " + "\n".join(proc.stderr.splitlines()[:60])
    return failures


def _error_block(log_lines, start):
    """The compiler output after a FAILED: line, up to the next ninja status line."""
    block = []
    for line in log_lines[start + 1:]:
        if line.startswith("[") or line.startswith("FAILED:") or line.startswith("ninja:"):
            break
        block.append(line)
    return "\n".join(block[:60])


def _attribute(log):
    """{module: error text} for every failure the build log can pin on a module."""
    failures = {}
    lines = log.splitlines()
    for i, line in enumerate(lines):
        m = FAILED_RE.search(line)
        if m:
            failures.setdefault(m.group(1) or m.group(2), "compile: " + _error_block(lines, i))
        m = QSTR_RE.search(line)
        if m:
            failures.setdefault(m.group(1), "preprocess: " + "\n".join(lines[max(0, i - 20):i]))
    undefined = {}
    for m in UNDEFINED_RE.finditer(log):
        undefined.setdefault(m.group(1) or m.group(2), set()).add(m.group(3))
    for module, syms in undefined.items():
        failures.setdefault(module, "link: undefined " + ", ".join(sorted(syms)))
    return failures


def build(source_dir, work_dir, mpcore_dir, entries, jobs, cmake_args, log):
    """Builds the interpreter; returns ({module: error}, path of the interpreter or None)."""
    modules_dir = os.path.join(work_dir, "modules")
    build_dir = os.path.join(work_dir, "interp")
    os.makedirs(build_dir, exist_ok=True)
    failed = {}
    remaining = list(entries)
    while True:
        _write_user_modules(modules_dir, remaining)
        configure = ["cmake", "-S", source_dir, "-B", build_dir, "-G", "Ninja", f"-DMPCORE_DIR={mpcore_dir}",
                     f"-DCMAKE_BUILD_TYPE={BUILD_TYPE}",
                     f"-DUSER_C_MODULES={modules_dir}", f"-DMPBIND_SKIP_DIRS={SKIP_DIRS}", *cmake_args]
        proc = subprocess.run(configure, capture_output=True, text=True, errors="replace")
        if proc.returncode != 0:
            raise SystemExit("corpus: configuring the interpreter failed:\n" + proc.stdout + proc.stderr)
        module_of = {os.path.realpath(s): lib.module for lib, sources in remaining for s in sources}
        commands = _commands_of(build_dir, module_of)
        for directory, args in commands.values():
            obj = os.path.join(directory, args[args.index("-o") + 1])
            if os.path.exists(obj):
                os.remove(obj)  # a failing compile must not leave an earlier object standing in for it
        new = _preprocess_failures(commands, module_of)
        if new:
            failed.update(new)
            remaining = [(lib, s) for lib, s in remaining if lib.module not in new]
            continue
        log(f"building the corpus interpreter with {len(remaining)} module(s)")
        proc = subprocess.run(["ninja", "-C", build_dir, "-k", "0", f"-j{jobs}", "micropython"],
                              capture_output=True, text=True, errors="replace")
        with open(os.path.join(work_dir, "build.log"), "a") as f:
            f.write(proc.stdout + proc.stderr)
        if proc.returncode == 0:
            return failed, os.path.join(build_dir, "micropython")
        new = _attribute(proc.stdout + proc.stderr)
        new = {m: e for m, e in new.items() if any(lib.module == m for lib, _ in remaining)}
        if not new:
            raise SystemExit("corpus: the interpreter build failed for a reason not tied to a module; see "
                             + os.path.join(work_dir, "build.log"))
        failed.update(new)
        remaining = [(lib, s) for lib, s in remaining if lib.module not in new]
        if not remaining:
            return failed, None
