// GPIO: the ESP32's valid and input-only pins, gpio_config masks, levels.
#include "sim_fixture.hpp"

TEST_F(SimTest, SetLevelAcceptsOnlyOutputCapablePins) {
    EXPECT_EQ(gpio_set_level(GPIO_NUM_2, 1), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_2), 1);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_2, 7), ESP_OK);  // any non-zero level is high
    EXPECT_EQ(gpio_get_level(GPIO_NUM_2), 1);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_2, 0), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_2), 0);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_34, 1), ESP_ERR_INVALID_ARG);  // input only
    EXPECT_EQ(gpio_set_level(static_cast<gpio_num_t>(24), 1), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_set_level(static_cast<gpio_num_t>(29), 1), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_set_level(static_cast<gpio_num_t>(40), 1), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_NC, 1), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_get_level(static_cast<gpio_num_t>(99)), 0);
}

TEST_F(SimTest, ConfigChecksTheWholeMask) {
    gpio_config_t io = {};
    io.mode = GPIO_MODE_OUTPUT;
    EXPECT_EQ(gpio_config(nullptr), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_config(&io), ESP_ERR_INVALID_ARG);  // empty mask
    io.pin_bit_mask = (1ULL << 12) | (1ULL << 24);
    EXPECT_EQ(gpio_config(&io), ESP_ERR_INVALID_ARG);
    io.pin_bit_mask = (1ULL << 12) | (1ULL << 35);
    EXPECT_EQ(gpio_config(&io), ESP_ERR_INVALID_ARG);  // 35 is input only
    io.mode = GPIO_MODE_INPUT;
    EXPECT_EQ(gpio_config(&io), ESP_OK);
    io.pin_bit_mask = (1ULL << 12) | (1ULL << 4);
    io.mode = GPIO_MODE_OUTPUT;
    EXPECT_EQ(gpio_config(&io), ESP_OK);
    io.mode = static_cast<gpio_mode_t>(0x40);
    EXPECT_EQ(gpio_config(&io), ESP_ERR_INVALID_ARG);
}

TEST_F(SimTest, DirectionAndResetFollowPinCapabilities) {
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_36, GPIO_MODE_INPUT), ESP_OK);
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_36, GPIO_MODE_OUTPUT), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_4, GPIO_MODE_INPUT_OUTPUT), ESP_OK);
    EXPECT_EQ(gpio_set_direction(static_cast<gpio_num_t>(30), GPIO_MODE_INPUT), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_reset_pin(GPIO_NUM_4), ESP_OK);
    EXPECT_EQ(gpio_reset_pin(static_cast<gpio_num_t>(28)), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_set_pull_mode(GPIO_NUM_4, GPIO_PULLUP_ONLY), ESP_OK);
    EXPECT_EQ(gpio_set_pull_mode(static_cast<gpio_num_t>(31), GPIO_PULLUP_ONLY), ESP_ERR_INVALID_ARG);
    gpio_pad_select_gpio(4);
}
