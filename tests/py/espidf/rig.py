# rig.py: shared set-up of the espidf tests: a fresh simulation in virtual time, an HSPI bus and a device on it.
import espidf as esp
import espsim

MOSI, CLK, CS, DC, RST, BL = 18, 19, 13, 12, 4, 2


def fresh():
    # Virtual time: transfers take their exact bus time, callbacks run at defined points: deterministic output.
    espsim.reset()
    # ESP-IDF's log lines go to stderr, unsynchronised with print: tests read error codes instead.
    esp.esp_log_level_set('*', esp.ESP_LOG.NONE)
    assert espsim.set_time_mode(espsim.TIME.VIRTUAL) == esp.ESP_OK


def bus(host=esp.HSPI_HOST, max_transfer=4092):
    cfg = esp.spi_bus_config_t({'mosi_io_num': MOSI, 'sclk_io_num': CLK, 'max_transfer_sz': max_transfer})
    return esp.spi_bus_initialize(host, cfg, 1)


def device_config(hz=40000000, queue=4, **extra):
    # Half duplex: 40 MHz on GPIO-matrix pins is refused in full duplex, as by ESP-IDF (the seed's driver does this).
    fields = {'clock_speed_hz': hz, 'mode': 0, 'spics_io_num': CS, 'queue_size': queue,
              'flags': esp.SPI_DEVICE.HALFDUPLEX}
    fields.update(extra)
    return esp.spi_device_interface_config_t(fields)


def device(cfg=None, host=esp.HSPI_HOST):
    # The handle comes back through a C_Pointer out-parameter (spi_device_handle_t *).
    h = esp.C_Pointer()
    err = esp.spi_bus_add_device(host, cfg or device_config(), h)
    return err, h.ptr_val


def name(err):
    return esp.esp_err_to_name(err)
