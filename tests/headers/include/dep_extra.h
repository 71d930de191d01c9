// Included by include_headers.h and bound through --include-headers.
void extra_fn(int n);
#define EXTRA_LIMIT 20
