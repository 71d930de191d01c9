# Cross build for 32-bit ARM Linux (armhf, Debian's gcc-arm-linux-gnueabihf), run under qemu-user: the 32-bit pass of
# scripts/run.sh test. The libraries Debian has for armhf are unpacked (not installed) by
# `scripts/setup.sh BUILD armhf` into BUILD/_deps/armhf/root; MPBIND_ARMHF_ROOT names that folder.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)

set(MPBIND_ARMHF_ROOT "" CACHE PATH "Folder the armhf libraries were unpacked into (scripts/setup.sh BUILD armhf)")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES MPBIND_ARMHF_ROOT)
set(armhf_sysroot /usr/arm-linux-gnueabihf) # the cross C library (libc6-dev-armhf-cross)
set(armhf_libs "${MPBIND_ARMHF_ROOT}/lib/arm-linux-gnueabihf" "${MPBIND_ARMHF_ROOT}/usr/lib/arm-linux-gnueabihf")
string(JOIN ":" armhf_lib_path ${armhf_libs})

set(CMAKE_FIND_ROOT_PATH "${armhf_sysroot}" "${MPBIND_ARMHF_ROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# pkg-config reads the unpacked .pc files; their paths are taken inside the root.
set(ENV{PKG_CONFIG_LIBDIR} "${MPBIND_ARMHF_ROOT}/usr/lib/arm-linux-gnueabihf/pkgconfig:${MPBIND_ARMHF_ROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${MPBIND_ARMHF_ROOT}")
# The unpacked libraries' own dependencies (cairo's pixman, X11...) are found at link time and at run time.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,-rpath-link,${armhf_lib_path}")
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L "${armhf_sysroot}" -E "LD_LIBRARY_PATH=${armhf_lib_path}")
