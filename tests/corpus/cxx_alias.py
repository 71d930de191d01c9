"""C-linkage entry points for a library Debian compiles as C++ (lodepng): a C header, mangled symbols.

For each bound function without a C symbol in the library, a tail-jump trampoline named like the C function
jumps to the C++ function of that name (x86-64, the host). Generated code then links unchanged."""
import os
import subprocess

LIB_DIRS = ["/usr/lib/x86_64-linux-gnu", "/usr/lib", "/usr/local/lib"]


def _shared_objects(libs):
    for flag in libs:
        if flag.startswith("-l"):
            for d in LIB_DIRS:
                path = os.path.join(d, f"lib{flag[2:]}.so")
                if os.path.exists(path):
                    yield path
                    break


def _defined_symbols(path):
    out = subprocess.run(["nm", "-D", "--defined-only", path], capture_output=True, text=True, check=True).stdout
    return [line.split()[-1] for line in out.splitlines() if line.split()]


def write_aliases(lib, functions, out_path):
    """Writes the trampoline C file for `functions`; returns the number of aliases."""
    mangled = [s for so in _shared_objects(lib.libs) for s in _defined_symbols(so)]
    plain = set(mangled)
    demangled = subprocess.run(["c++filt"], input="\n".join(mangled), capture_output=True, text=True,
                               check=True).stdout.splitlines()
    by_name = {}
    for m, d in zip(mangled, demangled):
        if m != d and "(" in d:
            by_name.setdefault(d.split("(", 1)[0], []).append(m)
    lines = []
    for fn in functions:
        targets = by_name.get(fn, [])
        if fn in plain or len(targets) != 1:
            continue  # already C, absent (a static inline) or overloaded: left to the linker to report
        lines += [f'    ".globl {fn}\\n"', f'    ".type {fn}, @function\\n"', f'    "{fn}:\\n"',
                  f'    "    jmp {targets[0]}@PLT\\n"']
    with open(out_path, "w") as f:
        f.write(f"// C-linkage trampolines for {lib.module} (built as C++ by Debian), written by cxx_alias.py.\n")
        if lines:
            f.write('__asm__(\n    ".text\\n"\n' + "\n".join(lines) + "\n);\n")
        else:
            f.write("typedef int mpb_corpus_no_alias_t;\n")
    return len(lines) // 4
