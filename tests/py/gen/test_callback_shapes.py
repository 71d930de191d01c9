# Callback shapes a trampoline carries out beyond scalars: a struct by value handed to the Python callable (a copy it
# may keep), and five callbacks sharing one user-data argument (one closure holds all five callables).
import gc

import callbacks as cb

# ---- each_point(cb(user, point_t by value), user, n) ----
seen = []


def visit(user, p):
    seen.append((user, p.x, p.y))
    return p.x + p.y


print('each_point', cb.each_point(visit, 'u', 3), seen)
kept = []
cb.each_point(lambda user, p: kept.append(p) or 0, None, 2)
gc.collect()
print('copies outlive the call', [(p.x, p.y) for p in kept], type(kept[0]) is cb.point_t)

# ---- pipeline(user, five stages, value): each stage its own callable, through one closure ----
stages = [lambda user, v, k=k: v * 10 + k for k in range(1, 6)]
a, b, c, d, e = stages
print('pipeline', cb.pipeline(None, a, b, c, d, e, 0))
gc.collect()
print('again after gc', cb.pipeline(None, a, b, c, d, e, 9))
# The user data comes back to every stage.
add = lambda user, v: v + len(user)
print('user data', cb.pipeline('x', add, add, add, add, add, 0))
# A stage of another signature is refused before C runs.
try:
    cb.pipeline(None, a, b, c, d, cb.each_point, 0)
except TypeError as exc:
    print('TypeError', exc)
