# bench_flush_cost.py: figure 5's flush-path cost: instructions per full-screen frame, pure against hybrid mode.
import os
import subprocess

import callgrind

HERE = os.path.dirname(os.path.abspath(__file__))
N_SMALL, N_LARGE = 10, 20  # frames; the difference cancels start-up, set-up and the script's compilation
# The simulated ESP-IDF calls the flush path makes (hardware here, ESP-IDF on the chip): not the driver's cost...
SIM_CALLS = ('spi_device_polling_transmit', 'spi_device_queue_trans', 'spi_device_get_trans_result',
             'gpio_set_level')
# ...except the completion handlers they run (the DMA-done interrupt), which are.
HANDLERS = ('spi_post_cb_isr', 'panel_post_cb_isr')
# The engine's slots in the engine-driven run: what gui_refresh calls through flush_cb and wait_cb. Pure mode's are
# the generated trampolines of `gui`, named after the slots of gui.h's disp_drv_t they serve.
SLOTS = {'hybrid': ('panel_flush', 'panel_wait_cb'),
         'pure': ('mp_gui_disp_drv_t_flush_cb_tramp', 'mp_gui_disp_drv_t_wait_cb_tramp')}


def check_toggles(ctx, toggles):
    """Callgrind ignores a --toggle-collect naming no function, which would count the wrong instructions: every name
    must be a function of the interpreter."""
    symbols = set(subprocess.run(['nm', ctx.micropython], check=True, capture_output=True, text=True).stdout.split())
    missing = [f for f in toggles if f not in symbols]
    if missing:
        raise RuntimeError(f'no function {", ".join(missing)} in {ctx.micropython}: the flush cost would count the '
                           f'wrong instructions')


def driver_instructions(ctx, mode, frames, engine=False):
    """Instructions of `display_fps.py --cost MODE FRAMES` outside the simulated calls. Callgrind toggles collection
    at the entry and exit of each listed function: off inside a simulated call, on again inside a handler it runs.
    engine=True: `--cost-engine`, collecting only inside the callback slots as the engine calls them."""
    out = os.path.join(ctx.work, f'callgrind.flush.{mode}.{frames}.{int(engine)}')
    env = dict(os.environ, MICROPYPATH=os.path.join(os.path.dirname(HERE), 'drivers'))
    toggles = SIM_CALLS + HANDLERS + (SLOTS[mode] if engine else ())
    check_toggles(ctx, toggles)
    flag = '--cost-engine' if engine else '--cost'
    # --collect-atstart comes last: callgrind turns it off when it reads a --toggle-collect.
    options = ['--toggle-collect=' + f for f in toggles] + ['--collect-atstart=' + ('no' if engine else 'yes')]
    return callgrind.instructions([ctx.micropython, os.path.join(HERE, 'display_fps.py'), flag, mode, str(frames)],
                                  out, options, env=env, cwd=ctx.work)


def print_flush_cost(ctx):
    for engine, what in ((False, 'called from a Python loop (both modes pay the same loop and calls into it)'),
                         (True, 'as the engine calls it (C slots; trampolines into Python)')):
        print('  flush path ' + what + ':')
        per_frame = {}
        for mode in ('hybrid', 'pure'):
            try:
                per_frame[mode] = (driver_instructions(ctx, mode, N_LARGE, engine) -
                                   driver_instructions(ctx, mode, N_SMALL, engine)) / (N_LARGE - N_SMALL)
            except RuntimeError as e:
                if mode == 'hybrid':
                    raise
                print('    pure: not measurable (%s)' % str(e).strip().split('\n')[-1])
                return
            print(f'    {mode:6s}: {per_frame[mode]:7.0f} instructions per full-screen frame (4 strips; '
                  'callgrind, method in drivers/README.md)')
        print(f'    pure / hybrid: {per_frame["pure"] / per_frame["hybrid"]:.2f} (target <= 3)')
