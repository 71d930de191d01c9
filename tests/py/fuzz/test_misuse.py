# Misuse fuzzer: calls every function, method, struct constructor and field of the generated modules
# with what a user might wrongly pass: wrong argument counts, wrong types, out-of-range and huge integers, None,
# huge and negative sizes, freed-looking Blobs, strings with NULs, deeply nested dicts and lists, odd buffers and
# other modules' struct instances. Each call must return or raise a Python exception: a crash, a hang (CTest's
# timeout) or a sanitizer report fails the test, as does a value the binding must reject getting through.
#
#   micropython test_misuse.py                 CI: CI_CALLS calls, seed 1, stable output only
#   micropython test_misuse.py CALLS [SEED]    longer runs; also prints the counts per outcome
#   micropython test_misuse.py CALLS SEED trace    prints each call before making it (to find a crash)
#
# Targets are found by introspection (dir() of modules and classes, f.__sig__, T.__fields__()), so new bindings are
# fuzzed without listing them. What may reach C is decided per call (README.md beside this file):
#   count   a wrong number of arguments: rejected before any conversion.
#   poison  one argument is a value its parameter's conversion must reject, so C is never entered; the other
#           arguments are anything at all. Returning normally is a binding defect ("accepted" below).
#   valid   every argument has the parameter's type (any value of it, edge values first). Only for functions
#           whose parameters are all numbers, bools, Python objects or strings (given as str or bytes, which are
#           NUL-terminated), whose result is not a pointer (memory the caller may have to free), and which DENY
#           does not list. C's contract for pointers (valid, big enough, alive) is the caller's, not the
#           binding's: pointers reach C only through struct fields and casts, which store them and never follow.
import gc
import sys

CI_CALLS = 20000
# Not sqlite3: its char * API has contracts a signature does not show (keyword_check(s, n) reads n bytes,
# free_filename frees, the uri_* functions expect sqlite's own filename layout), so "valid" calls would break them.
MODULES = ('scalars', 'structs', 'consts', 'pointers', 'pointers2', 'callbacks', 'lodepng', 'espidf', 'gui', 'cairo')

# Functions never called with valid arguments (count and poison calls still reach their wrappers), each with why.
DENY = {
    'espidf.vTaskDelay': 'sleeps for its argument in ticks: portMAX_DELAY is forever',
    'espidf.task_delay_ms': 'sleeps for its argument in milliseconds',
    'espidf.esp_err_to_name_r': 'writes up to buflen bytes through its char * buffer',
    'espidf.esp_log_level_set': 'would turn the simulation\'s log lines (which vary with the values) back on',
    'cairo.debug_reset_static_data': 'frees cairo\'s caches; cairo requires that no cairo object is alive',
}
# Pointer results that are not allocations: functions returning them may run with valid arguments.
NOT_ALLOCATING = ('pointers.null', 'pointers.offset', 'structs.ops_static', 'structs.secret_get',
                  'structs.points', 'espidf.spi_transaction_set_cb')


# A xorshift32 PRNG: the port has no random module, and the run must be reproducible from its seed.
class Rng:
    def __init__(self, seed):
        self.s = (seed * 2654435761) & 0xffffffff or 1

    def next(self):
        s = self.s
        s ^= (s << 13) & 0xffffffff
        s ^= s >> 17
        s ^= (s << 5) & 0xffffffff
        self.s = s
        return s

    def below(self, n):
        return self.next() % n

    def pick(self, seq):
        return seq[self.next() % len(seq)]

    def chance(self, percent):
        return self.next() % 100 < percent


class Probe:  # an object no conversion accepts: not a number, buffer, pointer or callable
    pass


def nested_dict(depth, key):
    d = {}
    for _ in range(depth):
        d = {key: d}
    return d


def nested_list(depth):
    v = []
    for _ in range(depth):
        v = [v]
    return v


