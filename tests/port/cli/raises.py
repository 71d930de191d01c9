# Raises through a call chain: the traceback text is checked by port/exit_1_with_traceback.
def fail(n):
    raise ValueError('bad value %d' % n)
fail(7)
