# test_panel.py: the ILI9341 panel model receives the usual init sequence and a window write sent through espidf,
# and its pixels, state and image are read back through espsim.
import espidf as esp
import espsim
import rig

from ili9341 import _INIT as INIT  # the driver's init sequence

rig.fresh()
rig.bus()
err, dev = rig.device()
io = esp.gpio_config_t({'pin_bit_mask': (1 << rig.DC) | (1 << rig.RST) | (1 << rig.BL), 'mode': esp.GPIO_MODE.OUTPUT})
esp.gpio_config(io)

pcfg = espsim.ili9341_config_t({'host': esp.HSPI_HOST, 'cs_io_num': rig.CS, 'dc_io_num': rig.DC,
                                'reset_io_num': rig.RST, 'backlight_io_num': rig.BL, 'seed': 7})
p = esp.C_Pointer()
print('attach', rig.name(espsim.ili9341_attach(pcfg, p)))
panel = p.ptr_val

# One DMA buffer for every data phase; D/C is set before each blocking transmit (sampled when a transfer starts).
dma = esp.heap_caps_malloc(4092, esp.CAP.DMA)
dma_view = dma.__dereference__(4092)
trans = esp.spi_transaction_t()


def send(data, dc):
    esp.gpio_set_level(rig.DC, dc)
    trans.length = 8 * len(data)
    if len(data) <= 4:
        trans.flags = esp.SPI_TRANS_USE.TXDATA
        trans.tx_data = list(data)
    else:
        trans.flags = 0
        dma_view[0:len(data)] = data
        trans.tx_buffer = dma
    return esp.spi_device_transmit(dev, trans)


def command(cmd, data=b''):
    errs = [send(bytes([cmd]), 0)]
    if data:
        errs.append(send(data, 1))
    return errs


# Hardware reset: RESX low for 1 ms, then 5 ms before the first command; backlight on.
esp.gpio_set_level(rig.BL, 1)
esp.gpio_set_level(rig.RST, 0)
espsim.advance_ns(1000000)
esp.gpio_set_level(rig.RST, 1)
esp.vTaskDelay(1)
errs = []
for cmd, data in INIT:
    errs += command(cmd, data)
esp.vTaskDelay(12)         # 120 ms after the reset before SLPOUT
errs += command(0x11)      # SLPOUT
esp.vTaskDelay(12)
errs += command(0x29)      # DISPON
print('init errors', [e for e in errs if e != esp.ESP_OK])

state = espsim.ili9341_state_t()
espsim.ili9341_get_state(panel, state)
print('state awake', state.awake, 'on', state.display_on, 'backlight', state.backlight_on,
      'madctl 0x%02x colmod 0x%02x' % (state.madctl, state.colmod))
params = bytearray(16)
n = espsim.ili9341_get_params(panel, 0xE0, params, len(params))
print('E0 params', n, bytes(params[:n]) == INIT[15][1])

# A 10x5 window at (10, 20) filled with a gradient, big-endian RGB565 on the wire.
X, Y, W, H = 10, 20, 10, 5
pixels = [(i * 997) & 0xFFFF for i in range(W * H)]
wire = bytearray()
for px in pixels:
    wire += bytes([px >> 8, px & 0xFF])
errs = command(0x2A, bytes([0, X, 0, X + W - 1])) + command(0x2B, bytes([0, Y, 0, Y + H - 1]))
errs += command(0x2C, wire)
print('window errors', [e for e in errs if e != esp.ESP_OK])

# Read back in the window's own coordinates (native-endian uint16 per pixel).
back = bytearray(2 * W * H)
print('read', rig.name(espsim.ili9341_read_logical_rgb565(panel, X, Y, W, H, back)))
got = [back[2 * i] | (back[2 * i + 1] << 8) for i in range(W * H)]
print('pixels match', got == pixels, 'first', hex(got[0]), hex(got[1]), 'last', hex(got[-1]))
espsim.ili9341_get_state(panel, state)
print('pixels written', state.pixels_written, 'window', state.col_start, state.col_end, state.page_start,
      state.page_end)
print('violations', espsim.ili9341_violation_total(panel), repr(espsim.ili9341_last_violation(panel)))

# A command the panel does not know is counted as a violation.
command(0xFE)
print('unknown command', espsim.ili9341_violations(panel, espsim.ILI9341.UNKNOWN_COMMAND),
      espsim.ili9341_violation_name(espsim.ILI9341.UNKNOWN_COMMAND))

# The glass as a PNG file (lodepng), and its hash changes when the display is switched off.
print('png', rig.name(espsim.ili9341_write_png(panel, '/tmp/mpbind_test_panel.png')))
print('png to a missing folder', rig.name(espsim.ili9341_write_png(panel, '/nonexistent-dir/x.png')))
on_hash = espsim.ili9341_glass_hash(panel)
command(0x28)  # DISPOFF: black glass
print('hash changes when off', espsim.ili9341_glass_hash(panel) != on_hash)
print('detach', rig.name(espsim.ili9341_detach(panel)))
esp.heap_caps_free(dma)