# Signature parsing: "i32(p,S3,F<v(p)>)" -> ('i32', ['p', 'S3', 'F<v(p)>']); results may be "F<...>" too.
def split_sig(sig):
    open_at, depth = 0, 0
    while sig[open_at] != '(' or depth:
        depth += (sig[open_at] == '<') - (sig[open_at] == '>')
        open_at += 1
    params, cur = [], ''
    for ch in sig[open_at + 1:-1]:
        if ch == ',' and depth == 0:
            params.append(cur)
            cur = ''
            continue
        depth += (ch in '<(') - (ch in '>)')
        cur += ch
    if cur:
        params.append(cur)
    return sig[:open_at], params


# A signature as function pointers compare it (runtime/mpb_convert.c): every pointer code (p, P, s, o, F<...>)
# is one class, so "v(P,s,P)" fits where "v(p,p,p)" is expected.
def abi_class(sig):
    out, depth = '', 0
    for ch in sig:
        if depth:
            depth += (ch == '<') - (ch == '>')
        elif ch == '<':
            depth = 1
        elif ch in 'pPsoF':
            out += 'p'
        else:
            out += ch
    return out


INT_BITS = {'i8': 8, 'u8': 8, 'i16': 16, 'u16': 16, 'i32': 32, 'u32': 32, 'i64': 64, 'u64': 64}
FLOATS = ('f', 'd')
# mpb_code_t numbers (runtime/mpb_types.h) of the fields T.__fields__() describes.
CODE_STR, CODE_PTR, CODE_STRUCT, CODE_STRUCT_PTR, CODE_FUNPTR, CODE_OBJ = 12, 13, 14, 15, 16, 17


