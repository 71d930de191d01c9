// Module search: the core's builtinimport.c only asks for relative paths ("mod.py", "pkg/__init__.py") and
// this fork has no sys.path, so mp_import_stat and mp_lexer_new_from_file resolve them against the port's
// sys.path list.
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "py/reader.h"
#include "py/runtime.h"
#include "port_path.h"

// Folders searched after MICROPYPATH, colon separated, set by the build (the project's drivers/ folder).
#ifndef MPBIND_DEFAULT_PATH
#define MPBIND_DEFAULT_PATH ""
#endif

// sys.path: a list the port owns (this fork has none), so scripts may also change it at run time.
static mp_obj_t search_list(void) {
    return MP_OBJ_FROM_PTR(&MP_STATE_VM(port_sys_path));
}

static void add_dir(const char *dir, size_t len) {
    mp_obj_list_append(search_list(), mp_obj_new_str(dir, len, false));
}

static void add_colon_list(const char *list) {
    while (list != NULL && *list != '\0') {
        const char *colon = strchr(list, ':');
        size_t len = colon != NULL ? (size_t)(colon - list) : strlen(list);
        if (len > 0) {
            add_dir(list, len);
        }
        list = colon != NULL ? colon + 1 : NULL;
    }
}

void port_path_init(const char *script_dir) {
    mp_obj_list_init(MP_OBJ_TO_PTR(search_list()), 0);
    add_dir(script_dir, strlen(script_dir));
    add_colon_list(getenv("MICROPYPATH"));
    add_colon_list(MPBIND_DEFAULT_PATH);
}

static mp_import_stat_t stat_exact(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return MP_IMPORT_STAT_NO_EXIST;
    }
    return S_ISDIR(st.st_mode) ? MP_IMPORT_STAT_DIR : MP_IMPORT_STAT_FILE;
}

// Writes the first existing "<dir>/<path>" into out; returns its kind.
static mp_import_stat_t resolve(const char *path, char *out, size_t out_size) {
    if (path[0] == '/') {
        snprintf(out, out_size, "%s", path);
        return stat_exact(out);
    }
    size_t count;
    mp_obj_t *dirs;
    mp_obj_list_get(search_list(), &count, &dirs);
    for (size_t i = 0; i < count; i++) {
        if (!MP_OBJ_IS_STR(dirs[i])) {
            continue; // whatever a script put into sys.path, only strings name folders
        }
        const char *dir = mp_obj_str_get_str(dirs[i]);
        int n = dir[0] == '\0' ? snprintf(out, out_size, "%s", path)
                               : snprintf(out, out_size, "%s/%s", dir, path);
        if (n < 0 || (size_t)n >= out_size) {
            continue;
        }
        mp_import_stat_t st = stat_exact(out);
        if (st != MP_IMPORT_STAT_NO_EXIST) {
            return st;
        }
    }
    return MP_IMPORT_STAT_NO_EXIST;
}

mp_import_stat_t mp_import_stat(const char *path) {
    char full[MICROPY_ALLOC_PATH_MAX];
    return resolve(path, full, sizeof(full));
}

mp_lexer_t *port_lexer_from_exact_file(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        mp_raise_OSError(errno);
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        mp_raise_OSError(err);
    }
    size_t len = (size_t)st.st_size;
    byte *buf = m_new_maybe(byte, len + 1);
    if (buf == NULL) {
        close(fd);
        mp_raise_OSError(ENOMEM);
    }
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    mp_reader_t reader;
    mp_reader_new_mem(&reader, buf, got, len + 1); // the reader frees buf when the lexer closes it
    return mp_lexer_new(qstr_from_str(path), reader);
}

mp_lexer_t *mp_lexer_new_from_file(const char *filename) {
    char full[MICROPY_ALLOC_PATH_MAX];
    if (resolve(filename, full, sizeof(full)) != MP_IMPORT_STAT_FILE) {
        mp_raise_OSError(ENOENT);
    }
    return port_lexer_from_exact_file(full);
}
