# checks.py: helpers shared by the generated-module tests.


def err(f, *args):
    """Calls f(*args) and prints the exception it raises (type and message), or 'no error'."""
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('no error')


def collect(size=48, count=200):
    """Collects twice with an allocation burst between, so blocks freed by the first collection are reused and a
    pointer C still holds into them would be overwritten (a use-after-free shows as wrong data, not luck)."""
    import gc
    gc.collect()
    junk = [bytearray(size) for i in range(count)]
    junk = None
    gc.collect()
