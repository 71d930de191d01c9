# bench_flush_cost.py: figure 5's flush-path cost: instructions per full-screen frame, pure against hybrid mode.
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
N_SMALL, N_LARGE = 10, 20  # frames; the difference cancels start-up, set-up and the script's compilation
# The simulated ESP-IDF calls the flush path makes (hardware here, ESP-IDF on the chip): not the driver's cost...
SIM_CALLS = ('spi_device_polling_transmit', 'spi_device_queue_trans', 'spi_device_get_trans_result',
             'gpio_set_level')
# ...except the completion handlers they run (the DMA-done interrupt), which are.
HANDLERS = ('spi_post_cb_isr', 'ili9341_post_cb_isr')


def driver_instructions(ctx, mode, frames):
    """Instructions of `display_fps.py --cost MODE FRAMES` outside the simulated calls. Callgrind toggles collection
    at the entry and exit of each listed function: off inside a simulated call, on again inside a handler it runs."""
    out = os.path.join(ctx.work, f'callgrind.flush.{mode}.{frames}')
    env = dict(os.environ, MICROPYPATH=os.path.join(os.path.dirname(HERE), 'drivers'))
    # --collect-atstart comes last: callgrind turns it off when it reads a --toggle-collect.
    cmd = (['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out] +
           ['--toggle-collect=' + f for f in SIM_CALLS + HANDLERS] + ['--collect-atstart=yes'] +
           [ctx.micropython, os.path.join(HERE, 'display_fps.py'), '--cost', mode, str(frames)])
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ctx.work)
    if res.returncode != 0:
        raise RuntimeError(f'display_fps.py --cost {mode} failed ({res.returncode}):\n{res.stderr[-2000:]}')
    with open(out) as f:
        for line in f:
            if line.startswith('summary:'):
                return int(line.split()[1])
    raise RuntimeError('no callgrind summary in ' + out)


def print_flush_cost(ctx):
    per_frame = {}
    for mode in ('hybrid', 'pure'):
        try:
            per_frame[mode] = (driver_instructions(ctx, mode, N_LARGE) -
                               driver_instructions(ctx, mode, N_SMALL)) / (N_LARGE - N_SMALL)
        except RuntimeError as e:
            if mode == 'hybrid':
                raise
            print('  flush path, pure: not measurable (%s)' % str(e).strip().split('\n')[-1])
            return
        print(f'  flush path, {mode:6s}: {per_frame[mode]:7.0f} instructions per full-screen frame (4 strips; '
              'callgrind, method in drivers/README.md)')
    print(f'  pure / hybrid: {per_frame["pure"] / per_frame["hybrid"]:.2f} (target <= 3)')
