# test_isr_preempt.py: in real-time mode a post_cb written in Python arrives as a signal and preempts a busy Python
# loop that calls no C at all: the loop ends only because the handler ran in the middle of it.
import espidf as esp
import espsim
import rig

espsim.reset()
esp.esp_log_level_set('*', esp.ESP_LOG.NONE)
print('mode', espsim.get_time_mode() == espsim.TIME.REAL)
rig.bus()
cfg = rig.device_config()
cfg.post_cb = esp.spi_post_cb_isr
err, dev = rig.device(cfg)

flag = [0, 0]


def post(trans):
    flag[0] = 1
    flag[1] = espsim.in_isr()


t = esp.spi_transaction_t({'length': 8 * 4, 'flags': esp.SPI_TRANS_USE.TXDATA})
t.user = esp.spi_transaction_set_cb(None, post)
print('queued', rig.name(esp.spi_device_queue_trans(dev, t, 0)))
CAP = 50000000  # about 5 s of looping: only reached if no interrupt came
n = 0
while flag[0] == 0 and n < CAP:
    n += 1
print('interrupted', flag[0] == 1, 'before the cap', n < CAP, 'in isr', flag[1])
out = esp.C_Pointer()
print('result', rig.name(esp.spi_device_get_trans_result(dev, out, esp.portMAX_DELAY)), out.ptr_val == esp.Blob(t))
esp.spi_transaction_release_cb(t.user)
# The bus engine thread must be stopped before the interpreter exits (the simulation aborts otherwise).
print('teardown', rig.name(esp.spi_bus_remove_device(dev)), rig.name(esp.spi_bus_free(esp.HSPI_HOST)))
