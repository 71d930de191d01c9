// mpbind: -M incl --include-headers dep_extra\.h$
// Golden: only the named header (and --include-headers matches) are bound; a struct used by value from another
// header is bound with its user, other declarations of that header are not.
#include "include/dep_types.h"
#include "include/dep_extra.h"

struct dep_point make_point(int x, int y);
void take_private(struct dep_private *p);
