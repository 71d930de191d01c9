# sys.path is the live module search list: entries added at run time are searched too.
import sys

print(sys.path[0])
try:
    import only_in_b
except ImportError:
    print('not found yet')
sys.path.append('../../port/cli/pathB')
import only_in_b
print(only_in_b.WHERE)
sys.path.append(42)  # non-strings are ignored by the search
import helper_sibling
print(helper_sibling.NAME)
