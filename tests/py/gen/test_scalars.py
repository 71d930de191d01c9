# test_scalars.py: scalar conversions of a generated module: integer widths with range checks, floats, bools, strings.
import scalars as sc
from checks import err


print(sc.add_i8(100, 27), sc.add_i8(-100, -28))
print(sc.add_u8(200, 55), sc.add_u16(65000, 535), sc.add_i16(-32768, 0))
print(sc.add_i32(2147483647, 0), sc.add_i32(-2147483648, 0))
print(sc.add_u32(4294967295, 0))
print(sc.add_i64(9223372036854775807, 0), sc.add_i64(-9223372036854775808, 0))
print(sc.add_i64(-4611686018427387905, 1))
print(sc.add_u64(18446744073709551615, 0), sc.add_u64(1 << 63, 1))
print(sc.add_size(1 << 31, 1), sc.add_long(-5, 2), sc.next_char(64))
print(sc.add(2, 3), sc.sub(2, 3), sc.twice(21))
print(sc.add(True, 1))

# Every N-bit integer type takes -2^(N-1) .. 2^N-1: the same N bits read signed or unsigned, as C's conversion of
# that bit pattern gives (-1 for an unsigned type is all ones, the way C code passes portMAX_DELAY). One beyond
# either end raises OverflowError naming the function and parameter (the original truncated silently).
for f, n in ((sc.add_i8, 8), (sc.add_u8, 8), (sc.add_i16, 16), (sc.add_u16, 16), (sc.add_i32, 32),
             (sc.add_u32, 32), (sc.add_i64, 64), (sc.add_u64, 64)):
    lo, hi = -(1 << (n - 1)), (1 << n) - 1
    print(f.__name__, f(lo, 0), f(hi, 0), f(-1, 0), f(0, 1 << (n - 1)))
    err(f, lo - 1, 0)
    err(f, 0, hi + 1)
err(sc.add_u64, -(1 << 70), 0)
err(sc.add_u32, 1 << 40, 0)

# Wrong type and wrong argument count raise TypeError naming the function and parameter.
err(sc.add, 'x', 1)
err(sc.add, 1, 2.5)
err(sc.add, 1)
err(sc.add, 1, 2, 3)
err(sc.half_d, 'x')

print(sc.half_f(3), sc.half_d(5), sc.half_d(1.5))
print(sc.not_(True), sc.not_(0), sc.is_positive(5), sc.is_positive(-5))
print(sc.greet('mpbind'), sc.greet(None), sc.strlen('four'), sc.strlen(None), sc.null_str())
print(sc.greet(b'bytes'))
err(sc.greet, 5)
print(sc.nothing())
print(sc.add)
print(sc.add.__address__ != sc.sub.__address__, sc.add.__address__ > 0)
