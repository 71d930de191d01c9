# Imports from its own folder first, then MICROPYPATH (port/script_dir_first).
import shadow, only_in_b
print(shadow.WHERE, only_in_b.WHERE)
