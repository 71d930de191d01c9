// ModuleTest helpers.
#include "module_fixture.hpp"

void ModuleTest::SetUp() {
    SimTest::SetUp();
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    gpio_config_t io = {};
    io.pin_bit_mask = (1ULL << kDc) | (1ULL << kRst) | (1ULL << kBacklight) | (1ULL << kPower);
    io.mode = GPIO_MODE_OUTPUT;
    ASSERT_EQ(gpio_config(&io), ESP_OK);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    gpio_set_level(static_cast<gpio_num_t>(kBacklight), 1);
}

void ModuleTest::attach(esp_sim_module_t module, int power_pin, int hz, int mode) {
    esp_sim_panel_config_t pc = {};
    pc.module = module;
    pc.host = HSPI_HOST;
    pc.cs_io_num = kCs;
    pc.dc_io_num = kDc;
    pc.reset_io_num = kRst;
    pc.backlight_io_num = kBacklight;
    pc.power_io_num = power_pin;
    pc.seed = 7;
    ASSERT_EQ(esp_sim_panel_attach(&pc, &panel_), ESP_OK);
    const spi_bus_config_t bus = seed_bus_config(320 * 480 * 3);
    ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    spi_device_interface_config_t cfg = device_config(hz, 4);
    cfg.mode = static_cast<uint8_t>(mode);
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev_), ESP_OK);
}

void ModuleTest::command(uint8_t cmd, std::vector<uint8_t> params) { send_command(dev_, cmd, params); }

void ModuleTest::data(const std::vector<uint8_t> &bytes) { send_data(dev_, bytes); }

void ModuleTest::wake(uint8_t madctl, bool invert, uint8_t colmod) {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(1);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(120);
    command(0x11);
    delay_ms(120);
    command(0x3A, {colmod});
    command(0x36, {madctl});
    if (invert) {
        command(0x21);
    }
    command(0x29);
}

void ModuleTest::write_window(int x0, int y0, int x1, int y1, const std::vector<uint8_t> &pixels, uint8_t ramwr) {
    auto be = [](int a, int b) {
        return std::vector<uint8_t>{static_cast<uint8_t>(a >> 8), static_cast<uint8_t>(a), static_cast<uint8_t>(b >> 8),
                                    static_cast<uint8_t>(b)};
    };
    command(0x2A, be(x0, x1));
    command(0x2B, be(y0, y1));
    command(ramwr);
    data(pixels);
}

std::vector<uint8_t> ModuleTest::pattern(int w, int h, int salt) {
    std::vector<uint8_t> px;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const uint16_t v = static_cast<uint16_t>(y * 1031 + x * 37 + salt);
            px.push_back(static_cast<uint8_t>(v >> 8));
            px.push_back(static_cast<uint8_t>(v));
        }
    }
    return px;
}

std::vector<uint16_t> ModuleTest::native(const std::vector<uint8_t> &wire) {
    std::vector<uint16_t> v;
    for (size_t i = 0; i + 1 < wire.size(); i += 2) {
        v.push_back(static_cast<uint16_t>((wire[i] << 8) | wire[i + 1]));
    }
    return v;
}

std::vector<uint8_t> ModuleTest::rgb666(const std::vector<uint8_t> &wire) {
    std::vector<uint8_t> out;
    for (uint16_t v : native(wire)) {
        const int r = v >> 11, g = (v >> 5) & 63, b = v & 31;
        out.push_back(static_cast<uint8_t>(((r << 1) | (r >> 4)) << 2));
        out.push_back(static_cast<uint8_t>(g << 2));
        out.push_back(static_cast<uint8_t>(((b << 1) | (b >> 4)) << 2));
    }
    return out;
}

std::vector<uint16_t> ModuleTest::view(int rotation) {
    const esp_sim_panel_state_t s = state();
    std::vector<uint16_t> out(static_cast<size_t>(s.glass_width) * s.glass_height);
    EXPECT_EQ(esp_sim_panel_read_view_rgb565(panel_, rotation, out.data()), ESP_OK);
    return out;
}

esp_sim_panel_state_t ModuleTest::state() {
    esp_sim_panel_state_t s = {};
    EXPECT_EQ(esp_sim_panel_get_state(panel_, &s), ESP_OK);
    return s;
}

void expect_rotations(ModuleTest &t, const Rotation (&rotations)[4], uint8_t colour, bool rgb666) {
    const esp_sim_panel_state_t s = t.state();
    for (const Rotation &r : rotations) {
        const bool turned = r.degrees == 90 || r.degrees == 270;
        const int w = turned ? s.glass_height : s.glass_width, h = turned ? s.glass_width : s.glass_height;
        const std::vector<uint8_t> image = ModuleTest::pattern(w, h, r.degrees);
        t.command(0x36, {static_cast<uint8_t>(r.madctl | colour)});
        t.write_window(r.x_offset, r.y_offset, r.x_offset + w - 1, r.y_offset + h - 1,
                       rgb666 ? ModuleTest::rgb666(image) : image);
        EXPECT_EQ(t.view(r.degrees), ModuleTest::native(image)) << "rotation " << r.degrees;
    }
}
