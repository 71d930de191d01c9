// Module search of the host interpreter: script directory, then MICROPYPATH, then built-in default folders.
#ifndef MPBIND_PORT_PATH_H
#define MPBIND_PORT_PATH_H

#include "py/lexer.h"

// Fills sys.path: script_dir ("" for -c and the REPL: the current directory), MICROPYPATH, the built-in
// default folders. Needs the heap (call after mp_init).
void port_path_init(const char *script_dir);

// Lexer over exactly this file (no search); raises OSError when it cannot be read.
mp_lexer_t *port_lexer_from_exact_file(const char *path);

#endif
