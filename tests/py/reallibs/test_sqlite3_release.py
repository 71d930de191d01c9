# test_sqlite3_release.py: Debian's libsqlite3: each registration owns its closure, released when sqlite3 can no
# longer call it. Two collations on one connection (each its own callable, also after collections), one replaced
# (sqlite3 destroys the old one exactly once), a destroy-notify given as None, two connections, closing (sqlite3
# destroys the rest once each), hooks replaced and removed; isrtest.closures_live() returns to where it was.
import sys
sys.path.append('../gen')
from checks import collect
import isrtest
try:
    import sqlite3 as sq
except ImportError:  # libsqlite3-dev not installed: the module is left out of the build
    print('SKIP')
    raise SystemExit

OK = sq.SQLITE.OK
live = isrtest.closures_live
base = live()


def open_memory():
    out = sq.C_Pointer()
    assert sq.open(':memory:', out) == OK
    return out.ptr_val


def rows(db, sql):
    got = []

    def row(user, n, values, names):
        got.append(sq.C_Pointer.__cast__(values)[0].str_val)
        return 0
    assert sq.exec(db, sql, row, None, None) == OK
    return got


def text(blob, n):
    return bytes(blob.__dereference__(n)).decode() if n else ''


def compare_by(tag, key, log):
    def compare(user, n1, a, n2, b):
        log.append(tag)
        x, y = key(text(a, n1)), key(text(b, n2))
        return (x > y) - (x < y)
    return compare


destroyed = []


def destroy(user):
    destroyed.append(user)


db = open_memory()
assert sq.exec(db, "CREATE TABLE t(w TEXT); INSERT INTO t VALUES ('ccc'), ('a'), ('bb'), ('dddd')", None, None, None) == OK

print('two collations on one connection')
used = []
print(sq.create_collation_v2(db, 'BYLEN', sq.SQLITE.UTF8, 'len data', compare_by('len', len, used), destroy) == OK)
collect()
print(sq.create_collation_v2(db, 'REV', sq.SQLITE.UTF8, 'rev data', compare_by('rev', lambda s: ''.join(reversed(s)), used),
                             destroy) == OK)
collect()
print('live', live() - base)
print(rows(db, 'SELECT w FROM t ORDER BY w COLLATE BYLEN'), sorted(set(used)))
used.clear()
print(rows(db, 'SELECT w FROM t ORDER BY w COLLATE REV DESC'), sorted(set(used)))
used.clear()

print('replacing one: sqlite3 destroys the old one once')
print(sq.create_collation_v2(db, 'BYLEN', sq.SQLITE.UTF8, 'len2 data', compare_by('len2', lambda s: -len(s), used),
                             destroy) == OK)
collect()
print('destroyed', destroyed, 'live', live() - base)
print(rows(db, 'SELECT w FROM t ORDER BY w COLLATE BYLEN'), sorted(set(used)))
used.clear()

print('a destroy-notify given as None: sqlite3 still gets one (released at close)')
print(sq.create_collation_v2(db, 'PLAIN', sq.SQLITE.UTF8, None, compare_by('plain', str, used), None) == OK)
print('live', live() - base)

print('a second connection')
db2 = open_memory()
assert sq.exec(db2, "CREATE TABLE t(w TEXT); INSERT INTO t VALUES ('x'), ('yyy')", None, None, None) == OK
print(sq.create_collation_v2(db2, 'BYLEN', sq.SQLITE.UTF8, 'db2 data', compare_by('db2', len, used), destroy) == OK)
collect()
print(rows(db2, 'SELECT w FROM t ORDER BY w COLLATE BYLEN DESC'), sorted(set(used)))
used.clear()
print(rows(db, 'SELECT w FROM t ORDER BY w COLLATE BYLEN'), sorted(set(used)))
used.clear()

print('hooks: one per connection, replaced, removed')
changes = []
sq.update_hook(db, lambda user, op, name, table, rowid: changes.append(('first', rowid)), None)
collect()
sq.update_hook(db, lambda user, op, name, table, rowid: changes.append(('second', rowid)), None)
collect()
sq.update_hook(db2, lambda user, op, name, table, rowid: changes.append(('db2', rowid)), None)
collect()
assert sq.exec(db, "INSERT INTO t VALUES ('e')", None, None, None) == OK
assert sq.exec(db2, "INSERT INTO t VALUES ('f')", None, None, None) == OK
print(changes, 'live', live() - base)
sq.update_hook(db, None, None)
sq.update_hook(db2, None, None)
print('removed, live', live() - base)

print('closing: every destroy-notify once')
destroyed.clear()
print(sq.close(db) == OK, sorted(destroyed))
print(sq.close(db2) == OK, sorted(destroyed))
collect()
print('all released', live() == base)
