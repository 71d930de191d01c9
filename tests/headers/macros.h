// mpbind: -M macros --prefix esp_
// Golden: object-like macros as constants (integer, floating, string expressions), grouped when they share a prefix
// (class members only: no flat duplicates) and a --prefix names no class (ESP_OK, ESP_FAIL stay flat); a macro
// exported through a one-member enum bound once under its name (and a module attribute although grouped).
#define ESP_OK 0
#define ESP_FAIL -1
#define ESP_ERR_NO_MEM 0x101
#define ESP_ERR_INVALID_ARG 0x102
#define MALLOC_CAP_DMA (1 << 3)
#define MALLOC_CAP_INTERNAL (1 << 11)
#define MALLOC_CAP_BOTH (MALLOC_CAP_DMA | MALLOC_CAP_INTERNAL)
#define CLOCK_HZ 40000000UL
#define RATIO (3.0 / 4)
#define VERSION_STRING "1." "2"
#define SIZE_OF_INT sizeof(int)
#define EMPTY_MACRO
#define FUNC_LIKE(x) ((x) * 2)
#define NOT_A_CONSTANT some_symbol
#define A_TYPE unsigned int
#define EXPORT_INT(v) enum { ENUM_##v = v }
EXPORT_INT(CLOCK_HZ);
EXPORT_INT(ESP_ERR_NO_MEM);

void esp_restart(void);
