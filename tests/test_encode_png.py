"""PNG: 8-bit files from uint8, 16-bit from everything else (floats clamped), both back ends."""
import numpy as np
import pytest

from codectools import (CHANNELS, DTYPES, encode, make_image, read_oiio, read_pillow, to_u8, to_u16, upright,
                        write)

MODES = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}


@pytest.mark.parametrize("alternative", [False, True], ids=["libdeflate", "libpng"])
@pytest.mark.parametrize("channels", CHANNELS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_png_matches_input(tmp_path, dtype, channels, alternative):
    a = make_image(dtype, channels)
    data = encode(a, ".png", _alternative=alternative)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pixels, spec = read_oiio(write(tmp_path, data, ".png"))
    assert spec.nchannels == channels
    if dtype == np.uint8:
        assert pixels.dtype == np.uint8
        np.testing.assert_array_equal(pixels, upright(a))
        pil, im = read_pillow(data)
        assert im.mode == MODES[channels]
        np.testing.assert_array_equal(pil, upright(a))
    else:
        assert pixels.dtype == np.uint16
        tol = 0 if dtype == np.uint16 else 1
        np.testing.assert_allclose(pixels.astype(np.int64), to_u16(upright(a)).astype(np.int64), atol=tol, rtol=0)


def test_png_float_clamps_and_nan_is_zero(tmp_path):
    a = np.array([[[-1.0], [0.0], [0.5], [1.0], [2.0], [np.nan], [np.inf], [-np.inf]]], np.float32)
    pixels, _ = read_oiio(write(tmp_path, encode(a, ".png"), ".png"))
    assert pixels[0, :, 0].tolist() == [0, 0, 32768, 65535, 65535, 0, 65535, 0]


@pytest.mark.parametrize("channels", CHANNELS)
def test_png_wide_image_every_filter_path(tmp_path, channels):
    """A wide noisy image, so every row goes through the vector filter loop, its tail and all five
    filter types; both back ends decode to the same pixels."""
    rng = np.random.default_rng(channels)
    a = rng.integers(0, 256, (61, 1003, channels)).astype(np.uint8)
    a[10:30] = a[10:11]  # flat runs: Up wins
    a[:, 500:600] = np.arange(100, dtype=np.uint8)[None, :, None]  # ramps: Sub / Paeth win
    for alternative in (False, True):
        pil, _ = read_pillow(encode(a, ".png", _alternative=alternative))
        np.testing.assert_array_equal(pil, upright(a))


def test_png_quality_is_compression_effort(tmp_path):
    a = make_image(np.uint8, 4, 120, 160)
    sizes = [len(encode(a, ".png", quality=q)) for q in (0.0, 0.5, 1.0)]
    assert sizes[0] <= sizes[1] <= sizes[2]  # 0: smallest file, 1: fastest (TouchDesigner's scale)
    for q in (0.0, 0.5, 1.0):
        pil, _ = read_pillow(encode(a, ".png", quality=q))
        np.testing.assert_array_equal(pil, upright(a))


def test_png_one_pixel(tmp_path):
    a = np.array([[[1, 2, 3, 4]]], np.uint8)
    pil, _ = read_pillow(encode(a, ".png"))
    np.testing.assert_array_equal(pil, a)


def test_png_uint8_conversion_rules():
    """The 8-bit rounding helpers used by the other tests agree with the C side on edge values."""
    a = np.array([[[0], [128], [32767], [32896], [65535]]], np.uint16)
    assert to_u8(a)[0, :, 0].tolist() == [0, 0, 127, 128, 255]
