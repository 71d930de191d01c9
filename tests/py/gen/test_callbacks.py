# Callbacks from C into Python through struct user-data conventions: LVGL-style driver struct and objects,
# ESP-IDF-style interrupt callbacks, zlib-style allocator callbacks, C functions in the same slots ("hybrid").
import gc
import callbacks as cb
import pointers2
import isrtest

# ---- convention 1: drv.flush_cb = f keeps f in drv.user_data's dict; C finds it through the callback's drv ----
drv = cb.disp_drv_t()
cb.disp_drv_init(drv)
areas = []
def flush(d, area, px):
    areas.append((d.hor_res, area.y1, area.y2))
    cb.disp_flush_ready(d)
drv.flush_cb = flush
print('read back', drv.flush_cb is flush, sorted(drv.user_data.keys()))
print('refresh', cb.disp_refresh(drv, 4), areas)

mon = []
drv.monitor_cb = lambda d, t, px: mon.append((t, px))
cb.disp_refresh(drv, 2)
print('monitor', mon)

# Kept alive by the struct alone: a closure nobody else references survives collection and heavy allocation.
def install(d, log):
    def f(dd, area, px):
        log.append(area.y1)
        cb.disp_flush_ready(dd)
    d.flush_cb = f
seen = []
install(drv, seen)
gc.collect()
junk = [bytearray(100) for i in range(2000)]
junk = None
gc.collect()
print('after gc', cb.disp_refresh(drv, 4), seen)

# An exception in the callback is raised once C has returned; C was not unwound and works on.
def bad(d, area, px):
    raise ValueError('boom at %d' % area.y1)
drv.flush_cb = bad
try:
    cb.disp_refresh(drv, 4)
except ValueError as e:
    print('raised after C returned:', e)
drv.flush_cb = flush
areas.clear()
print('usable again', cb.disp_refresh(drv, 1), areas)

# C's later callbacks still run after one raised (a GUI waits for their flush-ready), and their own C calls do not
# raise the earlier exception: it belongs to the outer call, raised once when that returns.
log = []
def first_fails(d, area, px):
    log.append(area.y1)
    cb.disp_flush_ready(d)
    log.append('ready')
    if area.y1 == 0:
        raise ValueError('first strip fails')
drv.flush_cb = first_fails
try:
    cb.disp_refresh(drv, 4)
except ValueError as e:
    print('raised once:', e, log)

# Results convert back with the call rules: a wrong type is a TypeError raised after the call.
drv.flush_cb = lambda d, area, px: None  # never acknowledges: C asks ready_cb
drv.ready_cb = lambda d: (cb.disp_flush_ready(d), 0)[1]
print('ready_cb', cb.disp_refresh(drv, 2))
drv.ready_cb = lambda d: 'x'
try:
    cb.disp_refresh(drv, 2)
except TypeError as e:
    print('TypeError from a bad result')

# None stores NULL and forgets the callable.
drv.ready_cb = None
drv.flush_cb = None
print('None', drv.flush_cb, 'cbt_disp_drv_t_flush_cb' in drv.user_data, cb.disp_refresh(drv, 2))

# The user data replaced under C: the call reports the lost callable instead of crashing.
drv.flush_cb = flush
drv.user_data = {}
try:
    cb.disp_refresh(drv, 1)
except RuntimeError as e:
    print('RuntimeError:', e)
# A user field holding a C pointer cannot keep a Python callable.
drv2 = cb.disp_drv_t()
drv2.user_data = pointers2.checksum  # any C address
try:
    drv2.flush_cb = flush
except TypeError as e:
    print('TypeError:', e)

# ---- hybrid: a C function of another module in the same slot runs no Python ----
drv.user_data = None
drv.flush_cb = flush
drv.monitor_cb = pointers2.count_monitor
print('C function read back', drv.monitor_cb is pointers2.count_monitor)
e0, m0 = isrtest.callback_entries(), pointers2.monitor_count()
cb.disp_refresh(drv, 4)
print('trampoline entries', isrtest.callback_entries() - e0, 'C monitor calls', pointers2.monitor_count() - m0)
try:
    drv.monitor_cb = pointers2.checksum
except TypeError as e:
    # checksum's signature names its size_t argument's width (u64 or u32).
    print('TypeError:', str(e).replace(pointers2.checksum.__sig__, '<checksum.__sig__>'))

# ---- convention 3: the registration's first argument keeps the callable; methods too ----
obj = cb.obj_t({'id': 7})
events = []
obj.set_event_cb(lambda o, ev: events.append((o.id, ev)), 2)
gc.collect()
print('filtered', cb.obj_send_event(obj, 1), cb.obj_send_event(obj, 2), events)
obj.event_cb = lambda o, ev: events.append(('field', ev))  # convention 1 on the same struct
cb.obj_send_event(obj, 2)
print('field', events[-1])

# ---- ESP-IDF style: pre/post callbacks marked --isr run with the heap locked; the transaction is a static view ----
cfg = cb.devcfg_t({'clock_speed_hz': 40000000})
t = cb.trans_t({'length': 64})
hits = [0, 0]
def post(trans):
    hits[0] = trans.done
    try:
        bytearray(4)
    except MemoryError:
        hits[1] = 1
cfg.post_cb = post
print('isr transmit', cb.transmit(cfg, t), hits)
def allocating(trans):
    return [trans.done]
cfg.pre_cb = allocating
print('after MemoryError inside', cb.transmit(cfg, t))
cfg.pre_cb = None
# A per-transaction callable in the transaction's own user dict wins over the config's.
def post_this_one(trans):
    hits[0] = -trans.length
t.user = {'cbt_devcfg_t_post_cb': post_this_one}
cb.transmit(cfg, t)
print('per transaction', hits[0])

# ---- zlib style: zalloc/zfree get the stream's opaque (the dict holding them, plus the user's own entries) ----
s = cb.stream_t()
s.opaque = {'tag': 'mine'}
blocks, freed = [], []
def zalloc(opaque, items, size):
    b = bytearray(items * size)
    blocks.append((opaque['tag'], b))
    return b
s.zalloc = zalloc
s.zfree = lambda opaque, p: freed.append(opaque['tag'])
print('stream', cb.stream_run(s, 3), [(tag, bytes(b) == b'\xa5' * 16) for tag, b in blocks], freed)
