# Loops until Ctrl-C (port/ctrl_c_raises_keyboard_interrupt).
try:
    print('ready')
    while True:
        pass
except KeyboardInterrupt:
    print('interrupted')
