// Included by include_headers.h (not a golden itself): only its types the bound header uses are bound.
struct dep_point {
    int x, y;
};
struct dep_private {
    int secret;
};
void dep_helper(void);
#define DEP_LIMIT 10
