# Submodule fixture of test_import.py.
LEVEL = 'submodule'
