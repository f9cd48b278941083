"""BMP: always 8-bit; grey 8 bpp with a grey palette, RGB 24 bpp, grey+alpha and RGBA 32 bpp BGRA
with a V4 header; rows bottom first, padded to 4 bytes."""
import struct

import numpy as np
import pytest

from codectools import CHANNELS, DTYPES, encode, make_image, read_oiio, read_pillow, to_u8, upright, write

MODES = {1: "L", 2: "RGBA", 3: "RGB", 4: "RGBA"}


def expected_bmp(a):
    """What the BMP shows for a: grey + alpha becomes grey, grey, grey, alpha."""
    e = to_u8(upright(a))
    if a.shape[2] == 2:
        e = np.concatenate([e[:, :, :1]] * 3 + [e[:, :, 1:]], axis=2)
    return e


@pytest.mark.parametrize("channels", CHANNELS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_bmp_matches_input(tmp_path, dtype, channels):
    a = make_image(dtype, channels, 37, 53)  # 53 * 3 bytes: rows need padding
    data = encode(a, ".bmp")
    pixels, im = read_pillow(data)
    assert im.mode == MODES[channels]
    tol = 1 if dtype in (np.float16, np.float32) else 0
    np.testing.assert_allclose(pixels.astype(int), expected_bmp(a).astype(int), atol=tol, rtol=0)
    oiio_pixels, _ = read_oiio(write(tmp_path, data, ".bmp"))
    np.testing.assert_array_equal(oiio_pixels, pixels)


@pytest.mark.parametrize("channels", CHANNELS)
def test_bmp_header(channels):
    a = make_image(np.uint8, channels, 5, 7)
    data = bytes(encode(a, ".bmp"))
    magic, size, _, _, offset = struct.unpack_from("<2sIHHI", data, 0)
    hsize, w, h, planes, bpp, comp, image_size = struct.unpack_from("<IiiHHII", data, 14)
    assert (magic, size) == (b"BM", len(data))
    assert (w, h, planes) == (7, 5, 1)  # positive height: bottom row first
    assert bpp == {1: 8, 2: 32, 3: 24, 4: 32}[channels]
    stride = (7 * bpp // 8 + 3) & ~3
    assert image_size == stride * 5 and offset + image_size == len(data)
    if channels in (2, 4):
        assert (hsize, comp) == (108, 3)  # BITMAPV4HEADER, BI_BITFIELDS
        assert struct.unpack_from("<IIII", data, 14 + 40) == (0xFF0000, 0xFF00, 0xFF, 0xFF000000)
    else:
        assert (hsize, comp) == (40, 0)
    if channels == 1:
        palette = np.frombuffer(data, np.uint8, 1024, 14 + 40).reshape(256, 4)
        assert (palette[:, :3] == np.arange(256)[:, None]).all()
    # the first stored row is the image's bottom row, i.e. row 0 of the GL-order input
    first = np.frombuffer(data, np.uint8, 7 * bpp // 8, offset)
    if channels == 3:
        np.testing.assert_array_equal(first.reshape(7, 3), a[0, :, ::-1])


def test_bmp_stb_alternative_gives_the_same_file():
    for channels in (3, 4):
        a = make_image(np.uint8, channels, 9, 11)
        direct, stb = encode(a, ".bmp"), encode(a, ".bmp", _alternative=True)
        np.testing.assert_array_equal(read_pillow(stb)[0], read_pillow(direct)[0])
