# Imports from the script's folder: a module, a package and its submodule; __file__ of each.
import helper_sibling
import pkgdemo
import pkgdemo.sub

print(helper_sibling.NAME, helper_sibling.__file__)
print(pkgdemo.LEVEL, pkgdemo.sub.LEVEL)
try:
    import no_such_module
except ImportError as e:
    print('ImportError', e)
