# spi_bus.py: SPI buses shared by several drivers (a display and its touch controller, an SD card): the first one
# initialises the bus, the others add their device to it, the last one to leave frees it.
import espidf as esp

_DMA_CHANNEL = 1
_DMA_CHUNK = 4092  # ESP-IDF rounds max_transfer_sz up to whole DMA descriptors of this size

# host -> [users, (miso, mosi, clk), max_transfer_sz as rounded]
_buses = {}


def err_text(what, ret):
    return '%s failed: %s (%d)' % (what, esp.esp_err_to_name(ret), ret)


def acquire(who, host, miso, mosi, clk, max_transfer_sz):
    """Makes sure SPI host `host` is initialised for transfers of max_transfer_sz bytes; returns True when this call
    joined a bus set up here (release() must follow), False for miso=mosi=clk=-1: a bus initialised elsewhere (by
    other code, or before a soft reset), used as it is and never freed by this driver."""
    if miso == mosi == clk == -1:
        return False
    pins = (miso, mosi, clk)
    entry = _buses.get(host)
    if entry is not None:
        if entry[1] != pins:
            raise RuntimeError('%s: SPI host %d is already set up with miso %d, mosi %d, clk %d; pass the same pins or '
                               'miso=mosi=clk=-1' % ((who, host) + entry[1]))
        if max_transfer_sz > entry[2]:
            raise RuntimeError('%s: SPI host %d was set up for transfers of up to %d bytes, %d needed: create this '
                               'driver first' % (who, host, entry[2], max_transfer_sz))
        entry[0] += 1
        return True
    cfg = esp.spi_bus_config_t({'miso_io_num': miso, 'mosi_io_num': mosi, 'sclk_io_num': clk, 'quadwp_io_num': -1,
                                'quadhd_io_num': -1, 'max_transfer_sz': max_transfer_sz})
    ret = esp.spi_bus_initialize(host, cfg, _DMA_CHANNEL)
    if ret == esp.ESP_ERR_INVALID_STATE:
        raise RuntimeError('%s: %s: the bus is already initialised (by other code, or before a soft reset without '
                           'deinit()): pass miso=mosi=clk=-1 to use it as it is' % (who, err_text('spi_bus_initialize',
                                                                                                 ret)))
    if ret != esp.ESP_OK:
        raise RuntimeError('%s: %s' % (who, err_text('spi_bus_initialize', ret)))
    _buses[host] = [1, pins, max(1, (max_transfer_sz + _DMA_CHUNK - 1) // _DMA_CHUNK) * _DMA_CHUNK]
    return True


def release(host):
    """The counterpart of an acquire() that returned True: the last user frees the bus."""
    entry = _buses.get(host)
    if entry is None:
        return
    entry[0] -= 1
    if entry[0] == 0:
        del _buses[host]
        esp.spi_bus_free(host)


def users(host):
    """How many drivers use a bus set up here (0: none, or one initialised elsewhere)."""
    entry = _buses.get(host)
    return entry[0] if entry else 0


def forget_all():
    """Forgets every bus set up here, without freeing them: for a simulation reset (espsim.reset()), which powers
    the whole ESP32 off under the drivers."""
    _buses.clear()
