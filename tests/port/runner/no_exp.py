# Has no .exp beside it.
print('x')
