# display_pure.py: the display driver core's pure-mode flush path (flush, wait_cb, DMA-completion handler) in
# Python, compiled to machine code by MicroPython's native emitter (as bytecode by an interpreter without one: the
# armhf pass); RGB565 to RGB666 widening by the viper emitter where there is one (rgb666_viper.py).
import micropython
from micropython import const
import espidf as esp

_CASET = const(0x2A)
_PASET = const(0x2B)

# The path's mutable state: one list shared by its functions, indexed by these names.
_DISP = const(0)      # the display being flushed, for the completion handler
_PENDING = const(1)   # a pixel transaction is queued and its result not yet collected
_CONT_Y = const(2)    # the row the panel's write pointer stands at after the last strip (-1: unknown)
_WIN_X1 = const(3)    # the panel's window: columns _WIN_X1.._WIN_X2, rows _WIN_Y..bottom (-1: unknown)
_WIN_X2 = const(4)
_WIN_Y = const(5)
_ROW_BITS = const(6)  # bits in one row of the window
_READY = const(7)     # what the completion handler calls with the display (flush-ready)


try:
    from rgb666_viper import rgb565_to_rgb666
except SyntaxError:
    # An interpreter without the viper emitter (the armhf pass) widens with the C helper of the hybrid flush: a
    # bytecode loop over every pixel would take seconds a frame.
    rgb565_to_rgb666 = esp.panel_widen_rgb666


