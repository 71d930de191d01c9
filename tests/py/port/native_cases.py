# native_cases.py: what test_native.py checks: the x86-64 emitter, its NLR and executable memory (port_exec.c).
import gc
import micropython


@micropython.native
def total(n, k):
    s = 0
    for i in range(n):
        s += i * k
    return s


@micropython.viper
def vsum(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


@micropython.viper
def fill(buf, n: int, v: int):
    p = ptr8(buf)
    for i in range(n):
        p[i] = v


def make_adder(k):
    big = 10 ** 30 + k  # a heap object the native closure reaches through its cell

    @micropython.native
    def add(x):
        return x + big
    return add


@micropython.native
def raise_out():
    raise KeyError('from native')


print(total(10, 3), vsum(100))
b = bytearray(4)
fill(b, 3, 7)
print(b)
adders = [make_adder(k) for k in range(50)]  # 50 code blocks
gc.collect()
for _ in range(3):
    bytearray(10000)  # reuse whatever the collection freed
    gc.collect()
print(adders[0](1) - 10 ** 30, adders[49](2) - 10 ** 30)
try:
    raise_out()
except KeyError as e:
    print('KeyError', e)

# Native code runs with the heap locked (as an interrupt handler does) as long as it allocates nothing.
count = [0]


@micropython.native
def handler(c):
    c[0] = c[0] + 1


micropython.heap_lock()
handler(count)
handler(count)
micropython.heap_unlock()
print('handler ran', count[0])

# A compile error in native code is a Python exception, and the interpreter goes on. try and with are among them:
# this core's emitter would leave a stale exception handler behind (port/patches/0002-native-refuse-try-with.patch).
for src in ('@micropython.viper\ndef f(a, b, c, d, e):\n    pass\n',
            '@micropython.native\ndef f(x):\n    try:\n        return x\n    except ValueError:\n        pass\n',
            '@micropython.native\ndef f(x):\n    with x:\n        return 1\n'):
    try:
        exec(src)
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise_out()  # an exception after the refused blocks finds the right handler
except KeyError as e:
    print('KeyError', e)
print(total(4, 1))
