# LVGL's file-system driver idiom (lv_binding's fs_driver.py) on tests/fixtures/lvfs: open_cb returns a dict where C
# expects the `void *` file handle; C keeps only the pointer (in memory the GC does not scan), hands it back to
# read_cb and close_cb, where `fs_file.__cast__()` is the same dict. The dict stays alive across collections while
# the file is open and is released when close_cb has had it: isrtest.handles_live() counts what C holds.
from checks import collect
import struct
import lvfs as lv
import isrtest

live = isrtest.handles_live
base = live()
files = {'a.txt': b'hello, handles', 'b.txt': b'0123456789'}
closed = []


def fs_open_cb(drv, path, mode):
    if path not in files:
        return None
    return {'path': path, 'data': files[path], 'pos': 0, 'mode': mode}


def fs_read_cb(drv, fs_file, buf, btr, br):
    f = fs_file.__cast__()
    chunk = f['data'][f['pos']:f['pos'] + btr]
    f['pos'] += len(chunk)
    buf.__dereference__(btr)[0:len(chunk)] = chunk
    br.__dereference__(4)[0:4] = struct.pack('<L', len(chunk))
    return 0


def fs_close_cb(drv, fs_file):
    closed.append(fs_file.__cast__()['path'])
    return 0


drv = lv.fs_drv_t()
drv.init()
drv.letter = ord('S')
drv.open_cb = fs_open_cb
drv.read_cb = fs_read_cb
drv.close_cb = fs_close_cb
drv.register()


def read_all(fd, size):
    buf = bytearray(size)
    n = lv.fs_read(fd, buf, size)
    return bytes(buf[:n])


print('two files open at once, collections in between')
fa = lv.fs_open('S:a.txt', 1)
fb = lv.fs_open('S:b.txt', 1)
print(fa >= 0, fb >= 0, fa != fb, 'held', live() - base, 'open', lv.fs_open_count())
collect(64)
print(read_all(fa, 5), read_all(fb, 4))
collect(64)
print(read_all(fa, 32), read_all(fb, 3))

print('a missing file: open_cb returns None, C gets NULL, nothing is held')
print(lv.fs_open('S:none.txt', 1), 'held', live() - base)

print('close releases exactly that file')
print(lv.fs_close(fa), closed, 'held', live() - base)
collect(64)
print(read_all(fb, 8), 'after a collection')
print(lv.fs_close(fb), closed, 'held', live() - base, 'open', lv.fs_open_count())

print('open and close many times: nothing accumulates')
for i in range(50):
    fd = lv.fs_open('S:b.txt', 1)
    collect(64) if i % 10 == 0 else None
    lv.fs_close(fd)
print('held', live() - base, 'closes', len(closed))

print('open_cb returning something that is no pointer is a TypeError raised by the C call')
files['bad'] = None
drv.open_cb = lambda d, p, m: 12345
try:
    lv.fs_open('S:bad', 1)
    print('no error')
except TypeError as e:
    print('TypeError')
print('held', live() - base, 'open', lv.fs_open_count())

