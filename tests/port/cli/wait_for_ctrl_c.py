try:
    print('ready')
    while True:
        pass
except KeyboardInterrupt:
    print('interrupted')
