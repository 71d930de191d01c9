"""mpbind_module_compile.py: compiles a generated module outside the build exactly as the build compiles its own
generated modules (the command comes from compile_commands.json), for the benchmarks' size figures and the golden
tests' compile check. Such a module is not in the interpreter's qstr pool, so a scratch copy of the qstr header
adds its qstrs (their values do not matter to the compiler or to the code size)."""
import json
import os
import re
import shlex
import subprocess


class ModuleCompile:
    """The build's compile command of generated modules (any mpbind_modules/mp_*.c entry: they share it), re-targeted
    at another generated file."""

    def __init__(self, build_dir):
        with open(os.path.join(build_dir, 'compile_commands.json')) as f:
            entries = json.load(f)
        entry = next((e for e in entries if re.search(r'/mpbind_modules/mp_\w+\.c$', e['file'])), None)
        if entry is None:
            raise SystemExit(f'no generated module in {build_dir}/compile_commands.json (is a module declared?)')
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

    def compile(self, module_c, obj, extra_includes, scratch, first_includes=(), extra_flags=()):
        """Compiles module_c to obj with the build's flags (first_includes before the build's include directories,
        extra_includes and extra_flags after them); raises RuntimeError with the compiler's messages."""
        genhdr = self._scratch_genhdr(module_c, scratch)
        flags = ['-I' + genhdr if w == '-I' + self.genhdr else w for w in self.flags]
        cmd = ([self.compiler] + list(first_includes) + flags + list(extra_includes) + list(extra_flags) +
               ['-c', module_c, '-o', obj])
        res = subprocess.run(cmd, capture_output=True, text=True, cwd=self.directory)
        if res.returncode != 0:
            raise RuntimeError(f'compiling {module_c} failed:\n{" ".join(cmd)}\n{res.stderr[:4000]}')

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
