# test_consts.py: enums grouped into classes by prefix, anonymous enums, macro constants (int, expression, str, float).
import consts as cs

print(cs.MODE.INPUT, cs.MODE.OUTPUT, cs.MODE.OPEN_DRAIN)
print(cs.LEVEL.LOW, cs.LEVEL.HIGH)
print(cs.FLAG.A, cs.FLAG.B)
print(cs.mode_value(cs.MODE.OPEN_DRAIN), cs.level_sign(cs.LEVEL.LOW))
print(cs.SHIFT, cs.MASK, cs.VERSION, cs.RATIO, cs.BIG, cs.NEG)
print(cs.CS.MASK, cs.CS.VERSION)
print(cs.MODE)
print(hasattr(cs, 'MODE_INPUT'))
try:
    cs.MODE.NOPE
except AttributeError:
    print('AttributeError')
