# async def and await compile: the port uses compile.c/parse.c (the fork's small-heap compiler lacks them).
async def answer():
    return 42

async def outer():
    value = await answer()
    return value + 1

coro = outer()
try:
    coro.send(None)
except StopIteration as stop:
    print('result', stop.args[0])
