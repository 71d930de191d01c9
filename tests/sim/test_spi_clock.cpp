// ESP-IDF's clock rounding (spi_get_actual_clock) and the GPIO-matrix frequency limit.
#include "sim_fixture.hpp"

TEST(SpiClock, RoundsLikeEspIdf) {
    const int apb = 80000000;
    EXPECT_EQ(spi_get_actual_clock(apb, 40000000, 128), 40000000);
    EXPECT_EQ(spi_get_actual_clock(apb, 27000000, 128), 26666666);
    EXPECT_EQ(spi_get_actual_clock(apb, 50000000, 128), 40000000);
    EXPECT_EQ(spi_get_actual_clock(apb, 61000000, 128), 80000000);
    EXPECT_EQ(spi_get_actual_clock(apb, 80000000, 128), 80000000);
    EXPECT_EQ(spi_get_actual_clock(apb, 20000000, 128), 20000000);
    EXPECT_EQ(spi_get_actual_clock(apb, 10000000, 128), 10000000);
    EXPECT_EQ(spi_get_actual_clock(apb, 1000000, 128), 1000000);
    EXPECT_EQ(spi_get_actual_clock(apb, 0, 128), 0);
}

TEST(SpiClock, GpioMatrixLimitsFullDuplexTo26MHz) {
    EXPECT_EQ(spi_get_freq_limit(true, 0), 26666666);
    EXPECT_EQ(spi_get_freq_limit(false, 0), 80000000);
}

// Found by tests/py/fuzz under UBSan: (1 + delay) * 80000 overflowed int for delays from about 27 us.
TEST(SpiClock, HugeInputDelaysDoNotOverflow) {
    EXPECT_EQ(spi_get_freq_limit(false, 2147483647), 1);
    EXPECT_EQ(spi_get_freq_limit(true, 100000), 9996);
    EXPECT_EQ(spi_get_freq_limit(false, -2147483647 - 1), 80000000);
}