def pure_path(spi, dc, height, x_off, y_off, pixel_bits, expand, cmd_view, cmd1, cmd4, ramwr, ramwrc, trans, result,
              ready, name, err_text, in_isr):
    """The pure-mode flush path: (flush, wait, handler, set_ready, forget). handler is the pixel transaction's
    completion handler: it calls `ready` in interrupt context (in_isr), or schedules that with micropython.schedule.

    The panel's window is the area moved by (x_off, y_off), where the module's glass sits in the controller's
    memory. pixel_bits: 16, or 24 with expand(buf, n) widening the GUI's RGB565 in the buffer first. ramwrc None: the
    controller has no memory write continue; a continuing strip then sends its first row (PASET) and RAMWR.

    flush, wait and isr run for every strip, so they are written for MicroPython's costs (drivers/README.md):
    - @micropython.native: machine code instead of bytecode, with frames on the C stack, not the heap (this core
      puts a bytecode frame of more than 11 words on the heap). Native code has no try/with here, and it uses no
      module globals (v1.9.2's native functions look globals up in their caller's module).
    - Plain functions whose constants (ESP-IDF calls, handles, prepared transactions) are default arguments: a
      closure with more than 5 cells and arguments copies them into a heap block at every call.
    - The mutable state in one list (`st`), read and written by index.
    - Commands the panel already has are not sent again: a strip that continues the previous one needs only
      RAMWRC, and a window the panel already has only RAMWR.
    - What only some controllers need (offsets, wider pixels) costs nothing per strip on the others: offsets and
      pixel size live in the functions that send a new window, widening and the lack of RAMWRC in a wrapper.
    """
    st = [None, False, -1, -1, -1, -1, 0, ready]

    def forget():
        """After any other command: the panel's window and write pointer are no longer known."""
        st[_CONT_Y] = st[_WIN_X1] = st[_WIN_X2] = st[_WIN_Y] = -1

    def failed(disp_drv, what, err):
        forget()
        st[_READY](disp_drv)  # nothing of this strip is on the bus: the GUI may reuse the buffer
        raise RuntimeError(name + ': ' + err_text(what, err))

    @micropython.native
    def send_range(cmd, start, end, cmd_view=cmd_view, gpio_set_level=esp.gpio_set_level, dc=dc,
                   polling_transmit=esp.spi_device_polling_transmit, spi=spi, cmd1=cmd1, cmd4=cmd4):
        # CASET or PASET: the command (D/C low), then start and end as 16-bit big-endian values (D/C high).
        cmd_view[0] = cmd
        gpio_set_level(dc, 0)
        err = polling_transmit(spi, cmd1)
        cmd_view[0] = start >> 8
        cmd_view[1] = start & 0xFF
        cmd_view[2] = end >> 8
        cmd_view[3] = end & 0xFF
        gpio_set_level(dc, 1)
        return err or polling_transmit(spi, cmd4)

    @micropython.native
    def send_cols(x1, x2, st=st, send_range=send_range, x_off=x_off, pixel_bits=pixel_bits):
        # CASET in the controller's memory, and the bits a row of this window takes on the wire.
        st[_ROW_BITS] = pixel_bits * (x2 - x1 + 1)
        return send_range(_CASET, x1 + x_off, x2 + x_off)

    @micropython.native
    def send_rows(y1, send_range=send_range, y_off=y_off, last=height - 1 + y_off):
        # PASET from row y1 to the bottom of the screen, so that the next strip can continue with RAMWRC.
        return send_range(_PASET, y1 + y_off, last)

    @micropython.native
    def flush(disp_drv, area, color_p, st=st, spi=spi, dc=dc, ramwr=ramwr, ramwrc=ramwrc, trans=trans,
              result=result, max_delay=esp.portMAX_DELAY, gpio_set_level=esp.gpio_set_level,
              polling_transmit=esp.spi_device_polling_transmit, queue_trans=esp.spi_device_queue_trans,
              get_trans_result=esp.spi_device_get_trans_result, send_cols=send_cols, send_rows=send_rows,
              failed=failed):
        """flush_cb: the window (or RAMWRC), then the pixels as one queued DMA transaction whose completion
        handler signals flush-ready."""
        st[_DISP] = disp_drv
        if st[_PENDING]:  # collect the last pixel result: results nobody collects fill the result queue
            st[_PENDING] = False
            get_trans_result(spi, result, max_delay)
        x1 = area.x1
        x2 = area.x2
        y1 = area.y1
        if y1 == st[_CONT_Y] and x1 == st[_WIN_X1] and x2 == st[_WIN_X2]:
            cmd = ramwrc
        else:
            if x1 != st[_WIN_X1] or x2 != st[_WIN_X2]:
                st[_WIN_X1] = -1  # unknown until the command went through
                err = send_cols(x1, x2)
                if err:
                    failed(disp_drv, 'spi_device_polling_transmit (CASET)', err)
                st[_WIN_X1] = x1
                st[_WIN_X2] = x2
            if y1 != st[_WIN_Y]:
                st[_WIN_Y] = -1
                err = send_rows(y1)
                if err:
                    failed(disp_drv, 'spi_device_polling_transmit (PASET)', err)
                st[_WIN_Y] = y1
            cmd = ramwr
        gpio_set_level(dc, 0)
        err = polling_transmit(spi, cmd)
        if err:
            failed(disp_drv, 'spi_device_polling_transmit', err)
        cont_y = area.y2 + 1
        st[_CONT_Y] = cont_y
        trans.length = st[_ROW_BITS] * (cont_y - y1)
        trans.tx_buffer = color_p
        gpio_set_level(dc, 1)
        err = queue_trans(spi, trans, max_delay)
        if err:
            failed(disp_drv, 'spi_device_queue_trans', err)
        st[_PENDING] = True

    @micropython.native
    def wait(disp_drv, st=st, get_trans_result=esp.spi_device_get_trans_result, spi=spi, result=result,
             max_delay=esp.portMAX_DELAY):
        """wait_cb: sleep until the pixel transaction is done."""
        if st[_PENDING]:
            st[_PENDING] = False
            get_trans_result(spi, result, max_delay)

    def wait_soft(disp_drv):
        # wait_cb for scheduled completions, in bytecode: the VM runs scheduled callbacks at jumps such as this
        # `if`; native code never does.
        if st[_PENDING]:
            wait(disp_drv)

    @micropython.native
    def isr(_, st=st):
        # post_cb of the pixel transaction, in interrupt context: the heap is locked, so only calls on existing
        # objects.
        st[_READY](st[_DISP])

    def isr_soft(_, schedule=micropython.schedule):
        schedule(isr, None)  # the same call, later, in the task

    def set_ready(fn):
        st[_READY] = fn

    if expand is not None or ramwrc is None:
        flush = _adapted(flush, st, expand, ramwrc is None)
    if in_isr:
        return flush, wait, isr, set_ready, forget
    return flush, wait_soft, isr_soft, set_ready, forget


def _adapted(flush, st, expand, no_continue):
    """flush for a controller that takes wider pixels (expand widens the strip in its buffer first) or has no memory
    write continue (every strip then sends its first row and RAMWR)."""
    @micropython.native
    def adapted(disp_drv, area, color_p, flush=flush, st=st, expand=expand, no_continue=no_continue):
        if no_continue:
            st[_CONT_Y] = -1
        if expand:
            # The engine hands a struct instance, LVGL a Blob: both view the strip's memory, which the widening
            # fills to 3 bytes a pixel.
            n = (area.x2 - area.x1 + 1) * (area.y2 - area.y1 + 1)
            expand(color_p.__dereference__(3 * n), n)
        flush(disp_drv, area, color_p)
    return adapted
