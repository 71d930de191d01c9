"""The bad-input cases of the mpbind command line: what each is given and the one answer expected.

Each case: files to create, the arguments (paths relative to a fresh temporary folder), the expected exit code
(the codes mpbind --help documents), a regular expression for the one error message, and the outputs that must
not exist afterwards (or stay byte-for-byte as they were when they existed before)."""
import dataclasses


@dataclasses.dataclass
class Case:
    files: dict                       # name -> text, created in the temporary folder
    args: list
    code: int
    message: str                      # regex the stderr must match
    outputs: list = dataclasses.field(default_factory=lambda: ["out.c"])
    written: bool = False             # True: the outputs are expected to be written (success cases)
    error_lines: int = 1              # how many "error" lines stderr may hold: one clear message


GOOD = {"good.h": "int f(int a);\n"}
CALLBACKS = {"cb.h": "typedef struct { int len; void *user; } trans_t;\n"
                     "typedef struct { void (*post_cb)(trans_t *t); } devcfg_t;\n"}
# A library keeping its state in the GC heap, declared the way LVGL's lv_conf.h does (K&R hooks).
GC = {"gc.h": "typedef struct { void *blocks[4]; } g_state_t;\nstruct g_opaque;\nextern void *g_roots;\n"
              "extern int g_count;\nextern void g_init_gc();\nextern void g_deinit_gc();\nint g_reset(int hard);\n"}
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_STRICT, EXIT_OUTPUT = 0, 1, 2, 3, 4

