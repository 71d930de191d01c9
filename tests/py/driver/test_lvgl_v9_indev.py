# test_lvgl_v9_indev.py: the LVGL v9 input device adapter (drivers/lvgl_v9.py) on the xpt2046 driver: a stand-in of
# LVGL's indev polls the driver's read(indev, data); press, point and release arrive in LVGL's values.
import espidf as esp
import espsim
import lvgl as lv
import panelrig
from ili9341 import ili9341
from xpt2046 import xpt2046
from lvgl_v9 import lvgl_v9_indev

MS = 1000000
panelrig.fresh(espsim.MODULE.ILI9341_240X320)
cfg = espsim.xpt2046_config_t({'host': esp.HSPI_HOST, 'cs_io_num': 25, 'noise': 8, 'seed': 2})
p = esp.C_Pointer()
espsim.xpt2046_attach(cfg, p)
film = p.ptr_val
d = ili9341(register=False)
touch = xpt2046(width=d.width, height=d.height, register=False)
print('no gui input device made', touch.indev_drv is None)
indev = lvgl_v9_indev(touch)
print('type pointer', indev.type == lv.INDEV_TYPE.POINTER)
print('untouched', indev.read().state == lv.INDEV_STATE.RELEASED)
t = espsim.now_ns()
espsim.xpt2046_stroke(film, t, t + 50 * MS, 60, 200, 60, 200, 300)
espsim.advance_ns(10 * MS)
data = indev.read()
print('pressed', data.state == lv.INDEV_STATE.PRESSED, 'near 60, 200', abs(data.point.x - 60) <= 3 and
      abs(data.point.y - 200) <= 3)
espsim.advance_ns(60 * MS)
data = indev.read()
print('released', data.state == lv.INDEV_STATE.RELEASED, 'point kept', abs(data.point.x - 60) <= 3)
touch.deinit()
d.deinit()
