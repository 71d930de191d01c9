# test_lodepng.py: Debian's lodepng bound from its installed header: encode an RGBA image to PNG, decode, compare.
try:
    import lodepng as png
except ImportError:  # liblodepng-dev not installed: the module is left out of the build
    print('SKIP')
    raise SystemExit

W, H = 5, 3
image = bytearray(W * H * 4)
for i in range(W * H):
    image[4 * i:4 * i + 4] = bytes([(i * 17) & 255, 255 - i, (i * 5) & 255, 255 if i % 2 else 128])

out = png.C_Pointer()
size = png.C_Pointer()
err = png.encode32(out, size, image, W, H)
print('encode', err, png.error_text(err))
data = out.ptr_val.__dereference__(size.uint_val)
print(bytes(data[:8]) == b'\x89PNG\r\n\x1a\n', size.uint_val > 57)

pixels = png.C_Pointer()
w = png.C_Pointer()
h = png.C_Pointer()
err = png.decode32(pixels, w, h, out.ptr_val, size.uint_val)
print('decode', err, w.uint_val, h.uint_val)
print(bytes(pixels.ptr_val.__dereference__(W * H * 4)) == bytes(image))
png.helper_free(pixels.ptr_val)

# A corrupt file gives lodepng's error code and text, not a crash.
broken = bytearray(data)
broken[0] = 0
err = png.decode32(pixels, w, h, broken, len(broken))
print('corrupt', err != 0, png.error_text(err))

png.helper_free(out.ptr_val)
