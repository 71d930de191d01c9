def fail(n):
    raise ValueError('bad value %d' % n)
fail(7)
