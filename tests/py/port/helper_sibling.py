# Imported from its own folder by test_import.py and test_sys_path.py.
NAME = 'sibling'