class Fuzzer:
    def __init__(self, rng):
        self.rng = rng
        self.outcomes = {}
        self.calls = 0
        self.accepted = []  # poison values that got through: binding defects
        self.trace = False  # print each call before making it (to find the one that crashed)
        self.modules = []
        for name in MODULES:
            try:
                self.modules.append((name, __import__(name)))
            except ImportError:
                pass
        self.functions = []  # (qualified name, function, self class or None)
        self.classes = []    # (qualified name, struct class)
        self.enums = []
        self.blob_type = None
        seen = []
        for mname, mod in self.modules:
            self.blob_type = mod.Blob
            for attr in dir(mod):
                obj = getattr(mod, attr)
                if hasattr(obj, '__sig__'):
                    self.functions.append((mname + '.' + attr, obj, None))
                elif isinstance(obj, type) and hasattr(obj, '__fields__'):
                    if obj not in seen:  # C_Pointer is shared by every module
                        seen.append(obj)
                        self.classes.append((mname + '.' + attr, obj))
                elif isinstance(obj, type):
                    self.enums.append(obj)
        for cname, cls in self.classes:
            for attr in dir(cls):
                obj = getattr(cls, attr)
                if hasattr(obj, '__sig__'):
                    self.functions.append((cname + '.' + attr, obj, cls))
        self.make_pools()

    # The values drawn from. "Pointer-like" ones (Blobs, buffers, instances) are only stored, cast or rejected.
    def make_pools(self):
        Blob = self.blob_type
        mods = dict(self.modules)
        self.dangling = []  # freed-looking Blobs: the address of memory already given back
        self.live = []      # (Blob, size) of C memory freed at the end
        if 'espidf' in mods:
            esp = mods['espidf']
            b = esp.heap_caps_malloc(64, esp.CAP.DMA)
            esp.heap_caps_free(b)
            self.dangling.append(b)
            self.live.append((esp.heap_caps_malloc(256, esp.CAP.DMA), 256, esp.heap_caps_free))
        if 'pointers' in mods:
            pt = mods['pointers']
            b = pt.alloc(16)
            pt.free(b)
            self.dangling.append(b)
        # The highest address of the target's pointer width (2**64 - 1 with 64-bit words, 2**32 - 1 on 32-bit ones).
        self.dangling += [Blob(8), Blob(0xdeadbeef), Blob(2 * sys.maxsize + 1)]
        ints = [0, 1, -1, 7, 127, 128, -128, -129, 255, 256, 2 ** 15, 2 ** 16, 2 ** 31 - 1, 2 ** 31, -2 ** 31,
                -2 ** 31 - 1, 2 ** 32, 2 ** 62 - 1, 2 ** 62, 2 ** 63 - 1, 2 ** 63, -2 ** 63, -2 ** 63 - 1,
                2 ** 64 - 1, 2 ** 64, -2 ** 64, 2 ** 100, -2 ** 100, 2 ** 1000]
        self.ints = ints
        self.floats = [0.0, -0.0, 1.5, -2.5, 1e308, -1e308, 1e-308, float('inf'), float('-inf'), float('nan')]
        self.strs = ['', 'a', 'a\x00b', '\x00', 'x' * 300, 'y' * 5000, '\u00e9\u4e2d', 'tl', 'x', 'name']
        self.bytes_ = [b'', b'\x00', b'a\x00b', b'z' * 4097]
        buffers = [bytearray(0), bytearray(3), bytearray(4097), memoryview(bytearray(7))[1:6],
                   memoryview(b'abc'), bytearray(b'\xff' * 5)]
        try:
            import array
            buffers.append(array.array('h', [1, -2, 3]))
        except ImportError:
            pass
        self.buffers = buffers
        self.instances = [cls() for _, cls in self.classes if cls.__fields__()]
        funcs = [f for _, f, _ in self.functions]
        self.cfuns = [funcs[k] for k in range(0, len(funcs), max(1, len(funcs) // 12))]
        self.others = [None, True, False, [], [1, 2, 3], (1,), {}, {'x': 1, 'y': 'z'}, {1: 2},
                       nested_dict(300, 'x'), nested_dict(300, 'tl'), nested_list(1000), Probe(), Probe,
                       lambda *a: None, print, Ellipsis, self.blob_type(0), object()]
        self.pool = (ints + self.floats + self.strs + self.bytes_ + buffers + self.instances + self.dangling +
                     [b for b, _, _ in self.live] + self.cfuns + self.others)

    def any_value(self):
        return self.rng.pick(self.pool)

    # A value the conversion for code must reject, or None when every object is accepted.
    def poison_for(self, code):
        r = self.rng
        if code in INT_BITS:
            # An N-bit type, signed or not, takes -2^(N-1) .. 2^N-1 (runtime/README.md): just beyond either end.
            bits = INT_BITS[code]
            out = [-2 ** (bits - 1) - 1, 2 ** bits, -2 ** 100, 2 ** 100]
            return r.pick(out + [None, 1.5, 'a\x00', b'1', [], {}, Probe(), self.rng.pick(self.dangling)])
        if code in FLOATS:
            return r.pick([None, '1.0', b'', [], (1.0,), Probe(), self.blob_type(0)])
        if code == 's':
            return r.pick([0, 7, 2 ** 64, 1.5, True, [], {}, Probe(), nested_list(3)])
        if code in ('p', 'P') or code[0] == 'S':
            # Lists and tuples are C arrays where a pointer's elements are typed (`const int *`), so only by value
            # are they certainly wrong.
            out = [0, -1, 2 ** 70, 1.5, True, Probe(), lambda: 0]
            if code[0] == 'S':
                out += [None, {}, {'x': 1}, [], (1,)] + self.buffers  # by value: an instance of that class only
            return r.pick(out)
        if code[0] == 'F':
            want = abi_class(code[2:-1])
            wrong = [f for f in self.cfuns if abi_class(f.__sig__) != want]
            return r.pick([0, 2 ** 64, 1.5, 'f', b'\x00', [], Probe()] + wrong)
        return None  # 'b' (truth value) and 'o' (the object itself) take anything

    # A value of the parameter's type, for calls that reach C.
    def valid_for(self, code):
        r = self.rng
        if code in INT_BITS:
            bits = INT_BITS[code]
            lo, hi = (0, 2 ** bits - 1) if code[0] == 'u' else (-2 ** (bits - 1), 2 ** (bits - 1) - 1)
            return r.pick([lo, hi, 0, 1, lo + 1, hi - 1, True, False, lo + r.below(1 << min(bits, 30)),
                           hi - r.below(1 << min(bits, 30))])
        if code in FLOATS:
            return r.pick(self.floats + [0, -7, 2 ** 64, 2 ** 1000, True])
        if code == 's':
            return r.pick(self.strs + self.bytes_)
        return self.any_value()  # 'b', 'o'

    def record(self, outcome):
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        self.calls += 1

    # Runs f(*args, **kw) and records how it ended; returns the result or None.
    def attempt(self, f, args, kw=None, must_reject=None):
        if self.trace:
            print('call', self.calls, f, [repr(a)[:40] if type(a) in (int, type(print)) or hasattr(a, '__sig__') else type(a).__name__ for a in args], kw)
        try:
            result = f(*args, **kw) if kw else f(*args)
        except Exception as e:  # every Python exception is a valid outcome; only a crash is not
            self.record(type(e).__name__)
            return None
        self.record('returned')
        if must_reject is not None and len(self.accepted) < 20:
            self.accepted.append(must_reject)
        try:
            repr(result)
        except Exception:
            pass
        return result

    def call_function(self, name, f, cls):
        r = self.rng
        ret, params = split_sig(f.__sig__)
        n = len(params)
        roll = r.below(100)
        if roll < 15:
            args = [self.any_value() for _ in range(r.pick([0, 1, 2, 3, 4, 5, 12]))]
            if len(args) == n:
                args.append(None)
            self.attempt(f, args)
            return
        if roll < 20:
            self.attempt(f, [self.any_value() for _ in range(n)], {'x': 1})  # keywords are refused
            return
        valid_ok = (name not in DENY and (ret not in ('p', 'P') or name in NOT_ALLOCATING) and
                    all(c in INT_BITS or c in FLOATS or c in ('b', 'o', 's') for c in params))
        # With a Python callable for a callback, its user-data pointer takes any object (handed back to the
        # callable), so in a function with a callback no untyped pointer is a certain poison.
        has_callback = any(c[0] == 'F' for c in params)
        poisonable = [k for k in range(n) if self.poison_for(params[k]) is not None and
                      not (has_callback and params[k] == 'p')]
        if valid_ok and (roll < 60 or not poisonable):
            self.attempt(f, [self.valid_for(c) for c in params])
            return
        if not poisonable:
            self.attempt(f, [self.any_value() for _ in range(n + 1)])  # only a count error is certain
            return
        k = r.pick(poisonable)
        args = [self.any_value() for _ in range(n)]
        args[k] = self.poison_for(params[k])
        if cls is not None and k != 0 and r.chance(50):
            inst = self.instance_of(cls)
            if inst is not None:  # the same call as a bound method
                self.attempt(getattr(inst, name.split('.')[-1]), args[1:],
                             must_reject=(name, k, f.__sig__, type(args[k]).__name__))
                return
        self.attempt(f, args, must_reject=(name, k, f.__sig__, type(args[k]).__name__))

    def instance_of(self, cls):
        for inst in self.instances:
            if type(inst) is cls:
                return inst
        return None

    # A value for a field of this code: pointer fields only store what they get, so anything; a char * field is
    # read back with strlen, so it gets only NUL-terminated strings, None or a value it must reject.
    def field_value(self, code):
        if code == CODE_STR:
            return self.rng.pick(self.strs + self.bytes_ + [None, 5, 1.5, [], Probe()])
        return self.any_value()

    def struct_ops(self, cls):
        r = self.rng
        if not cls.__fields__():
            # A class without fields is opaque: T(...) is refused or calls the library's constructor (handle_t,
            # cairo's region_t), whose object the fuzzer would leak. Only views of it are made.
            self.attempt(cls.__cast__, [self.any_value()])
            return
        roll = r.below(10)
        if roll < 3:
            self.construct(cls)
            return
        inst = self.instance_of(cls) if r.chance(50) else self.attempt(cls, [])
        fields = cls.__fields__()
        if roll < 8 and fields:
            self.field_ops(inst, r.pick(fields))
        else:
            self.instance_ops(cls, inst)

    def construct(self, cls):
        r = self.rng
        fields = cls.__fields__()
        kind = r.below(6)
        if kind == 0:  # T(n): huge, negative, wrapping sizes
            size = max(cls.SIZE, 1)
            # n * SIZE just beyond 2**64 (wrapping around to a few bytes) and beyond the small ints; int(str)
            # gives a small int where the arithmetic of big ints would keep a big one
            wrap = [int(str(2 ** 64 // size + 1)), int(str((2 ** 62 - 1) // size + 1))]
            n = r.pick(self.ints + wrap + [3, 0, -5])
            inst = self.attempt(cls, [n])
            count = self.attempt(len, [inst]) if inst is not None else None
            if count:  # T(n) arrays (a class with a C constructor gives what it returns)
                for i in (0, count - 1, count, -1, -count - 1, r.below(count)):
                    self.attempt(self.get_item, [inst, i])
                    self.attempt(self.set_item, [inst, i, {}])
        elif kind == 1:  # T({...}): right and wrong names, any values, nesting
            d = {}
            for _ in range(r.below(4)):
                key = r.pick(fields)[0] if fields and r.chance(70) else r.pick(self.strs + [1, b'x', None])
                d[key] = r.pick([self.any_value(), {}, nested_dict(r.below(50), r.pick(['x', 'tl']))])
            self.attempt(cls, [d])
        elif kind == 2 and fields:  # T(a=1, ...)
            f = r.pick(fields)
            self.attempt(cls, [], {f[0]: self.field_value(f[1])})
        elif kind == 3:  # T(other): the same class, another class, anything
            self.attempt(cls, [r.pick(self.instances + [self.any_value()])])
        else:
            self.attempt(cls, [self.any_value() for _ in range(r.pick([1, 2, 3]))])

    @staticmethod
    def get_item(inst, i):
        return inst[i]

    @staticmethod
    def set_item(inst, i, v):
        inst[i] = v

    def field_ops(self, inst, field, in_union=False):
        name, code, count = field
        r = self.rng
        in_union = in_union or repr(inst).startswith('<union')
        # In a union, a char * or mp_obj_t member overlaps others that may hold any bits (C_Pointer.int_val = 5
        # makes str_val 5): reading it follows them, in Python as in C. Such members are only written.
        readable = not (in_union and code in (CODE_STR, CODE_OBJ))
        if r.chance(40) and readable:
            v = self.attempt(getattr, [inst, name])
            if count and v is not None:
                self.array_ops(v, code, count)
            elif code == CODE_STRUCT and v is not None and r.chance(50):
                sub = v.__fields__()
                if sub:
                    self.field_ops(v, r.pick(sub), in_union)  # a view into inst: safe to follow
        elif count and r.chance(50):
            self.attempt(setattr, [inst, name, [self.field_value(code) for _ in range(r.below(count + 3))]])
        else:
            self.attempt(setattr, [inst, name, self.field_value(code)])
            if r.chance(20) and readable:
                gc.collect()  # what a field in C memory holds must survive a collection
                self.attempt(getattr, [inst, name])
        if r.chance(5):
            self.attempt(delattr, [inst, name])

    def array_ops(self, arr, code, count):
        r = self.rng
        i = r.pick([0, count - 1, count, -1, -count, -count - 1, 2 ** 40, 2 ** 70, 'a', None])
        if r.chance(50):
            self.attempt(lambda: arr[i], [])
        else:
            self.attempt(self.set_item, [arr, i, self.field_value(code)])
        self.attempt(len, [arr])
        self.attempt(bytes, [arr])

    def instance_ops(self, cls, inst):
        r = self.rng
        op = r.below(6)
        if op == 0:  # a view of anything; never read through it (the memory may be garbage)
            self.attempt(cls.__cast__, [self.any_value()])
        elif op == 1:  # re-pointed at NULL (or rejected): fields must then raise, not crash
            view = cls.__cast__(bytearray(max(cls.SIZE, 1)))
            self.attempt(view.__cast_instance__, [r.pick([None, 5, 1.5, Probe(), bytearray(cls.SIZE + 8)])])
            fields = cls.__fields__()
            if fields:
                self.attempt(getattr, [view, r.pick(fields)[0]])
                self.attempt(setattr, [view, r.pick(fields)[0], 0])
            self.attempt(bytes, [view])
            self.attempt(cls, [view])
            self.attempt(lambda: view[0], [])
        elif op == 2:
            self.attempt(bytes, [inst])
            self.attempt(len, [inst])
            self.attempt(bool, [inst])
        elif op == 3:
            self.attempt(getattr, [inst, r.pick(self.strs + ['SIZE', '__cast__'])])
            self.attempt(setattr, [inst, r.pick(self.strs + ['SIZE']), self.any_value()])
        elif op == 4:
            self.attempt(lambda: inst[r.pick([0, -1, 1, 2 ** 70, 'x', None])], [])
            self.attempt(self.set_item, [inst, r.pick([0, 1, 'x']), self.any_value()])
        else:
            self.attempt(cls, [inst])
            self.attempt(cls.__fields__, [])

    def blob_ops(self):
        r = self.rng
        Blob = self.blob_type
        op = r.below(4)
        if op == 0:
            self.attempt(Blob, [self.any_value()])
        elif op == 1:
            self.attempt(Blob, [self.any_value(), self.any_value()])
        elif op == 2 and self.live:
            b, size, _ = r.pick(self.live)
            # within the block: a valid memoryview; NULL and negative sizes must raise
            self.attempt(b.__dereference__, [r.pick([0, 1, size, -1, -2 ** 40, 2 ** 70, None, 1.5])])
            self.attempt(Blob(0).__dereference__, [r.pick([0, 4, -1])])
        else:
            b = r.pick(self.dangling)
            self.attempt(b.__address__, [])
            self.attempt(lambda: b == r.pick(self.dangling), [])
            self.attempt(lambda: b == Blob(0), [])

    def constant_ops(self):
        if self.enums:
            cls = self.rng.pick(self.enums)
            names = dir(cls)
            if names:
                self.attempt(getattr, [cls, self.rng.pick(names)])
            self.attempt(setattr, [cls, 'X', 1])
            self.attempt(cls, [])

    def step(self):
        r = self.rng
        roll = r.below(100)
        if roll < 60:
            self.call_function(*r.pick(self.functions))
        elif roll < 90:
            self.struct_ops(r.pick(self.classes)[1])
        elif roll < 96:
            self.blob_ops()
        else:
            self.constant_ops()

    def finish(self):
        for b, _, free in self.live:
            free(b)


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else CI_CALLS
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    fz = Fuzzer(Rng(seed))
    fz.trace = len(sys.argv) > 3 and sys.argv[3] == 'trace'
    for name, mod in fz.modules:
        if name == 'espidf':  # the simulation logs rejected pins and hosts; the output must not depend on them
            mod.esp_log_level_set('*', mod.ESP_LOG.NONE)
    while fz.calls < calls:
        fz.step()
        if fz.calls % 500 < 3:
            gc.collect()
    fz.finish()
    gc.collect()
    print('modules:', len(fz.modules) >= 7)
    print('functions >= 150:', len(fz.functions) >= 150)
    print('struct classes >= 15:', len(fz.classes) >= 15)
    print('calls >= %d:' % calls, fz.calls >= calls)
    print('returned and raised both seen:', fz.outcomes.get('returned', 0) > 0 and len(fz.outcomes) > 3)
    print('accepted values that must be rejected:', len(fz.accepted))
    for a in fz.accepted:
        print('  accepted:', a)
    if len(sys.argv) > 1:
        print('seed', seed, 'modules', [m for m, _ in fz.modules], 'functions', len(fz.functions),
              'classes', len(fz.classes))
        print('calls', fz.calls)
        for k in sorted(fz.outcomes):
            print('  %-16s %d' % (k, fz.outcomes[k]))
    print('done')


main()
