# Binds this folder's library into the mpbind interpreter: pass the folder in -DUSER_C_MODULES=...
mpbind_add_module(NAME example SOURCES modexample.c)
# Once the generator is built, the same folder can bind a header instead of writing the module by hand:
#   mpbind_add_module(NAME example HEADERS example.h SOURCES example.c)
