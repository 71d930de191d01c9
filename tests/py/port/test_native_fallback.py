# test_native_fallback.py: without a native emitter (the armhf pass), @micropython.native functions compile as
# bytecode (port/patches/0003) and @micropython.viper stays a SyntaxError. Skipped where the emitter exists.
import micropython

try:
    exec('@micropython.viper\ndef probe():\n    pass\n')
    print('SKIP')
    raise SystemExit
except SyntaxError:
    pass


@micropython.native
def total(n, k):
    s = 0
    for i in range(n):
        s += i * k
    return s


print(total(10, 3))
# Bytecode, not this core's native code: try blocks are accepted (the x86-64 emitter refuses them).
exec('@micropython.native\ndef guarded(x):\n    try:\n        return 1 // x\n    except ZeroDivisionError:\n'
     '        return "caught"\n')
print(guarded(0), guarded(1))
for src in ('@micropython.viper\ndef f(x: int) -> int:\n    return x\n', '@micropython.asm_thumb\ndef f():\n    pass\n'):
    try:
        exec(src)
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError', e)
