// Entry point of the host interpreter: `micropython [-X heapsize=N] [-c CODE | FILE [ARGS]]`, REPL without either.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "genhdr/mpversion.h"
#include "py/compile.h"
#include "py/gc.h"
#include "py/mphal.h"
#include "py/mpstate.h"
#include "py/repl.h"
#include "py/runtime.h"
#include "py/stackctrl.h"
#include "port_atomic.h"
#include "port_path.h"

#define DEFAULT_HEAP_SIZE (4 * 1024 * 1024)
#define STACK_LIMIT (512 * 1024)
#define STACK_MARGIN (64 * 1024) // room for C code below the last checked frame
#define EXIT_USAGE 2

static void stderr_strn(void *env, const char *str, size_t len) {
    (void)env;
    ssize_t ignored = write(STDERR_FILENO, str, len);
    (void)ignored;
}

static const mp_print_t stderr_print = { NULL, stderr_strn };

// Maps an uncaught exception to the process exit code, printing a traceback unless it is SystemExit.
static int exit_code_for(mp_obj_t exc, bool *system_exit) {
    mp_obj_type_t *type = mp_obj_get_type(exc);
    *system_exit = mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(type), MP_OBJ_FROM_PTR(&mp_type_SystemExit));
    if (*system_exit) {
        mp_obj_t value = mp_obj_exception_get_value(exc);
        if (value == mp_const_none) {
            return 0;
        }
        mp_int_t code;
        if (mp_obj_get_int_maybe(value, &code)) {
            return (int)(code & 0xff);
        }
        mp_obj_print_helper(&stderr_print, value, PRINT_STR);
        mp_print_str(&stderr_print, "\n");
        return 1;
    }
    mp_obj_print_exception(&stderr_print, exc);
    return 1;
}

typedef enum { SOURCE_FILE, SOURCE_STRING, SOURCE_REPL_LINE } source_kind_t;

// Parses, compiles and runs one unit of source; returns the exit code it asks for.
static int run_source(source_kind_t kind, const char *text, bool *system_exit) {
    *system_exit = false;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_lexer_t *lex;
        if (kind == SOURCE_FILE) {
            lex = port_lexer_from_exact_file(text);
        } else {
            qstr name = kind == SOURCE_STRING ? MP_QSTR__lt_string_gt_ : MP_QSTR__lt_stdin_gt_;
            lex = mp_lexer_new_from_str_len(name, text, strlen(text), 0);
        }
        qstr source_name = lex->source_name;
        if (kind == SOURCE_FILE) {
            mp_store_global(MP_QSTR___file__, MP_OBJ_NEW_QSTR(source_name));
        }
        mp_parse_input_kind_t input = kind == SOURCE_REPL_LINE ? MP_PARSE_SINGLE_INPUT : MP_PARSE_FILE_INPUT;
        mp_parse_tree_t tree = mp_parse(lex, input);
        mp_obj_t fun = mp_compile(&tree, source_name, MP_EMIT_OPT_NONE, kind == SOURCE_REPL_LINE);
        mp_call_function_0(fun);
        nlr_pop();
        return 0;
    }
    return exit_code_for(MP_OBJ_FROM_PTR(nlr.ret_val), system_exit);
}

// Ctrl-C raises KeyboardInterrupt at the next bytecode branch. SIGINT is sent to the process: while the
// interpreter's thread blocks it (an atomic section, port_atomic.c) the kernel may run this handler on another
// thread (a simulated peripheral's), which passes it on instead of touching the VM's state beside the interpreter.
static pthread_t interpreter_thread;

static void on_sigint(int signo) {
    if (!pthread_equal(pthread_self(), interpreter_thread)) {
        pthread_kill(interpreter_thread, signo);
        return;
    }
    MP_STATE_VM(mp_pending_exception) = MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_kbd_exception));
    if (MP_STATE_VM(sched_state) == MP_SCHED_IDLE) {
        MP_STATE_VM(sched_state) = MP_SCHED_PENDING;
    }
}

