# Prints sys.argv (port/argv_of_script).
import sys
print(sys.argv)
