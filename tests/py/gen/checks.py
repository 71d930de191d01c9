# checks.py: helpers shared by the generated-module tests.


def err(f, *args):
    """Calls f(*args) and prints the exception it raises (type and message), or 'no error'."""
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('no error')
