// Executable memory for the native emitter (@micropython.native, @micropython.viper): pages mapped apart from the
// GC heap, which may not run. The GC scans them too: native code holds the objects it uses (constants, interned
// names) as aligned immediates, and they would otherwise be collected.
#define _DEFAULT_SOURCE // MAP_ANONYMOUS under -std=c99
#include <sys/mman.h>
#include <unistd.h>

#include "py/gc.h"
#include "py/misc.h"
#include "py/runtime.h"

typedef struct exec_block_t {
    struct exec_block_t *next;
    size_t len; // the whole mapping, this header included
} exec_block_t;

static exec_block_t *exec_blocks;

void port_alloc_exec(size_t min_size, void **ptr, size_t *size) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t len = (sizeof(exec_block_t) + min_size + page - 1) / page * page;
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        m_malloc_fail(min_size);
    }
    exec_block_t *b = p;
    b->next = exec_blocks;
    b->len = len;
    exec_blocks = b;
    *ptr = b + 1;
    *size = len - sizeof(exec_block_t);
}

void port_free_exec(void *ptr, size_t size) {
    (void)size;
    exec_block_t *b = (exec_block_t *)ptr - 1;
    for (exec_block_t **link = &exec_blocks; *link != NULL; link = &(*link)->next) {
        if (*link == b) {
            *link = b->next;
            munmap(b, b->len);
            return;
        }
    }
}

void port_gc_collect_exec(void) {
    for (exec_block_t *b = exec_blocks; b != NULL; b = b->next) {
        gc_collect_root((void **)(b + 1), (b->len - sizeof(exec_block_t)) / sizeof(void *));
    }
}
