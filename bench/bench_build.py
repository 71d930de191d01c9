# bench_build.py: what the benchmarks need to know about the build: the module compile command, flags, qstr header.
import json
import os
import re
import shlex
import subprocess

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


class ModuleCompile:
    """The exact command the build compiles a generated module with (taken from compile_commands.json, for the
    module `benchgen`), re-targeted at another generated file."""

    def __init__(self, build_dir, probe='mp_benchgen.c'):
        with open(os.path.join(build_dir, 'compile_commands.json')) as f:
            entries = json.load(f)
        entry = next((e for e in entries if e['file'].endswith('/' + probe)), None)
        if entry is None:
            raise SystemExit(f'bench: {probe} is not in {build_dir}/compile_commands.json (is bench/ configured?)')
        words = shlex.split(entry['command'])
        self.directory = entry['directory']
        self.compiler = words[0]
        self.flags = []
        skip = False
        for w in words[1:]:
            if skip:
                skip = False
            elif w in ('-o', '-c', '-MF', '-MT'):
                skip = True
            elif not w.endswith('.c') and w not in ('-MD',):
                self.flags.append(w)
        self.genhdr = next(w[2:] for w in self.flags if w.startswith('-I') and w.endswith('mpbind_genhdr'))
        self.build_dir = build_dir

    def defines(self):
        return [w for w in self.flags if w.startswith('-D')]

    def flag_text(self):
        return ' '.join(w for w in self.flags if not w.startswith('-I'))

    def compile(self, module_c, obj, extra_includes, scratch):
        """Compiles module_c to obj with the build's flags; its qstrs come from a scratch copy of the qstr header,
        since a module not in the build is not in the interpreter's qstr pool (qstr values do not change size)."""
        genhdr = self._scratch_genhdr(module_c, scratch)
        flags = ['-I' + genhdr if w == '-I' + self.genhdr else w for w in self.flags]
        cmd = [self.compiler] + flags + extra_includes + ['-c', module_c, '-o', obj]
        res = subprocess.run(cmd, capture_output=True, text=True, cwd=self.directory)
        if res.returncode != 0:
            raise RuntimeError(f'compiling {module_c} failed:\n{res.stderr[:2000]}')

    def _scratch_genhdr(self, module_c, scratch):
        src = os.path.join(self.genhdr, 'genhdr')
        dst = os.path.join(scratch, 'genhdr')
        os.makedirs(dst, exist_ok=True)
        for name in os.listdir(src):
            if name != 'qstrdefs.generated.h':
                with open(os.path.join(src, name)) as s, open(os.path.join(dst, name), 'w') as d:
                    d.write(s.read())
        with open(os.path.join(src, 'qstrdefs.generated.h')) as f:
            qdefs = f.read()
        have = set(re.findall(r'QDEF\((MP_QSTR_\w+)', qdefs))
        with open(module_c) as f:
            need = sorted(set(re.findall(r'MP_QSTR_\w+', f.read())) - have)
        with open(os.path.join(dst, 'qstrdefs.generated.h'), 'w') as f:
            f.write(qdefs)
            for q in need:
                f.write(f'QDEF({q}, (const byte*)"\\x00\\x00\\x00" "{q[len("MP_QSTR_"):]}")\n')
        return scratch


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
