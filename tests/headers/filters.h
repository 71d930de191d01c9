// mpbind: -M filters --allow spi_.* --allow SPI_.* --allow gpio_set --block spi_internal_.*
// Golden: --allow and --block on C names (full match), and enum constants filtered individually.
void spi_init(int host);
void spi_internal_reset(void);
void gpio_set(int pin, int level);
void gpio_get(int pin);
void uart_write(const char *s);

enum { SPI_MODE_0, SPI_MODE_1, UART_MODE_0 };

#define SPI_MAX_HOSTS 3
#define UART_MAX 2
