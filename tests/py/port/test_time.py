# The time module: ticks move forward with the sleeps, ticks_diff handles wrap-around.
import time

t0 = time.ticks_ms()
time.sleep_ms(30)
print('sleep_ms', 30 <= time.ticks_diff(time.ticks_ms(), t0) < 2000)

u0 = time.ticks_us()
time.sleep_us(5000)
print('sleep_us', 5000 <= time.ticks_diff(time.ticks_us(), u0) < 2000000)

t0 = time.ticks_ms()
time.sleep(0.02)
print('sleep', 20 <= time.ticks_diff(time.ticks_ms(), t0) < 2000)

print(time.ticks_diff(5, 2), time.ticks_diff(2, 5))
late = time.ticks_add(0, -1)  # the largest tick value: one before 0 after wrap-around
print(late > 0, time.ticks_diff(time.ticks_add(late, 3), late))
