# test_exit_live_bus.py: a script may end with a real-time bus still initialised; the process exits cleanly
# (the simulation stops its bus thread at exit instead of aborting).
import espidf as esp
import espsim

espsim.reset()
esp.esp_log_level_set('*', esp.ESP_LOG.NONE)
print('real time', espsim.set_time_mode(espsim.TIME.REAL) == esp.ESP_OK)
cfg = esp.spi_bus_config_t({'mosi_io_num': 18, 'sclk_io_num': 19, 'max_transfer_sz': 4092})
print('bus', esp.esp_err_to_name(esp.spi_bus_initialize(esp.HSPI_HOST, cfg, 1)))
print('end without spi_bus_free')
