# test_errors.py: bad input gives ESP-IDF's error codes (C side) or a clear Python exception (binding side).
import espidf as esp
import rig

rig.fresh()


def show(what, err):
    print(what, rig.name(err))


# Bus: the flash host, an unknown host, a bad pin, then a good bus and a second initialisation.
show('flash host', rig.bus(host=esp.spi_host_device_t.SPI1_HOST))
show('unknown host', rig.bus(host=7))
bad_pin = esp.spi_bus_config_t({'mosi_io_num': 24, 'sclk_io_num': rig.CLK, 'max_transfer_sz': 4092})
show('bad pin', esp.spi_bus_initialize(esp.HSPI_HOST, bad_pin, 1))
input_only = esp.spi_bus_config_t({'mosi_io_num': 34, 'sclk_io_num': rig.CLK, 'max_transfer_sz': 4092})
show('input-only pin as MOSI', esp.spi_bus_initialize(esp.HSPI_HOST, input_only, 1))
show('bus', rig.bus())
show('double init', rig.bus())

# Devices: zero clock, queue size 0, mode 4, full duplex too fast for GPIO-matrix pins.
show('zero clock', rig.device(rig.device_config(hz=0))[0])
show('queue size 0', rig.device(rig.device_config(queue=0))[0])
show('mode 4', rig.device(rig.device_config(mode=4))[0])
show('full duplex 40 MHz', rig.device(rig.device_config(flags=0))[0])
show('device on uninitialised host', rig.device(host=esp.VSPI_HOST)[0])

# Freeing a bus that still has a device, then in the right order.
err, dev = rig.device()
show('device', err)
show('free bus with device', esp.spi_bus_free(esp.HSPI_HOST))
show('remove device', esp.spi_bus_remove_device(dev))
show('free bus', esp.spi_bus_free(esp.HSPI_HOST))
show('free again', esp.spi_bus_free(esp.HSPI_HOST))

# Transactions: a NULL transaction, a stale handle, a transfer longer than max_transfer_sz.
show('bus', rig.bus())
err, dev = rig.device()
show('NULL transaction', esp.spi_device_queue_trans(dev, None, 0))
t = esp.spi_transaction_t({'length': 8 * 5000})
t.tx_buffer = esp.heap_caps_malloc(5000, esp.CAP.DMA)
show('too long', esp.spi_device_transmit(dev, t))
show('nothing queued', esp.spi_device_get_trans_result(dev, esp.C_Pointer(), 0))
show('remove device', esp.spi_bus_remove_device(dev))
show('stale handle', esp.spi_device_transmit(dev, t))

# GPIO: a pin that does not exist, an input-only pin as output.
show('gpio 24', esp.gpio_set_level(24, 1))
show('gpio 40', esp.gpio_set_direction(40, esp.GPIO_MODE.OUTPUT))
show('gpio 34 output', esp.gpio_set_direction(34, esp.GPIO_MODE.OUTPUT))

# Heap: more than the DMA pool holds is NULL (None), as on the chip; unsupported capabilities too.
print('huge', esp.heap_caps_malloc(1 << 24, esp.CAP.DMA))
print('exec', esp.heap_caps_malloc(64, esp.CAP.EXEC))
print('psram (none on this board)', esp.heap_caps_malloc(64, esp.CAP.SPIRAM))

# Names of codes, including one ESP-IDF does not know.
print([esp.esp_err_to_name(e) for e in (esp.ESP_ERR_INVALID_ARG, esp.ESP_ERR_INVALID_STATE, esp.ESP_ERR_TIMEOUT, 12345)])


# Python-side mistakes are exceptions that say where the value was going.
def expect(what, f):
    try:
        f()
        print(what, 'no error')
    except Exception as e:
        print(what, type(e).__name__, e)


expect('host as str', lambda: esp.spi_bus_initialize('HSPI', None, 1))
expect('missing argument', lambda: esp.spi_bus_free())
expect('unknown field', lambda: esp.spi_device_interface_config_t({'clock_hz': 1}))
expect('field range', lambda: esp.spi_device_interface_config_t({'mode': 256}))
expect('wrong struct', lambda: esp.spi_bus_add_device(esp.HSPI_HOST, esp.spi_bus_config_t(), esp.C_Pointer()))
expect('NULL deref', lambda: esp.Blob(0).__dereference__(4))