CASES = {
    "missing_header": Case(
        files={}, args=["-M", "m", "-o", "out.c", "absent.h"], code=EXIT_INPUT,
        message=r"absent\.h: error: cannot open header"),
    "header_syntax_error": Case(
        files={"bad.h": "int ok(void);\nint broken(int x;\n"}, args=["-M", "m", "-o", "out.c", "bad.h"],
        code=EXIT_INPUT, message=r"bad\.h:2:\d+: error: "),
    "header_missing_include": Case(
        files={"inc.h": '#include "nothere.h"\nint f(void);\n'}, args=["-M", "m", "-o", "out.c", "inc.h"],
        code=EXIT_INPUT, message=r"inc\.h:1:10: (fatal )?error: 'nothere\.h' file not found"),
    "header_error_keeps_json_out": Case(
        files={"bad.h": "struct s { int a }\n"},
        args=["-M", "m", "-o", "out.c", "--json", "out.json", "bad.h"], code=EXIT_INPUT,
        message=r"bad\.h:1:\d+: error: ", outputs=["out.c", "out.json"]),
    "unknown_option": Case(
        files=GOOD, args=["-M", "m", "--bogus", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: unknown option '--bogus'"),
    "unknown_clang_argument": Case(
        files=GOOD, args=["-M", "m", "-o", "out.c", "good.h", "--", "--bogus-clang-flag"], code=EXIT_INPUT,
        message=r"unknown argument: '--bogus-clang-flag'"),
    "unknown_target": Case(
        files=GOOD, args=["-M", "m", "-o", "out.c", "--target", "nonsense-cpu-elf", "good.h"], code=EXIT_INPUT,
        message=r"error: libclang could not parse the headers .*'nonsense-cpu-elf' a target triple clang knows"),
    "missing_module_name": Case(
        files=GOOD, args=["-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: missing -M NAME"),
    "bad_module_name": Case(
        files=GOOD, args=["-M", "9lives", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: .*not a C identifier"),
    "no_header": Case(
        files={}, args=["-M", "m", "-o", "out.c"], code=EXIT_USAGE, message=r"^mpbind: error: no header given"),
    "output_under_a_file": Case(
        files=dict(GOOD, notadir="x"), args=["-M", "m", "-o", "notadir/out.c", "good.h"], code=EXIT_OUTPUT,
        message=r"mpbind: error: cannot write 'notadir/out\.c'", outputs=["notadir"]),
    "output_is_a_directory": Case(
        files=dict(GOOD, **{"outdir/keep": "k"}), args=["-M", "m", "-o", "outdir", "good.h"], code=EXIT_OUTPUT,
        message=r"mpbind: error: .*'outdir'", outputs=["outdir/keep"]),
    "second_output_unwritable": Case(
        files=dict(GOOD, notadir="x"), args=["-M", "m", "--json", "out.json", "-o", "notadir/out.c", "good.h"],
        code=EXIT_OUTPUT, message=r"mpbind: error: cannot write 'notadir/out\.c'", outputs=["out.json", "notadir"]),
    "output_is_a_directory_after_json": Case(
        files=dict(GOOD, **{"outdir/keep": "k"}), args=["-M", "m", "--json", "out.json", "-o", "outdir", "good.h"],
        code=EXIT_OUTPUT, message=r"mpbind: error: .*'outdir'", outputs=["out.json", "outdir/keep"]),
    "same_path_for_both_outputs": Case(
        files=GOOD, args=["-M", "m", "-o", "out.c", "--json", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"mpbind: error: .*out\.c"),
    "conflicting_names": Case(
        files={"c.h": "int foo_x(void);\nint bar_x(void);\n"},
        args=["-M", "m", "--quiet", "--prefix", "foo_", "--prefix", "bar_", "--strict", "-o", "out.c", "c.h"],
        code=EXIT_STRICT, message=r"c\.h:2: error: function bar_x skipped: .*'x'.*foo_x"),
    "conflicting_names_reported": Case(
        files={"c.h": "int foo_x(void);\nint bar_x(void);\n"},
        args=["-M", "m", "--prefix", "foo_", "--prefix", "bar_", "-o", "out.c", "c.h"], code=EXIT_OK,
        message=r"skipped 1: .*already used by function foo_x: function bar_x", written=True, error_lines=0),
    # Options that name C types, fields, functions or patterns must name something (a typo changes nothing else).
    "user_field_unknown_type": Case(
        files=CALLBACKS, args=["-M", "m", "--user-field", "transaction_t=user", "-o", "out.c", "cb.h"],
        code=EXIT_USAGE,
        message=r"^mpbind: error: --user-field 'transaction_t=user': no struct or union 'transaction_t' in the bound"),
    "user_field_unknown_field": Case(
        files=CALLBACKS, args=["-M", "m", "--user-field", "trans_t=usr", "-o", "out.c", "cb.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --user-field 'trans_t=usr': 'trans_t' has no pointer field 'usr'"),
    "isr_matches_nothing": Case(
        files=CALLBACKS, args=["-M", "m", "--user-field", "trans_t=user", "--isr", "cfg\\.pre", "-o", "out.c", "cb.h"],
        code=EXIT_USAGE, message=r"^mpbind: error: --isr 'cfg\\\.pre' matches no callback slot"),
    "allow_matches_nothing": Case(
        files=GOOD, args=["-M", "m", "--allow", "g", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --allow 'g' matches no declaration of the bound headers"),
    "block_matches_nothing": Case(
        files=GOOD, args=["-M", "m", "--block", "f_.*", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --block 'f_\.\*' matches no declaration of the bound headers"),
    "prefix_strips_nothing": Case(
        files=GOOD, args=["-M", "m", "--prefix", "g_", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --prefix 'g_' strips no name of the bound headers"),
    "include_headers_matches_nothing": Case(
        files={"inc.h": "#include <stdint.h>\nint f(int a);\n"},
        args=["-M", "m", "--include-headers", "nothing\\.h$", "-o", "out.c", "inc.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --include-headers 'nothing\\\.h\$' matches no header the bound headers include"),
    # A bad regex is the same usage error whichever option carries it.
    "include_headers_bad_regex": Case(
        files=GOOD, args=["-M", "m", "--include-headers", "(", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: invalid --include-headers regex '\('"),
    "exclude_headers_bad_regex": Case(
        files=GOOD, args=["-M", "m", "--exclude-headers", "good[.h", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: invalid --exclude-headers regex 'good\[\.h'"),
    "exclude_headers_matches_nothing": Case(
        files=GOOD, args=["-M", "m", "--exclude-headers", "nothing\\.h$", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --exclude-headers 'nothing\\\.h\$' matches no header that would be bound"),
    "allow_bad_regex": Case(
        files=GOOD, args=["-M", "m", "--allow", "(", "-o", "out.c", "good.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: invalid --allow regex '\('"),
    # What the runtime's tables cannot hold is skipped with its reason; --strict refuses it and writes nothing.
    "strict_array_beyond_a_field_row": Case(
        files={"big.h": "struct big { int n; unsigned char arr[70000]; };\n"},
        args=["-M", "m", "--quiet", "--strict", "-o", "out.c", "--json", "out.json", "big.h"], code=EXIT_STRICT,
        message=r"big\.h:1: error: field struct big\.arr skipped: array of 70000 elements in field 'arr'",
        outputs=["out.c", "out.json"]),
    "strict_field_beyond_a_field_row": Case(
        files={"far.h": "struct far { char a[65000]; char b[536]; int n; };\n"},
        args=["-M", "m", "--quiet", "--strict", "-o", "out.c", "far.h"], code=EXIT_STRICT,
        message=r"far\.h:1: error: field struct far\.n skipped: field 'n' lies at byte 65536 \(a field row reaches 65535\)"),
    "strict_bitfield_too_wide": Case(
        files={"bits.h": "struct __attribute__((packed)) b { unsigned a : 3; unsigned long long w : 62; };\n"},
        args=["-M", "m", "--quiet", "--strict", "-o", "out.c", "bits.h"], code=EXIT_STRICT,
        message=r"bits\.h:1: error: field struct b\.w skipped: field 'w' is a bit-field spanning 65 bits"),
    "strict_constant_not_finite": Case(
        files={"k.h": "#define ALL_ONES 0xffffffffffffffffULL\n#define INF_F (1.0 / 0.0)\n"},
        args=["-M", "m", "--quiet", "--strict", "-o", "out.c", "k.h"], code=EXIT_STRICT,
        message=r"k\.h:2: error: macro INF_F skipped: infinite or not-a-number value"),
    # --gc-root/--gc-hooks: the block's type must be complete, the headers' own declarations must match what the
    # module defines (`void *VAR`, `void HOOK(void)`), and the two options go together.
    "gc_root_unknown_type": Case(
        files=GC, args=["-M", "m", "--gc-root", "g_roots=g_stat_t", "--gc-hooks", "g_init_gc,g_deinit_gc",
                        "-o", "out.c", "gc.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --gc-root g_roots=g_stat_t: 'g_stat_t' is not a complete type of the headers"),
    "gc_root_incomplete_type": Case(
        files=GC, args=["-M", "m", "--gc-root", "g_roots=struct g_opaque", "--gc-hooks", "g_init_gc,g_deinit_gc",
                        "-o", "out.c", "gc.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --gc-root g_roots=struct g_opaque: .*not a complete type"),
    "gc_root_declared_otherwise": Case(
        files=GC, args=["-M", "m", "--gc-root", "g_count=g_state_t", "--gc-hooks", "g_init_gc,g_deinit_gc",
                        "-o", "out.c", "gc.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --gc-root: the headers declare 'g_count' as 'int' \(.*gc\.h:4\); the module "
                r"defines it as 'void \*'"),
    "gc_hook_declared_otherwise": Case(
        files=GC, args=["-M", "m", "--gc-root", "g_roots=g_state_t", "--gc-hooks", "g_init_gc,g_reset",
                        "-o", "out.c", "gc.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --gc-hooks: the headers declare 'g_reset' with another signature"),
    "gc_root_without_hooks": Case(
        files=GC, args=["-M", "m", "--gc-root", "g_roots=g_state_t", "-o", "out.c", "gc.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --gc-root needs --gc-hooks INIT,DEINIT"),
    "gc_hooks_malformed": Case(
        files=GC, args=["-M", "m", "--gc-root", "g_roots=g_state_t", "--gc-hooks", "g_init_gc", "-o", "out.c",
                        "gc.h"], code=EXIT_USAGE,
        message=r"^mpbind: error: --gc-hooks wants INIT,DEINIT, two C function names \(got 'g_init_gc'\)"),
    # --no-macros leaves macros out: unevaluated, they have no value (they were once bound as 0).
    "no_macros_binds_no_macro": Case(
        files={"k.h": "#define K 5\nint f(int a);\n"}, args=["-M", "m", "--no-macros", "-o", "out.c", "k.h"],
        code=EXIT_OK, message=r"module 'm': bound 1 functions .* 0 macro constants, 0 global variables;", written=True, error_lines=0),
    "empty_header": Case(
        files={"empty.h": ""}, args=["-M", "m", "-o", "out.c", "empty.h"], code=EXIT_OK,
        message=r"module 'm': bound 0 functions", written=True, error_lines=0),
}

# Cases that fail today because of an open generator bug (tests/corpus/FINDINGS.md): registered but disabled,
# so the suite stays green; enable by removing the entry once the finding is fixed.
OPEN_FINDINGS = {
}
