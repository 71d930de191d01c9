# test_sqlite3.py: Debian's libsqlite3 bound from its installed sqlite3.h (tests/fixtures/CMakeLists.txt): Python row
# callbacks of sqlite3_exec (void * user-data convention), exceptions in them, a stored hook that must survive
# collections, replacing it, and a C function of another generated module as the hook ("hybrid").
import gc
import pointers as pt
try:
    import sqlite3 as sq
except ImportError:  # libsqlite3-dev not installed: the module is left out of the build
    print('SKIP')
    raise SystemExit

OK = sq.SQLITE.OK  # the flat name sq.SQLITE_OK is the class of SQLITE_OK_LOAD_PERMANENTLY/_SYMLINK
ROWS = [(1, 'one'), (2, None), (3, 'three'), (40, 'forty')]
# What sqlite3_exec hands a row callback: every column as text, NULL as None.
EXPECTED = [[str(a), b] for a, b in ROWS]


def strings(blob, n):
    """The n C strings of a char ** that arrives as a Blob (sqlite3_exec's values and names); NULL gives None."""
    view = sq.C_Pointer.__cast__(blob)
    return [view[i].str_val for i in range(n)]


def exec_ok(db, sql):
    rc = sq.exec(db, sql, None, None, None)
    assert rc == OK, rc


def open_memory():
    out = sq.C_Pointer()
    assert sq.open(':memory:', out) == OK
    return out.ptr_val


def sql_value(v):
    return 'NULL' if v is None else "'%s'" % v


memory_before = sq.memory_used()
db = open_memory()
exec_ok(db, 'CREATE TABLE t(a INTEGER, b TEXT)')
exec_ok(db, 'INSERT INTO t VALUES ' + ', '.join('(%d, %s)' % (a, sql_value(b)) for a, b in ROWS))

# (a) A Python row callback gets every row, the column names, and the user object given to exec (the same object).
print('(a) rows')
tag = ['user data']
got, users = [], []


def collect(user, ncols, values, names):
    users.append(user)
    got.append(strings(values, ncols))
    assert strings(names, ncols) == ['a', 'b']
    return 0


errmsg = sq.C_Pointer()
print('rc ok:', sq.exec(db, 'SELECT a, b FROM t ORDER BY a', collect, tag, errmsg) == OK)
print(got)
print('rows as inserted:', got == EXPECTED, 'user is the object given:', all(u is tag for u in users),
      'no errmsg:', errmsg.ptr_val is None)

# (b) A non-zero return stops the query: SQLITE_ABORT and sqlite3's message (freed with sqlite3_free).
print('(b) abort')
seen = []


def stop_after_two(user, ncols, values, names):
    seen.append(strings(values, ncols))
    return len(seen) == 2


rc = sq.exec(db, 'SELECT a, b FROM t ORDER BY a', stop_after_two, None, errmsg)
print('SQLITE_ABORT:', rc == sq.SQLITE.ABORT, 'rows before the stop:', seen == EXPECTED[:2], errmsg.str_val)
sq.free(errmsg.ptr_val)


# (c) A callback that raises: C gets 0, the very exception object is raised once sqlite3_exec has returned, and the
# connection is intact (no transaction left open, the next queries work, nothing pending afterwards).
print('(c) raise')


class RowError(Exception):
    pass


boom = RowError('bad row', 2)


def raise_on_second(user, ncols, values, names):
    if strings(values, ncols)[0] == '2':
        raise boom
    return 0


try:
    sq.exec(db, 'SELECT a, b FROM t ORDER BY a', raise_on_second, None, None)
    print('no exception')
except RowError as e:
    print('raised after exec returned:', type(e).__name__, e.args, 'same object:', e is boom)
