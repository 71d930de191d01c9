# Package fixture of test_import.py.
LEVEL = 'package'
