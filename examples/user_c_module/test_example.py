# The user module built in through USER_C_MODULES.
import example

print(example.add(2, 3), example.ANSWER)
print(example.greet('mpbind'))
try:
    example.greet(5)
except TypeError as e:
    print('TypeError', e)
