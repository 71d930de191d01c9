# test_consts.py: enums grouped into classes by prefix, anonymous enums, macro constants (int, expression, str, float).
import consts as cs

print(cs.MODE.INPUT, cs.MODE.OUTPUT, cs.MODE.OPEN_DRAIN)
print(cs.LEVEL.LOW, cs.LEVEL.HIGH)
print(cs.FLAG.A, cs.FLAG.B)
print(cs.mode_value(cs.MODE.OPEN_DRAIN), cs.level_sign(cs.LEVEL.LOW))
print(cs.SHIFT, cs.MASK, cs.VERSION, cs.RATIO, cs.BIG, cs.NEG)
print(cs.MASK, cs.VERSION, hasattr(cs, 'CS'))  # --prefix cs_ names no class of its own
print(cs.MODE)
print(hasattr(cs, 'MODE_INPUT'))
try:
    cs.MODE.NOPE
except AttributeError:
    print('AttributeError')

# Wide integers are ints like any other: same values, arithmetic and hashing, on 32-bit targets too.
wide = [cs.SMALL.MAX, cs.SMALL.NEXT, cs.SMALL.MIN, cs.SMALL.BELOW, cs.U32_MAX, cs.NEG_WIDE, cs.U64_MAX, cs.I64_MIN]
print(wide)
print(wide == [2 ** 30 - 1, 2 ** 30, -2 ** 30, -2 ** 30 - 1, 2 ** 32 - 1, -2 ** 31 - 1, 2 ** 64 - 1, -2 ** 63])
print(cs.U64_MAX + 1, cs.I64_MIN - 1, -cs.I64_MIN, cs.U32_MAX >> 16, cs.U64_MAX & 0xFF, cs.SMALL.NEXT - 1)
print({cs.U32_MAX: 'u32', cs.U64_MAX: 'u64'}[2 ** 32 - 1], type(cs.U64_MAX) is int, hasattr(cs, 'SMALL_MAX'))
