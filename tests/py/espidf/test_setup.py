# test_setup.py: SPI bus and device set-up from Python, constants with the seed's names, GPIO, clocks.
import espidf as esp
import espsim
import rig

# Constants: macro classes (MALLOC_CAP_* -> CAP), enum classes, flat macros.
print('CAP.DMA', esp.CAP.DMA, esp.CAP.INTERNAL, esp.CAP.SPIRAM, esp.CAP_DMA == esp.CAP.DMA)
print('GPIO_MODE', esp.GPIO_MODE.OUTPUT, esp.GPIO_MODE.INPUT)
print('hosts', esp.HSPI_HOST, esp.VSPI_HOST, esp.spi_host_device_t.SPI2_HOST, esp.spi_host_device_t.SPI3_HOST)
print('SPI_DEVICE.HALFDUPLEX', esp.SPI_DEVICE.HALFDUPLEX, 'SPI_TRANS_USE.TXDATA', esp.SPI_TRANS_USE.TXDATA)
print('ESP_OK', esp.ESP_OK, esp.esp_err_to_name(esp.ESP_OK), esp.esp_err_to_name(esp.ESP_ERR_NO_MEM))
print('cpu MHz', esp.esp_clk_cpu_freq() // 1000000, 'apb MHz', esp.esp_clk_apb_freq() // 1000000)

rig.fresh()

# A dict-initialised config struct; its fields read back.
cfg = rig.device_config(hz=26000000, queue=3)
print('devcfg', cfg.clock_speed_hz, cfg.spics_io_num, cfg.queue_size, cfg.flags == esp.SPI_DEVICE.HALFDUPLEX)

print('bus', rig.name(rig.bus()))
err, handle = rig.device(cfg)
print('device', rig.name(err), type(handle).__name__, handle is not None)
# ESP-IDF rounds the clock: 80 MHz / 3.
print('actual clock', esp.spi_get_actual_clock(esp.esp_clk_apb_freq(), 26000000, 128))

# A second and third device fit (3 CS slots per host); the fourth does not.
handles = []
for cs in (14, 15, 16):
    h = esp.C_Pointer()
    handles.append((rig.name(esp.spi_bus_add_device(esp.HSPI_HOST, rig.device_config(spics_io_num=cs), h)), h.ptr_val))
print('more devices', [e for e, _ in handles])

# The interrupt handlers of espidf.c go into the config as plain C addresses ("hybrid": no Python on that path);
# with no callbacks object in trans.user they do nothing, in interrupt context.
hcfg = rig.device_config(spics_io_num=17)
hcfg.pre_cb = esp.spi_pre_cb_isr
hcfg.post_cb = esp.spi_post_cb_isr
print('handlers stored', esp.Blob(hcfg.post_cb) == esp.Blob(esp.spi_post_cb_isr.__address__),
      esp.Blob(hcfg.pre_cb) == esp.Blob(esp.spi_pre_cb_isr.__address__))
esp.spi_bus_remove_device(handles[0][1])
hdev = esp.C_Pointer()
print('hybrid device', rig.name(esp.spi_bus_add_device(esp.HSPI_HOST, hcfg, hdev)))
handles[0] = ('ESP_OK', hdev.ptr_val)
foreign = esp.spi_transaction_t({'length': 8, 'flags': esp.SPI_TRANS_USE.TXDATA})
foreign.user = bytearray(16)
print('foreign user', rig.name(esp.spi_device_transmit(hdev.ptr_val, foreign)))
stats = espsim.spi_stats_t()
espsim.spi_get_stats(esp.HSPI_HOST, stats)
print('handlers ran in isr', stats.isr_count)
hcfg.post_cb = None
print('cleared', hcfg.post_cb)

print('remove', [rig.name(esp.spi_bus_remove_device(h)) for e, h in handles if e == 'ESP_OK'])
print('remove first', rig.name(esp.spi_bus_remove_device(handle)))
print('free bus', rig.name(esp.spi_bus_free(esp.HSPI_HOST)))

# GPIO through gpio_config_t and the level calls (a mask wider than 32 bits: pin 33).
io = esp.gpio_config_t({'pin_bit_mask': (1 << rig.DC) | (1 << 33), 'mode': esp.GPIO_MODE.OUTPUT})
print('gpio_config', rig.name(esp.gpio_config(io)), io.pin_bit_mask == (1 << 12) | (1 << 33))
esp.gpio_set_level(rig.DC, 1)
esp.gpio_set_level(33, 1)
print('levels', esp.gpio_get_level(rig.DC), esp.gpio_get_level(33))
esp.gpio_set_level(rig.DC, 0)
print('level after clear', esp.gpio_get_level(rig.DC))

# Outside a handler, neither ESP-IDF nor the simulation sees interrupt context.
print('in isr', esp.xPortInIsrContext(), espsim.in_isr())
