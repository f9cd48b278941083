"""JPEG: always 8-bit; grey stays grey, alpha is dropped, floats are clamped; quality q maps to
libjpeg quality 1 + 99 q with 4:4:4 chroma from q >= 0.9."""
import numpy as np
import pytest
from PIL import JpegImagePlugin

from codectools import CHANNELS, DTYPES, encode, make_image, read_oiio, read_pillow, to_u8, upright, write


@pytest.mark.parametrize("channels", CHANNELS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_jpeg_matches_input(tmp_path, dtype, channels):
    a = make_image(dtype, channels, 64, 96)
    data = encode(a, ".jpg")
    assert data[:3] == b"\xff\xd8\xff"
    colour = 1 if channels <= 2 else 3
    expected = to_u8(upright(a))[:, :, :colour].astype(np.int16)
    pixels, im = read_pillow(data)
    assert im.mode == ("L" if colour == 1 else "RGB")
    assert JpegImagePlugin.get_sampling(im) in (-1, 0)  # grey, or 4:4:4 at quality 1.0
    diff = np.abs(pixels.astype(np.int16) - expected)
    assert diff.mean() < 1.0 and diff.max() <= 12, (diff.mean(), diff.max())
    oiio_pixels, _ = read_oiio(write(tmp_path, data, ".jpg"))
    np.testing.assert_array_equal(oiio_pixels, pixels)  # libjpeg both ways: the same decode


def test_jpeg_quality_trades_size_for_fidelity():
    a = make_image(np.uint8, 3, 96, 128)
    sizes, errors = [], []
    for q in (0.0, 0.5, 0.89, 1.0):
        data = encode(a, ".jpeg", quality=q)
        pixels, im = read_pillow(data)
        sizes.append(len(data))
        errors.append(np.abs(pixels.astype(np.int16) - upright(a)).mean())
        assert JpegImagePlugin.get_sampling(im) == (0 if q >= 0.9 else 2)  # 4:4:4 or 4:2:0
        # the DC step of the luma table: libjpeg's base 16 scaled for quality 1 + 99 q (1, 51, 89, 100),
        # clamped to 255 (baseline) at the bottom
        assert im.quantization[0][0] == {0.0: 255, 0.5: 16, 0.89: 4, 1.0: 1}[q]
    assert sizes == sorted(sizes)
    assert errors == sorted(errors, reverse=True)


def test_jpeg_float_clamps():
    a = np.full((8, 8, 3), 2.0, np.float32)
    a[:, :, 1] = -3.0
    a[:, :, 2] = np.nan
    pixels, _ = read_pillow(encode(a, ".jpg"))
    assert np.abs(pixels.astype(int) - [255, 0, 0]).max() <= 1


def test_jpeg_size_limit():
    with pytest.raises(ValueError, match="JPEG: images are at most 65500 pixels a side"):
        encode(np.zeros((1, 65501, 1), np.uint8), ".jpg")
    assert encode(np.zeros((1, 65500, 1), np.uint8), ".jpg")[:3] == b"\xff\xd8\xff"
