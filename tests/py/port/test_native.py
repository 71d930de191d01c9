# test_native.py: @micropython.native and @micropython.viper (the cases are in native_cases.py). Only x86-64 builds
# have a native emitter (port/mpconfigport.h); elsewhere viper is a SyntaxError and this test is skipped
# (test_native_fallback.py checks those builds).
try:
    exec('@micropython.viper\ndef probe():\n    pass\n')
except SyntaxError:
    print('SKIP')
    raise SystemExit
import native_cases  # noqa: F401 (prints the results)