static void install_sigint(void) {
    interpreter_thread = pthread_self();
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

// Reads one line into a growing buffer; false at end of input.
static bool read_line(const char *prompt, vstr_t *line) {
    mp_hal_stdout_tx_str(prompt);
    for (;;) {
        int c = mp_hal_stdin_rx_chr();
        if (c < 0) {
            return line->len > 0;
        }
        if (c == '\n') {
            return true;
        }
        vstr_add_byte(line, (byte)c);
    }
}

// A plain line-based REPL: continuation lines are read while the core says the input is incomplete.
static int run_repl(void) {
    mp_hal_stdout_tx_str("MicroPython " MICROPY_GIT_TAG " on " MICROPY_BUILD_DATE "; mpbind host with " MICROPY_HW_MCU_NAME "\n"
                         "Use Ctrl-D to exit\n");
    vstr_t line;
    vstr_init(&line, 64);
    for (;;) {
        vstr_reset(&line);
        if (!read_line(">>> ", &line)) {
            mp_hal_stdout_tx_str("\n");
            return 0;
        }
        while (mp_repl_continue_with_input(vstr_null_terminated_str(&line))) {
            vstr_add_byte(&line, '\n');
            if (!read_line("... ", &line)) {
                break;
            }
        }
        MP_STATE_VM(mp_pending_exception) = MP_OBJ_NULL; // a Ctrl-C typed at the prompt is not for this line
        bool system_exit;
        int code = run_source(SOURCE_REPL_LINE, vstr_null_terminated_str(&line), &system_exit);
        if (system_exit) {
            return code; // other exceptions were printed and the REPL goes on
        }
    }
}

// sys.argv: the script (or "-c", or "" for the REPL) followed by the remaining arguments.
static void set_sys_argv(const char *first, int n, char **rest) {
    mp_obj_t list = MP_OBJ_FROM_PTR(&MP_STATE_VM(port_sys_argv));
    mp_obj_list_init(MP_OBJ_TO_PTR(list), 0);
    mp_obj_list_append(list, mp_obj_new_str(first, strlen(first), false));
    for (int i = 0; i < n; i++) {
        mp_obj_list_append(list, mp_obj_new_str(rest[i], strlen(rest[i]), false));
    }
}

// sys.path starts with the script's folder ("" = current directory for -c and the REPL).
static void set_sys_path(const char *file) {
    char *dir = strdup(file != NULL ? file : "");
    char *slash = dir != NULL ? strrchr(dir, '/') : NULL;
    if (slash == dir && dir != NULL) {
        slash[1] = '\0'; // a script in "/"
    } else if (slash != NULL) {
        *slash = '\0';
    } else if (dir != NULL) {
        dir[0] = '\0';
    }
    port_path_init(dir != NULL ? dir : "");
    free(dir);
}

// Fills sys.argv and sys.path; returns -1, or the exit code of the exception (MemoryError) that stopped it.
// The emergency exception buffer an exception raised with the heap locked (an interrupt handler) keeps its message
// in; scripts may resize it with micropython.alloc_emergency_exception_buf, as on an ESP32.
#define EMERGENCY_EXCEPTION_BUF_BYTES 256

static int init_sys(const char *first, int n, char **rest, const char *file) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_alloc_emergency_exception_buf(MP_OBJ_NEW_SMALL_INT(EMERGENCY_EXCEPTION_BUF_BYTES));
        set_sys_argv(first, n, rest);
        set_sys_path(file);
        nlr_pop();
        return -1;
    }
    bool system_exit;
    return exit_code_for(MP_OBJ_FROM_PTR(nlr.ret_val), &system_exit);
}

// Parses "N", "Nk" or "Nm"; returns 0 when malformed.
static size_t parse_size(const char *s) {
    char *end;
    unsigned long long n = strtoull(s, &end, 10);
    if (end == s) {
        return 0;
    }
    if (*end == 'k' || *end == 'K') {
        n *= 1024, end++;
    } else if (*end == 'm' || *end == 'M') {
        n *= 1024 * 1024, end++;
    }
    return *end == '\0' ? (size_t)n : 0;
}

// 0 if path is a regular file we can read, else the errno explaining why not.
static int check_readable(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return errno;
    }
    struct stat st;
    int err = fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
    close(fd);
    return err;
}

static int usage(const char *prog) {
    fprintf(stderr, "usage: %s [-X heapsize=N[k|m]] [-c CODE | FILE [ARGS]]\n", prog);
    return EXIT_USAGE;
}

// Everything after the options; kept out of main so the stack top recorded in main covers all VM frames.
static int run(int argc, char **argv, size_t heap_size) {
    const char *code = NULL;
    const char *file = NULL;
    int i = 1;
    for (; i < argc && code == NULL && file == NULL; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            code = argv[++i];
        } else if (strcmp(argv[i], "-X") == 0 && i + 1 < argc) {
            i++; // parsed in main
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return usage(argv[0]);
        } else {
            file = argv[i];
        }
    }

    if (file != NULL) {
        int err = check_readable(file);
        if (err != 0) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], file, err, strerror(err));
            return EXIT_USAGE;
        }
    }

    char *heap = malloc(heap_size);
    if (heap == NULL) {
        fprintf(stderr, "%s: cannot allocate a heap of %zu bytes\n", argv[0], heap_size);
        return 1;
    }
    gc_init(heap, heap + heap_size);
    port_atomic_init();
    mp_init();
    install_sigint();

    bool system_exit;
    int ret = init_sys(code != NULL ? "-c" : file != NULL ? file : "", argc - i, argv + i, file);
    if (ret >= 0) {
        // the heap is too small even for sys.argv and sys.path; ret is the exit code of that MemoryError
    } else if (code != NULL) {
        ret = run_source(SOURCE_STRING, code, &system_exit);
    } else if (file != NULL) {
        ret = run_source(SOURCE_FILE, file, &system_exit);
    } else {
        ret = run_repl();
    }
    mp_deinit();
    free(heap);
    return ret;
}

// The VM's recursion limit: STACK_LIMIT, or less when the process's stack is smaller.
static size_t stack_limit(void) {
    struct rlimit rl;
    size_t limit = STACK_LIMIT;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < limit + STACK_MARGIN) {
        limit = rl.rlim_cur > 2 * STACK_MARGIN ? (size_t)rl.rlim_cur - STACK_MARGIN : (size_t)rl.rlim_cur / 2;
    }
    return limit;
}

int main(int argc, char **argv) {
    mp_stack_ctrl_init();
    mp_stack_set_limit(stack_limit());

    size_t heap_size = DEFAULT_HEAP_SIZE;
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 || argv[i][0] != '-') {
            break;
        }
        if (strcmp(argv[i], "-X") == 0) {
            const char *opt = argv[++i];
            if (strncmp(opt, "heapsize=", 9) != 0 || (heap_size = parse_size(opt + 9)) < 1024) {
                fprintf(stderr, "%s: bad -X option '%s' (expected heapsize=N[k|m], at least 1k)\n", argv[0], opt);
                return EXIT_USAGE;
            }
        }
    }
    return run(argc, argv, heap_size);
}
