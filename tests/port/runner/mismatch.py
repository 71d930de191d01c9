# Prints one line that differs from mismatch.exp.
print('actual')
