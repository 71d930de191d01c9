// mpbind: -M naming --prefix nm_
// Golden: reserved Python words renamed, unnamed parameters, and collisions reported instead of emitted twice.
struct nm_opts {
    int class;
    int from;
    int class_;
};

void nm_import(int lambda, int, int yield);
void nm_open(void);
void open(void);
void Blob(void);
struct stat { int size; };
int stat(const char *path, struct stat *st);
