# The traceback printed for an uncaught exception, with its chain of calls.
def inner(x):
    return 1 // x

def outer():
    return inner(0)

print('before')
outer()
print('not reached')
