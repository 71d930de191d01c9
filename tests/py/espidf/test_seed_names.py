# test_seed_names.py: the seed's espidf names (enums over ESP-IDF macros, get_ccount, task_delay_ms), -1 as
# portMAX_DELAY, and a Python subclass of spi_transaction_t whose field writes reach ESP-IDF.
import espidf as esp
import espsim
import rig

rig.fresh()
print('bus', rig.name(rig.bus()))
err, dev = rig.device(rig.device_config(queue=2))
print('device', rig.name(err))

print('ESP', esp.ESP.HALF_DUPLEX == esp.SPI_DEVICE.HALFDUPLEX, esp.ESP.MAX_DELAY == esp.portMAX_DELAY)
print('enum', esp.enum.SPI_HOST, esp.enum.HSPI_HOST == esp.HSPI_HOST, esp.enum.VSPI_HOST == esp.VSPI_HOST)
print('TRANS', esp.TRANS.MODE_DIO, esp.TRANS.MODE_QIO, esp.TRANS.USE_RXDATA, esp.TRANS.USE_TXDATA,
      esp.TRANS.MODE_DIOQIO_ADDR, esp.TRANS.VARIABLE_CMD, esp.TRANS.VARIABLE_ADDR,
      esp.TRANS.USE_TXDATA == esp.SPI_TRANS_USE.TXDATA)

# -1 for the unsigned tick count is portMAX_DELAY, as C code and the 2019 driver write it.
t = esp.spi_transaction_t({'flags': esp.TRANS.USE_TXDATA, 'length': 8, 'tx_data': [0x2C]})
print('queue -1', rig.name(esp.spi_device_queue_trans(dev, t, -1)), list(t.tx_data))
done = esp.C_Pointer()
print('result -1', rig.name(esp.spi_device_get_trans_result(dev, done, -1)), done.ptr_val == esp.Blob(t))

# get_ccount writes the CPU cycle counter into a C_Pointer (allocation-free, usable in an interrupt handler).
c = esp.C_Pointer()
esp.get_ccount(c)
first = c.int_val
x = 0
for i in range(20000):
    x += i
esp.get_ccount(c)
print('ccount advances', c.int_val != first)

# task_delay_ms: vTaskDelay in whole 10 ms ticks (virtual time here).
t0 = espsim.now_ns()
esp.task_delay_ms(100)
t1 = espsim.now_ns()
esp.task_delay_ms(25)
t2 = espsim.now_ns()
esp.task_delay_ms(5)
print('task_delay_ms', t1 - t0, t2 - t1, espsim.now_ns() - t2)


# A subclass of a struct class: its field writes reach the transaction ESP-IDF reads (a zero length with TXDATA
# would be refused as invalid).
class T2(esp.spi_transaction_t):
    def command(self, byte):
        self.flags = esp.TRANS.USE_TXDATA
        self.length = 8
        self.tx_data = [byte]


t2 = T2()
t2.command(0x11)
stats = espsim.spi_stats_t()
espsim.spi_get_stats(esp.HSPI_HOST, stats)
before = stats.bytes
print('subclass', rig.name(esp.spi_device_polling_transmit(dev, t2)), t2.length, list(t2.tx_data))
espsim.spi_get_stats(esp.HSPI_HOST, stats)
print('bytes sent', stats.bytes - before)
print('remove', rig.name(esp.spi_bus_remove_device(dev)), rig.name(esp.spi_bus_free(esp.HSPI_HOST)))
