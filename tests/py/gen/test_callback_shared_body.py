# Two callback fields of one shape (monitor_cb, stats_cb: same C types, same struct argument) share one trampoline
# body, each with its own C function pointer and slot: each finds its own callable, on two driver instances,
# through replacement, None and collection.
import gc
import callbacks as cb

def driver(name, log):
    d = cb.disp_drv_t()
    cb.disp_drv_init(d)
    d.flush_cb = lambda dd, area, px: cb.disp_flush_ready(dd)
    d.monitor_cb = lambda dd, t, px: log.append((name, 'monitor', t, px))
    d.stats_cb = lambda dd, strips, rows: log.append((name, 'stats', strips, rows))
    return d

log = []
a = driver('a', log)
b = driver('b', log)
gc.collect()
cb.disp_refresh(a, 2)
cb.disp_refresh(b, 4)
print(log)

# Replacing one slot's callable leaves the other's; None silences one slot only.
log.clear()
a.stats_cb = lambda dd, strips, rows: log.append(('a', 'stats2', strips * 100, rows))
b.monitor_cb = None
gc.collect()
cb.disp_refresh(a, 4)
cb.disp_refresh(b, 2)
print(log)
print('read back', b.monitor_cb, a.stats_cb is not None)

# An exception in one shares nothing with the other: raised once C has returned, the other slot still called.
log.clear()
def bad(dd, t, px):
    raise ValueError('monitor %d' % px)
a.monitor_cb = bad
try:
    cb.disp_refresh(a, 1)
except ValueError as e:
    print('raised', e)
print(log)