print('autocommit (no open transaction):', sq.get_autocommit(db))
got = []
print('next query:', sq.exec(db, 'SELECT a, b FROM t ORDER BY a', collect, tag, None) == OK, got == EXPECTED)
print('nothing pending:', sq.exec(db, 'SELECT 1', None, None, None) == OK)
# Exceptions of any kind, from a callback raising while the library is inside a write.
try:
    sq.exec(db, "UPDATE t SET b = 'x' WHERE a = 1; SELECT a FROM t", lambda *a: 1 // 0, None, None)
except ZeroDivisionError:
    print('ZeroDivisionError after exec')
got = []
sq.exec(db, 'SELECT a, b FROM t WHERE a = 1', collect, tag, None)
print('the write before it stands:', got)
exec_ok(db, "UPDATE t SET b = 'one' WHERE a = 1")
# A callback returning something that is not an int: TypeError after the call, like an exception it raised.
try:
    sq.exec(db, 'SELECT 1', lambda *a: 'not an int', None, None)
except TypeError:
    print('TypeError for a non-int result')


# (d) A stored registration: sqlite3_update_hook keeps the callable for later statements. The only reference left is
# the one the binding keeps; collections and heavy allocation in between must not lose it.
print('(d) stored hook')
changes = []


def install_hook():
    def on_change(user, op, dbname, table, rowid):
        changes.append((user, op, dbname, table, rowid))
    assert sq.update_hook(db, on_change, 'hook data') is None  # no previous hook


install_hook()
for round in range(20):
    junk = [bytearray(1000) for _ in range(100)]
    gc.collect()
junk = None
exec_ok(db, "INSERT INTO t VALUES (50, 'fifty'); UPDATE t SET b = 'FIFTY' WHERE a = 50; DELETE FROM t WHERE a = 50")
rowid = len(ROWS) + 1
want = [('hook data', op, 'main', 't', rowid) for op in (sq.SQLITE.INSERT, sq.SQLITE.UPDATE, sq.SQLITE.DELETE)]
print('every change seen:', changes == want, changes)


# A raising hook, fired from sqlite3_step (a function without callback parameters): raised when step returns.
def bad_hook(user, op, dbname, table, rowid):
    raise KeyError('hook failed on rowid %d' % rowid)


sq.update_hook(db, bad_hook, None)
stmt = sq.C_Pointer()
assert sq.prepare_v2(db, "INSERT INTO t VALUES (60, 'sixty')", -1, stmt, None) == OK
try:
    sq.step(stmt.ptr_val)
    print('no exception')
except KeyError as e:
    print('raised when step returned:', e)
print('finalize ok:', sq.finalize(stmt.ptr_val) == OK)

# (e) Replacing the hook releases the previous callable: 50 hooks holding 100 KB each would need 5 MB, more than the
# 4 MB heap, if replaced ones stayed reachable.
print('(e) replace')
fired = []


def install_heavy(k):
    ballast = bytearray(100000)
    sq.update_hook(db, lambda user, op, dbname, table, rowid: fired.append((k, len(ballast))), None)


for k in range(50):
    install_heavy(k)
    gc.collect()
exec_ok(db, 'DELETE FROM t WHERE a = 60')
print('last hook runs:', fired)
sq.update_hook(db, None, None)
exec_ok(db, 'INSERT INTO t VALUES (70, NULL); DELETE FROM t WHERE a = 70')
print('unregistered (None): not called:', fired == [(49, 100000)])
# None releases the callable: 30 hooks of 300 KB each, each unregistered with None before the next, fit in the 4 MB
# heap only if None lets the collector free them.
for k in range(30):
    install_heavy_none = bytearray(300000)
    sq.update_hook(db, lambda user, op, dbname, table, rowid, b=install_heavy_none: len(b), None)
    install_heavy_none = None
    sq.update_hook(db, None, None)
    gc.collect()
print('None releases: 30 x 300 KB registered and released')

# Closures are kept per connection: registering on a second connection keeps the first one's callable alive.
print('(e2) two connections')
db2 = open_memory()
hits = []


def install_on(conn, name):
    ballast = bytearray(300000)
    sq.update_hook(conn, lambda user, op, dbname, table, rowid: hits.append((name, len(ballast))), None)


install_on(db, 'first')
install_on(db2, 'second')
gc.collect()
junk = [bytes([i & 255]) * 100 for i in range(10000)]
junk = None
exec_ok(db, 'INSERT INTO t VALUES (90, NULL)')
exec_ok(db2, 'CREATE TABLE u(a); INSERT INTO u VALUES (1)')
print('both hooks ran:', hits)
sq.update_hook(db2, None, None)
sq.update_hook(db, None, None)
print('close db2 ok:', sq.close(db2) == OK)

# (f) Hybrid: a C function of another generated module (pointers.get_count, int (*)(int *), the ABI of
# sqlite3_commit_hook's int (*)(void *)) is stored as a plain C address and gets the user data unchanged: it writes
# -42 into the C_Pointer at each commit and returns 0 (commit goes on). Another signature is refused.
print('(f) hybrid')
counter = pt.C_Pointer()
sq.commit_hook(db, pt.get_count, counter)
before = counter.int_val
exec_ok(db, "INSERT INTO t VALUES (80, 'eighty')")
got = []
sq.exec(db, 'SELECT a, b FROM t WHERE a = 80', collect, tag, None)
print('C hook ran:', before, counter.int_val, 'row committed:', got)
try:
    sq.commit_hook(db, pt.mul, counter)
except TypeError:
    print('TypeError for a C function of another signature')
sq.commit_hook(db, None, None)

print('close ok:', sq.close(db) == OK, 'all sqlite3 memory freed:', sq.memory_used() == memory_before)
