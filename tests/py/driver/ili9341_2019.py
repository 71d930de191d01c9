# ili9341_2019.py: an ILI9341 driver written in the style of the 2019 write-up's driver (lv_binding_micropython,
# driver/esp32/ili9341.py at 6d9989e), to show that its idioms run as written here: structs and DMA buffers as
# class attributes, SPI results never collected, -1 for "wait forever", esp.ESP.HALF_DUPLEX and
# esp.enum.HSPI_HOST, a Python flush that views its pixels with color_p.__dereference__, a Python completion
# handler in interrupt context (pure mode) or the C flush (hybrid mode), cycle counts with esp.get_ccount. With
# soft=True the handler defers flush-ready to micropython.schedule (the 2019 driver had that path commented out:
# LVGL v6 gave MicroPython no chance to run while it waited; a GUI wait_cb in Python does).
# The GUI is the `gui` engine under the seed's `lv` name. Written for the tests, not a copy of that file; the only
# spelling that differs from 2019 is __cast_instance__ (2019: cast_instance, see drivers/README.md).
import espidf as esp
import gui as lv
import micropython

micropython.alloc_emergency_exception_buf(256)


class ili9341:

    width = const(240)
    height = const(320)

    disp_buf = lv.disp_buf_t()
    disp_drv = lv.disp_drv_t()

    def __init__(self, miso=5, mosi=18, clk=19, cs=13, dc=12, rst=4, backlight=2, spihost=esp.enum.HSPI_HOST,
                 mhz=40, factor=4, hybrid=True, soft=False):

        # The GUI must render what the panel takes as it is: RGB565 with the bytes in wire order.
        if lv.color_t.SIZE != 2:
            raise RuntimeError('ili9341 needs 16-bit colour (LV_COLOR_DEPTH=16)')
        if not hasattr(lv.color_t().ch, 'green_l'):
            raise RuntimeError('ili9341 needs the bytes of a colour swapped (LV_COLOR_16_SWAP=1)')

        self.miso = miso
        self.mosi = mosi
        self.clk = clk
        self.cs = cs
        self.dc = dc
        self.rst = rst
        self.backlight = backlight
        self.spihost = spihost
        self.mhz = mhz
        self.factor = factor
        self.hybrid = hybrid
        self.soft = soft

        self.buf_size = (self.width * self.height * lv.color_t.SIZE) // factor

        self.init()

        # Two DMA buffers: the GUI renders into one while the other is on the bus.
        self.buf1 = esp.heap_caps_malloc(self.buf_size, esp.CAP.DMA)
        self.buf2 = esp.heap_caps_malloc(self.buf_size, esp.CAP.DMA)
        if self.buf1 and self.buf2:
            print("Double buffer")
        elif self.buf1:
            print("Single buffer")
        else:
            raise RuntimeError("No DMA memory for a display buffer")

        lv.disp_buf_init(self.disp_buf, self.buf1, self.buf2, self.buf_size // lv.color_t.SIZE)
        lv.disp_drv_init(self.disp_drv)

        # dc and spi for the C flush; the binding adds the callbacks to the same dict.
        self.disp_drv.user_data = {'dc': self.dc, 'spi': self.spi}
        self.disp_drv.buffer = self.disp_buf
        self.disp_drv.flush_cb = esp.ili9341_flush if self.hybrid and hasattr(esp, 'ili9341_flush') else self.flush
        self.disp_drv.monitor_cb = self.monitor
        self.disp_drv.hor_res = self.width
        self.disp_drv.ver_res = self.height

        lv.disp_drv_register(self.disp_drv)

    # The usual sequence, as 2019 sent it: a 0x00 after SLPOUT and DISPON, 100 ms after each.
    init_cmds = [
        {'cmd': 0xCF, 'data': bytes([0x00, 0x83, 0x30])},
        {'cmd': 0xED, 'data': bytes([0x64, 0x03, 0x12, 0x81])},
        {'cmd': 0xE8, 'data': bytes([0x85, 0x01, 0x79])},
        {'cmd': 0xCB, 'data': bytes([0x39, 0x2C, 0x00, 0x34, 0x02])},
        {'cmd': 0xF7, 'data': bytes([0x20])},
        {'cmd': 0xEA, 'data': bytes([0x00, 0x00])},
        {'cmd': 0xC0, 'data': bytes([0x26])},
        {'cmd': 0xC1, 'data': bytes([0x11])},
        {'cmd': 0xC5, 'data': bytes([0x35, 0x3E])},
        {'cmd': 0xC7, 'data': bytes([0xBE])},
        {'cmd': 0x36, 'data': bytes([0x48])},
        {'cmd': 0x3A, 'data': bytes([0x55])},
        {'cmd': 0xB1, 'data': bytes([0x00, 0x1B])},
        {'cmd': 0xF2, 'data': bytes([0x08])},
        {'cmd': 0x26, 'data': bytes([0x01])},
        {'cmd': 0xE0, 'data': bytes([0x1F, 0x1A, 0x18, 0x0A, 0x0F, 0x06, 0x45, 0x87, 0x32, 0x0A, 0x07, 0x02, 0x07,
                                     0x05, 0x00])},
        {'cmd': 0xE1, 'data': bytes([0x00, 0x25, 0x27, 0x05, 0x10, 0x09, 0x3A, 0x78, 0x4D, 0x05, 0x18, 0x0D, 0x38,
                                     0x3A, 0x1F])},
        {'cmd': 0x2A, 'data': bytes([0x00, 0x00, 0x00, 0xEF])},
        {'cmd': 0x2B, 'data': bytes([0x00, 0x00, 0x01, 0x3F])},
        {'cmd': 0x2C, 'data': bytes([0])},
        {'cmd': 0xB7, 'data': bytes([0x07])},
        {'cmd': 0xB6, 'data': bytes([0x0A, 0x82, 0x27, 0x00])},
        {'cmd': 0x11, 'data': bytes([0]), 'delay': 100},
        {'cmd': 0x29, 'data': bytes([0]), 'delay': 100}]

    def disp_spi_init(self):
        buscfg = esp.spi_bus_config_t({
            "miso_io_num": self.miso,
            "mosi_io_num": self.mosi,
            "sclk_io_num": self.clk,
            "quadwp_io_num": -1,
            "quadhd_io_num": -1,
            "max_transfer_sz": self.buf_size,
        })

        devcfg = esp.spi_device_interface_config_t({
            "clock_speed_hz": self.mhz * 1000 * 1000,
            "mode": 0,
            "spics_io_num": self.cs,
            "queue_size": 2,
            "flags": esp.ESP.HALF_DUPLEX,
            "duty_cycle_pos": 128,
        })

        if self.hybrid and hasattr(esp, 'ili9341_post_cb_isr'):
            devcfg.pre_cb = None
            devcfg.post_cb = esp.ili9341_post_cb_isr
        else:
            devcfg.pre_cb = esp.spi_pre_cb_isr
            devcfg.post_cb = esp.spi_post_cb_isr

        esp.gpio_pad_select_gpio(self.miso)
        esp.gpio_pad_select_gpio(self.mosi)
        esp.gpio_pad_select_gpio(self.clk)

        esp.gpio_set_direction(self.miso, esp.GPIO_MODE.INPUT)
        esp.gpio_set_pull_mode(self.miso, esp.GPIO.PULLUP_ONLY)
        esp.gpio_set_direction(self.mosi, esp.GPIO_MODE.OUTPUT)
        esp.gpio_set_direction(self.clk, esp.GPIO_MODE.OUTPUT)

        esp.gpio_pad_select_gpio(self.cs)

        ret = esp.spi_bus_initialize(self.spihost, buscfg, 1)
        if ret != 0: raise RuntimeError("Failed initializing SPI bus")

        ptr_to_spi = esp.C_Pointer()
        ret = esp.spi_bus_add_device(self.spihost, devcfg, ptr_to_spi)
        if ret != 0: raise RuntimeError("Failed adding SPI device")
        self.spi = ptr_to_spi.ptr_val

        # Pure mode's completion handler runs in interrupt context: it allocates nothing (the transaction view is
        # made here and re-pointed at each call).
        self.bytes_transmitted = 0
        self.completions = 0
        completed = esp.spi_transaction_t()
        cast_instance = esp.spi_transaction_t.__cast_instance__

        def ready(_):
            lv.disp_flush_ready(self.disp_drv)

        def flush_isr(spi_transaction_ptr):
            if self.soft:
                micropython.schedule(ready, None)
            else:
                lv.disp_flush_ready(self.disp_drv)
            esp.get_ccount(self.end_time_ptr)
            cast_instance(completed, spi_transaction_ptr)
            self.bytes_transmitted += completed.length // 8
            self.completions += 1

        self.spi_callbacks = esp.spi_transaction_set_cb(None, flush_isr)

    trans = esp.spi_transaction_t()

    def spi_send(self, data):
        self.trans.length = len(data) * 8   # bits
        self.trans.tx_buffer = data         # DMA-capable memory
        self.trans.user = None
        esp.spi_device_polling_transmit(self.spi, self.trans)

    def spi_send_dma(self, data):
        self.trans.length = len(data) * 8
        self.trans.tx_buffer = data
        self.trans.user = self.spi_callbacks
        esp.spi_device_queue_trans(self.spi, self.trans, -1)   # forever; the result is never collected

    trans_buffer_len = const(16)
    trans_buffer = esp.heap_caps_malloc(trans_buffer_len, esp.CAP.DMA)
    cmd_trans_data = trans_buffer.__dereference__(1)
    word_trans_data = trans_buffer.__dereference__(4)

    def send_cmd(self, cmd):
        esp.gpio_set_level(self.dc, 0)      # command
        self.cmd_trans_data[0] = cmd
        self.spi_send(self.cmd_trans_data)

    def send_data(self, data):
        esp.gpio_set_level(self.dc, 1)      # data
        if len(data) > self.trans_buffer_len: raise RuntimeError('Data too long, please use DMA!')
        trans_data = self.trans_buffer.__dereference__(len(data))
        trans_data[:] = data[:]
        self.spi_send(trans_data)

    def send_trans_word(self):
        esp.gpio_set_level(self.dc, 1)
        self.spi_send(self.word_trans_data)

    def send_data_dma(self, data):          # DMA-capable memory
        esp.gpio_set_level(self.dc, 1)
        self.spi_send_dma(data)

    def init(self):
        self.disp_spi_init()

        esp.gpio_pad_select_gpio(self.dc)

        esp.gpio_set_direction(self.dc, esp.GPIO_MODE.OUTPUT)
        esp.gpio_set_direction(self.rst, esp.GPIO_MODE.OUTPUT)
        if self.backlight != -1: esp.gpio_set_direction(self.backlight, esp.GPIO_MODE.OUTPUT)

        esp.gpio_set_level(self.rst, 0)
        esp.task_delay_ms(100)
        esp.gpio_set_level(self.rst, 1)
        esp.task_delay_ms(100)

        for cmd in self.init_cmds:
            self.send_cmd(cmd['cmd'])
            self.send_data(cmd['data'])
            if 'delay' in cmd:
                esp.task_delay_ms(cmd['delay'])

        print("ILI9341 initialization completed")

        if self.backlight != -1:
            print("Enable backlight")
            esp.gpio_set_level(self.backlight, 1)

    start_time_ptr = esp.C_Pointer()
    end_time_ptr = esp.C_Pointer()
    flush_acc_setup_cycles = 0
    flush_acc_dma_cycles = 0

    def flush(self, disp_drv, area, color_p):

        if self.end_time_ptr.int_val and self.end_time_ptr.int_val > self.start_time_ptr.int_val:
            self.flush_acc_dma_cycles += self.end_time_ptr.int_val - self.start_time_ptr.int_val

        esp.get_ccount(self.start_time_ptr)

        self.send_cmd(0x2A)                 # columns
        self.word_trans_data[0] = (area.x1 >> 8) & 0xFF
        self.word_trans_data[1] = area.x1 & 0xFF
        self.word_trans_data[2] = (area.x2 >> 8) & 0xFF
        self.word_trans_data[3] = area.x2 & 0xFF
        self.send_trans_word()

        self.send_cmd(0x2B)                 # pages
        self.word_trans_data[0] = (area.y1 >> 8) & 0xFF
        self.word_trans_data[1] = area.y1 & 0xFF
        self.word_trans_data[2] = (area.y2 >> 8) & 0xFF
        self.word_trans_data[3] = area.y2 & 0xFF
        self.send_trans_word()

        self.send_cmd(0x2C)                 # memory write, by DMA; flush_isr tells the GUI when it is done

        size = (area.x2 - area.x1 + 1) * (area.y2 - area.y1 + 1)
        data_view = color_p.__dereference__(size * lv.color_t.SIZE)

        esp.get_ccount(self.end_time_ptr)
        if self.end_time_ptr.int_val > self.start_time_ptr.int_val:
            self.flush_acc_setup_cycles += self.end_time_ptr.int_val - self.start_time_ptr.int_val
        esp.get_ccount(self.start_time_ptr)

        self.send_data_dma(data_view)

    monitor_acc_time = 0
    monitor_acc_px = 0
    monitor_count = 0

    cycles_in_ms = esp.esp_clk_cpu_freq() // 1000

    def monitor(self, disp_drv, time, px):
        self.monitor_acc_time += time
        self.monitor_acc_px += px
        self.monitor_count += 1

    def stat(self):
        if self.monitor_count == 0:
            return None
        time = self.monitor_acc_time // self.monitor_count
        setup = self.flush_acc_setup_cycles // (self.monitor_count * self.cycles_in_ms)
        dma = self.flush_acc_dma_cycles // (self.monitor_count * self.cycles_in_ms)
        px = self.monitor_acc_px // self.monitor_count
        self.monitor_acc_time = 0
        self.monitor_acc_px = 0
        self.monitor_count = 0
        self.flush_acc_setup_cycles = 0
        self.flush_acc_dma_cycles = 0
        return time, setup, dma, px
