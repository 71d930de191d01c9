# test_seed_snippets.py: the MicroPython snippets of the 2019 write-up ("Pure Micropython Display Driver", the
# project's copy in shared/seed/000_b135de24d17c8a22.txt) run as the blog prints them, in its order, on the
# simulated ESP32 and panel, in hybrid and pure mode. Snippet lines are the blog's, character for character, with
# one mapping: `import lvgl as lv` is `import gui as lv` (our engine keeps LVGL v7's display contract under `gui`).
# Lines marked "# glue" stand for the blog's "..." and join the fragments into one class. The REPL's help(esp)
# listing is checked by tests/port (help_espidf: its order follows the generated module), help(esp.TRANS) here.
import espsim
import drvrig

panel = drvrig.fresh()

# "Auto generated C API"
import espidf as esp
import gui as lv

# "This would generate a Micropython object esp.CAP ... For example here we use esp.CAP.DMA:"
trans_buffer_len = 16  # glue: the blog's class defines it (with const), below
trans_buffer = esp.heap_caps_malloc(trans_buffer_len, esp.CAP.DMA)
print('CAP.DMA buffer', trans_buffer is not None)
help(esp.TRANS)


# "ILI9341 python class"
class ili9341:

    width = const(240)
    height = const(320)

    ######################################################

    disp_buf = lv.disp_buf_t()
    disp_drv = lv.disp_drv_t()

    def __init__(self, miso=5, mosi=18, clk=19, cs=13, dc=12, rst=4, backlight=2, spihost=esp.enum.HSPI_HOST, mhz=40, factor=4, hybrid=True):

        # Make sure Micropython was built such that color won't require processing before DMA

        if lv.color_t.SIZE != 2:
            raise RuntimeError('ili9341 micropython driver requires defining LV_COLOR_DEPTH=16')
        if not hasattr(lv.color_t().ch, 'green_l'):
            raise RuntimeError('ili9341 micropython driver requires defining LV_COLOR_16_SWAP=1')

        self.cs, self.dc, self.rst, self.spihost, self.mhz, self.hybrid = cs, dc, rst, spihost, mhz, hybrid  # glue
        self.buf_size = (self.width * self.height * lv.color_t.SIZE) // factor  # glue
        self.disp_spi_init()  # glue
        self.init_panel()  # glue

        # "Using Pointers"
        self.buf1 = esp.heap_caps_malloc(self.buf_size, esp.CAP.DMA)
        self.buf2 = esp.heap_caps_malloc(self.buf_size, esp.CAP.DMA)
        
        lv.disp_buf_init(self.disp_buf, self.buf1, self.buf2, self.buf_size // lv.color_t.SIZE)

        lv.disp_drv_init(self.disp_drv)  # glue
        self.disp_drv.buffer = self.disp_buf  # glue
        self.disp_drv.hor_res = self.width  # glue
        self.disp_drv.ver_res = self.height  # glue
        # "Using Callbacks"
        self.disp_drv.user_data = {'dc': self.dc, 'spi': self.spi}
        self.disp_drv.flush_cb = esp.ili9341_flush if self.hybrid and hasattr(esp, 'ili9341_flush') else self.flush
        self.disp_drv.monitor_cb = self.monitor
        lv.disp_drv_register(self.disp_drv)  # glue

    def disp_spi_init(self):
        buscfg = esp.spi_bus_config_t({'mosi_io_num': 18, 'sclk_io_num': 19, 'max_transfer_sz': self.buf_size})  # glue
        esp.spi_bus_initialize(self.spihost, buscfg, 1)  # glue
        # "On this function, dev_config is an input ... For example:"
        devcfg = esp.spi_device_interface_config_t({
            "clock_speed_hz": self.mhz*1000*1000,   # Clock out at DISP_SPI_MHZ MHz
            "mode": 0,                              # SPI mode 0
            "spics_io_num": self.cs,                # CS pin
            "queue_size": 2,
            "flags": esp.ESP.HALF_DUPLEX,
            "duty_cycle_pos": 128,
        })

        # "The uPy code of the display driver calls this function:"
        if self.hybrid and hasattr(esp, 'ili9341_post_cb_isr'):
            devcfg.pre_cb = None
            devcfg.post_cb = esp.ili9341_post_cb_isr
        else:
            devcfg.pre_cb = esp.spi_pre_cb_isr
            devcfg.post_cb = esp.spi_post_cb_isr

        # "The trick is to use a struct called C_Pointer, like this:"
        ptr_to_spi = esp.C_Pointer()
        ret = esp.spi_bus_add_device(self.spihost, devcfg, ptr_to_spi)
        if ret != 0: raise RuntimeError("Failed adding SPI device")
        self.spi = ptr_to_spi.ptr_val

        def flush_isr(spi_transaction_ptr):  # glue: the handler the blog registers, in interrupt context
            lv.disp_flush_ready(self.disp_drv)  # glue

        self.spi_callbacks = esp.spi_transaction_set_cb(None, flush_isr)

    trans = esp.spi_transaction_t()  # glue
    trans_buffer_len = const(16)
    trans_buffer = esp.heap_caps_malloc(trans_buffer_len, esp.CAP.DMA)

    def spi_send(self, data):  # glue: a polling transmit
        self.trans.length = len(data) * 8  # glue
        self.trans.tx_buffer = data  # glue
        self.trans.user = None  # glue
        esp.spi_device_polling_transmit(self.spi, self.trans)  # glue

    def send_cmd(self, cmd):  # glue
        esp.gpio_set_level(self.dc, 0)  # glue
        self.spi_send(bytes([cmd]))  # glue: a bytes object, copied through a temporary DMA buffer

    # "So we prepare trans_buffer which is a pointer to DMA-able memory"
    def send_data(self, data):
        esp.gpio_set_level(self.dc, 1)	   # Data mode
        if len(data) > self.trans_buffer_len: raise RuntimeError('Data too long, please use DMA!')
        trans_data = self.trans_buffer.__dereference__(len(data))
        trans_data[:] = data[:]
        self.spi_send(trans_data)

    # "When sending DMA, the transaction user field is set to that spi_callbacks."
    def spi_send_dma(self, data):
        self.trans.length = len(data) * 8  # glue
        self.trans.tx_buffer = data  # glue
        self.trans.user = self.spi_callbacks
        esp.spi_device_queue_trans(self.spi, self.trans, -1)

    def init_panel(self):  # glue: the usual reset and sequence (REFERENCE.md), through send_cmd/send_data
        for pin in (self.dc, self.rst, 2):  # glue
            esp.gpio_set_direction(pin, esp.GPIO_MODE.OUTPUT)  # glue
        esp.gpio_set_level(self.rst, 0)  # glue
        esp.task_delay_ms(10)  # glue
        esp.gpio_set_level(self.rst, 1)  # glue
        esp.task_delay_ms(120)  # glue
        for cmd, data in ((0x36, b'\x48'), (0x3A, b'\x55'), (0x11, b''), (0x29, b'')):  # glue
            self.send_cmd(cmd)  # glue
            if data:  # glue
                self.send_data(data)  # glue
            esp.task_delay_ms(120)  # glue
        esp.gpio_set_level(2, 1)  # glue: backlight

    def flush(self, disp_drv, area, color_p):  # glue: pure mode's flush, with the blog's pieces
        for cmd, a, b in ((0x2A, area.x1, area.x2), (0x2B, area.y1, area.y2)):  # glue
            self.send_cmd(cmd)  # glue
            self.send_data(bytes([a >> 8, a & 0xFF, b >> 8, b & 0xFF]))  # glue
        self.send_cmd(0x2C)  # glue
        size = (area.x2 - area.x1 + 1) * (area.y2 - area.y1 + 1)  # glue
        esp.gpio_set_level(self.dc, 1)  # glue
        self.spi_send_dma(color_p.__dereference__(size * lv.color_t.SIZE))  # glue

    def monitor(self, disp_drv, time, px):  # glue
        pass  # glue


# Rig: the class keeps DMA buffers made at its definition, so both runs share one simulated ESP32; between them
# the first display's SPI device, bus and buffers are freed and a new panel is attached.
def teardown(disp, panel):
    done = esp.C_Pointer()
    kept = 0
    while esp.spi_device_get_trans_result(disp.spi, done, 0) == esp.ESP_OK:  # results nobody collected
        kept += 1
    print('uncollected results kept', kept, [esp.esp_err_to_name(e) for e in (
        esp.spi_bus_remove_device(disp.spi), esp.spi_bus_free(disp.spihost), espsim.ili9341_detach(panel))])
    esp.heap_caps_free(disp.buf1)
    esp.heap_caps_free(disp.buf2)


for hybrid in (True, False):
    if not hybrid:
        teardown(disp, panel)
        panel = drvrig.attach()
    disp = ili9341(hybrid=hybrid)
    # The REPL's `print(ili9341.disp.disp_drv.user_data.cast())`: reading the void * field gives the dict itself
    # (2019: a Blob, made a dict again by .cast(); today's name is __cast__, see drivers/README.md).
    user_data = disp.disp_drv.user_data
    print('user_data', sorted(user_data), user_data['dc'], type(user_data['spi']).__name__)
    disp.disp_drv.wait_cb = lambda drv: espsim.run_until_idle()  # rig: lets virtual time pass while waiting
    src = drvrig.pattern(disp.width, disp.height, 5)
    drvrig.show(disp, src)
    lv.refresh(disp.disp_drv)
    lv.disp_flush_wait(disp.disp_drv)
    print('hybrid' if hybrid else 'pure', 'panel equals canvas', drvrig.panel_equals(panel, disp, src),
          'violations', espsim.ili9341_violation_total(panel), repr(espsim.ili9341_last_violation(panel)))
