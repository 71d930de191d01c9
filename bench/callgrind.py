# callgrind.py: runs a command under callgrind and returns the instructions it executed (its summary line).
import subprocess


def instructions(argv, out, options=(), env=None, cwd=None, expect=None):
    """Instructions of argv, with callgrind's output in `out` and its extra `options`. A run that exits non-zero, or
    whose stdout lacks `expect`, raises RuntimeError with the end of its output."""
    cmd = ['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out] + list(options) + list(argv)
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    if res.returncode != 0 or (expect is not None and expect not in res.stdout):
        raise RuntimeError(f'{" ".join(argv[1:])} failed ({res.returncode}):\n{res.stdout[-1000:]}{res.stderr[-2000:]}')
    with open(out) as f:
        for line in f:
            if line.startswith('summary:'):
                return int(line.split()[1])
    raise RuntimeError('no callgrind summary in ' + out)
