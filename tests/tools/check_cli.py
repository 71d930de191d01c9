#!/usr/bin/env python3
"""Runs the interpreter once with the given arguments and checks its exit code and output.

Used for what a test_*.py script cannot check about itself: exit codes, stderr, command-line options,
environment variables, the working directory and signals."""
import argparse
import os
import re
import signal
import subprocess
import sys


def communicate(proc, stdin_bytes, timeout=120):
    """Waits for the process; kills it rather than leave it hanging when it overruns."""
    try:
        return proc.communicate(stdin_bytes, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return out, err + f"\n[check_cli: killed after {timeout} s]\n".encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--code", type=int, required=True, help="expected exit code")
    ap.add_argument("--stdout", help="expected stdout, exactly (\\n escapes allowed)")
    ap.add_argument("--stdout-regex", help="regular expression stdout must match")
    ap.add_argument("--stderr", help="expected stderr, exactly (\\n escapes allowed)")
    ap.add_argument("--stderr-regex", help="regular expression stderr must match")
    ap.add_argument("--stdin", default="", help="text fed to stdin (\\n escapes allowed)")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE set for the run (repeatable)")
    ap.add_argument("--unset", action="append", default=[], help="environment variable removed for the run")
    ap.add_argument("--cwd", help="working directory of the run")
    ap.add_argument("--sigint-after", help="send SIGINT once stdout shows this line")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- interpreter and its arguments")
    opts = ap.parse_args()
    command = opts.command[1:] if opts.command[:1] == ["--"] else opts.command
    unescape = lambda s: None if s is None else s.encode().decode("unicode_escape")

    env = dict(os.environ)
    for name in opts.unset:
        env.pop(name, None)
    for item in opts.env:
        name, _, value = item.partition("=")
        env[name] = value
    proc = subprocess.Popen(command, cwd=opts.cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    if opts.sigint_after is not None:
        seen = b""
        while True:
            line = proc.stdout.readline()
            if not line:
                break
            seen += line
            if line.decode().rstrip("\n") == opts.sigint_after:
                proc.send_signal(signal.SIGINT)
                break
        rest_out, err = communicate(proc, None)
        out = seen + rest_out
    else:
        out, err = communicate(proc, unescape(opts.stdin).encode())
    out, err = out.decode(errors="replace"), err.decode(errors="replace")

    failures = []
    if proc.returncode != opts.code:
        failures.append(f"exit code {proc.returncode}, expected {opts.code}")
    if opts.stdout is not None and out != unescape(opts.stdout):
        failures.append(f"stdout {out!r}, expected {unescape(opts.stdout)!r}")
    if opts.stdout_regex is not None and not re.search(opts.stdout_regex, out, re.S):
        failures.append(f"stdout {out!r} does not match {opts.stdout_regex!r}")
    if opts.stderr is not None and err != unescape(opts.stderr):
        failures.append(f"stderr {err!r}, expected {unescape(opts.stderr)!r}")
    if opts.stderr_regex is not None and not re.search(opts.stderr_regex, err, re.S):
        failures.append(f"stderr {err!r} does not match {opts.stderr_regex!r}")
    if failures:
        print("command: " + " ".join(command))
        for f in failures:
            print("FAIL: " + f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
