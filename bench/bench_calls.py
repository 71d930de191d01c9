# bench_calls.py: figures 3 and 4: the cost of one call in instructions (callgrind) and nanoseconds.
import os
import statistics
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
N_SMALL, N_LARGE = 20000, 220000  # callgrind: the difference cancels start-up and compilation of the script
N_TIME = 1000000
RUNS = 5
WAYS = ('loop', 'mpbind', 'native', 'python', 'hybrid', 'callback')  # see call_cost.py


def run_script(cmd, way):
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f'call_cost.py {way} failed ({res.returncode}):\n{res.stdout}{res.stderr[-2000:]}')
    return res.stdout


def callgrind_total(ctx, way, n):
    """Instructions executed by the whole interpreter running call_cost.py WAY N."""
    out = os.path.join(ctx.work, f'callgrind.{way}.{n}')
    run_script(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out, ctx.micropython,
                os.path.join(HERE, 'call_cost.py'), way, str(n)], way)
    with open(out) as f:
        for line in f:
            if line.startswith(('summary:', 'totals:')):
                return int(line.split()[1])
    raise RuntimeError('no callgrind summary in ' + out)


def wall_ns_all(ctx):
    """ns per iteration of every way, each the median of RUNS runs timed inside the interpreter with ticks_us.
    The runs go round-robin over the ways, so a change of machine load hits all ways alike."""
    runs = {way: [] for way in WAYS}
    for _ in range(RUNS):
        for way in runs:
            out = run_script([ctx.micropython, os.path.join(HERE, 'call_cost.py'), way, str(N_TIME)], way)
            runs[way].append(int(out.split()[2]) * 1000 / N_TIME)
    return {way: statistics.median(r) for way, r in runs.items()}


def measure(ctx, way):
    """(instructions, ns) per loop iteration of WAY, cached in ctx."""
    cache = ctx.__dict__.setdefault('call_figures', {})
    if way not in cache:
        cache[way] = (callgrind_total(ctx, way, N_LARGE) - callgrind_total(ctx, way, N_SMALL)) / (N_LARGE - N_SMALL)
    if 'ns' not in ctx.__dict__:
        ctx.ns = wall_ns_all(ctx)
    return cache[way], ctx.ns[way]


def net(ctx, way, base='loop'):
    """(instructions, ns) of WAY minus BASE."""
    w, b = measure(ctx, way), measure(ctx, base)
    return w[0] - b[0], w[1] - b[1]


def method_line():
    return (f'callgrind instructions ((I({N_LARGE}) - I({N_SMALL})) / {N_LARGE - N_SMALL}), '
            f'ns as the median of {RUNS} runs of {N_TIME} calls')


def print_call_cost(ctx):
    loop_ir, loop_ns = measure(ctx, 'loop')
    print(f'3. call cost of add(a, b) -> int, per call: {method_line()}; the bare loop '
          f'({loop_ir:.0f} instructions, {loop_ns:.1f} ns per iteration) subtracted')
    for way in ('mpbind', 'native', 'python'):
        ir, ns = net(ctx, way)
        print(f'  {way:7s} {ir:6.0f} instructions  {ns:6.1f} ns')
    (g_ir, g_ns), (n_ir, n_ns) = net(ctx, 'mpbind'), net(ctx, 'native')
    print(f'  mpbind / hand-written native: {g_ir / n_ir:.2f} (instructions), {g_ns / n_ns:.2f} (ns); '
          f'target <= 1.10')


def print_callback_round_trip(ctx):
    """apply(cb, None, a, i) calls cb once from C: with a Python cb that is a full Python -> C -> Python round trip;
    with the C function add_ud ("hybrid") no Python runs inside. Their difference is the C -> Python part."""
    print(f'4. callback round trip: apply(cb, None, a, i) -> cb(NULL, a, i), per call: {method_line()}')
    h_ir, h_ns = net(ctx, 'hybrid')
    print(f'  hybrid   (C cb)      {h_ir:6.0f} instructions  {h_ns:6.1f} ns')
    c_ir, c_ns = net(ctx, 'callback')
    g_ir, g_ns = net(ctx, 'mpbind')
    print(f'  callback (Python cb) {c_ir:6.0f} instructions  {c_ns:6.1f} ns')
    print(f'  C -> Python part (callback - hybrid): {c_ir - h_ir:.0f} instructions, {c_ns - h_ns:.1f} ns; '
          f'plain Python -> C call add(a, b): {g_ir:.0f} instructions, {g_ns:.1f} ns')
