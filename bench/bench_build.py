# bench_build.py: what the benchmarks need to know about the build: the module compile command, flags, qstr header.
import os
import re
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cmake'))
from mpbind_module_compile import ModuleCompile  # noqa: E402,F401  (re-exported for the benchmarks)

# The libraries we bind from Debian's headers: module name, headers, clang arguments.
LIBRARIES = {
    'cairo': (['/usr/include/cairo/cairo.h'], ['-I/usr/include/cairo']),
    'sqlite3': (['/usr/include/sqlite3.h'], []),
    'zlib': (['/usr/include/zlib.h'], []),
    'lodepng': (['/usr/include/lodepng.h'], []),
}


def pkg_config_cflags(name):
    """pkg-config --cflags NAME as a list, empty when pkg-config or the package is missing."""
    try:
        out = subprocess.run(['pkg-config', '--cflags', name], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return shlex.split(out)


def library_clang_args(name, defines):
    """Clang arguments for a library: its own, its pkg-config flags, and the build's -D flags (sqlite3.h declares
    some functions only without NDEBUG, so the parse must see the defines the compile will see)."""
    args = list(LIBRARIES[name][1]) + pkg_config_cflags(name)
    return args + defines


def symbol_bytes(obj, pattern, kinds=None):
    """Total size and count of the object's symbols whose name fully matches the regex PATTERN (nm -S; statics
    included), only of the nm symbol kinds in KINDS (e.g. 'tT' for code) when given."""
    out = subprocess.run(['nm', '-S', obj], check=True, capture_output=True, text=True).stdout
    total = count = 0
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(pattern, fields[3]) and (kinds is None or fields[2] in kinds):
            total += int(fields[1], 16)
            count += 1
    return total, count


def object_size(obj):
    """(text, data) of an object file by size(1); bss is zero for generated modules and not counted."""
    out = subprocess.run(['size', obj], check=True, capture_output=True, text=True).stdout.split('\n')[1].split()
    return int(out[0]), int(out[1])
