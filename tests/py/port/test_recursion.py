# Runaway recursion is a RuntimeError, not a crash: the port sets a stack limit below the real one.
def f(n):
    return f(n + 1)
try:
    f(0)
except RuntimeError as e:
    print("RuntimeError", e)
