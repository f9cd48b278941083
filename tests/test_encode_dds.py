"""DDS: a DX10 header naming the DXGI format that matches the samples, checked field by field;
the pixel payload read back with numpy, and with Pillow / OpenImageIO where they know the format."""
import struct

import numpy as np
import pytest

from codectools import CHANNELS, DTYPES, encode, make_image, read_oiio, read_pillow, upright, write

DXGI = {  # (dtype, channels) -> DXGI_FORMAT
    (np.uint8, 1): 61, (np.uint8, 2): 49, (np.uint8, 3): 28, (np.uint8, 4): 28,
    (np.uint16, 1): 56, (np.uint16, 2): 35, (np.uint16, 3): 11, (np.uint16, 4): 11,
    (np.float16, 1): 54, (np.float16, 2): 34, (np.float16, 3): 10, (np.float16, 4): 10,
    (np.float32, 1): 41, (np.float32, 2): 16, (np.float32, 3): 6, (np.float32, 4): 2,
}
ONE = {np.uint8: 255, np.uint16: 65535, np.float16: 1.0}

DDSD_CAPS, DDSD_HEIGHT, DDSD_WIDTH, DDSD_PITCH, DDSD_PIXELFORMAT, DDSD_MIPMAPCOUNT = 1, 2, 4, 8, 0x1000, 0x20000
DDPF_FOURCC, DDSCAPS_TEXTURE, DIMENSION_TEXTURE2D = 4, 0x1000, 3


def parse_dds(data):
    data = bytes(data)
    assert data[:4] == b"DDS "
    f = struct.unpack_from("<7I11I", data, 4)
    header = dict(size=f[0], flags=f[1], height=f[2], width=f[3], pitch=f[4], depth=f[5], mipmaps=f[6],
                  reserved1=f[7:18])
    pf = struct.unpack_from("<2I4s5I", data, 4 + 72)
    header.update(pf_size=pf[0], pf_flags=pf[1], fourcc=pf[2], pf_bits=pf[3], pf_masks=pf[4:8])
    header.update(zip(("caps", "caps2", "caps3", "caps4", "reserved2"), struct.unpack_from("<5I", data, 4 + 104)))
    dx10 = struct.unpack_from("<5I", data, 4 + 124)
    header.update(zip(("dxgi", "dimension", "misc", "array_size", "misc2"), dx10))
    return header, data[4 + 124 + 20:]


@pytest.mark.parametrize("channels", CHANNELS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_dds_header_and_pixels(tmp_path, dtype, channels):
    a = make_image(dtype, channels)
    h, w = a.shape[:2]
    header, payload = parse_dds(encode(a, ".dds"))
    file_channels = 4 if channels == 3 and dtype != np.float32 else channels
    itemsize = np.dtype(dtype).itemsize
    assert header["size"] == 124
    assert header["flags"] == DDSD_CAPS | DDSD_HEIGHT | DDSD_WIDTH | DDSD_PITCH | DDSD_PIXELFORMAT | DDSD_MIPMAPCOUNT
    assert (header["height"], header["width"]) == (h, w)
    assert header["pitch"] == w * file_channels * itemsize
    assert (header["depth"], header["mipmaps"]) == (0, 1)
    assert header["reserved1"] == (0,) * 11 and header["reserved2"] == 0
    assert (header["pf_size"], header["pf_flags"], header["fourcc"]) == (32, DDPF_FOURCC, b"DX10")
    assert (header["pf_bits"], header["pf_masks"]) == (0, (0, 0, 0, 0))
    assert (header["caps"], header["caps2"], header["caps3"], header["caps4"]) == (DDSCAPS_TEXTURE, 0, 0, 0)
    assert header["dxgi"] == DXGI[(dtype, channels)]
    assert (header["dimension"], header["misc"], header["array_size"]) == (DIMENSION_TEXTURE2D, 0, 1)
    assert header["misc2"] == {1: 0, 2: 1, 3: 3 if file_channels == 4 else 0, 4: 1}[channels]  # alpha mode
    assert len(payload) == h * header["pitch"]
    pixels = np.frombuffer(payload, dtype).reshape(h, w, file_channels)
    np.testing.assert_array_equal(pixels[:, :, :channels], upright(a))  # bit for bit, top row first
    if file_channels != channels:
        assert (pixels[:, :, 3] == ONE[dtype]).all()
    if dtype == np.uint8 and channels >= 3:  # the one DXGI format Pillow and OpenImageIO read
        expected = np.concatenate([upright(a), np.full((h, w, 1), 255, np.uint8)], 2) if channels == 3 else upright(a)
        np.testing.assert_array_equal(read_pillow(encode(a, ".dds"))[0], expected)
        np.testing.assert_array_equal(read_oiio(write(tmp_path, encode(a, ".dds"), ".dds"))[0], expected)


def test_dds_keeps_float_bits():
    a = np.array([[[-1.0, np.inf, np.nan, 1e30]]], np.float32)
    _, payload = parse_dds(encode(a, ".dds"))
    assert payload == a.tobytes()


def test_dds_ignores_quality():
    a = make_image(np.uint16, 4, 8, 8)
    assert encode(a, ".dds", quality=0.0) == encode(a, ".dds", quality=1.0)
