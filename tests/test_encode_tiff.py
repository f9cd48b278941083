"""TIFF: 8- and 16-bit unsigned from uint8 / uint16, 32-bit float from float16 / float32 (values
outside [0, 1] kept), alpha as an unassociated extra sample; deflate or none by quality."""
import numpy as np
import pytest
import tifffile
from td_render._td import _encode

from codectools import CHANNELS, DTYPES, encode, make_image, read_oiio, read_tifffile, upright, write

FILE_DTYPE = {np.uint8: np.uint8, np.uint16: np.uint16, np.float16: np.float32, np.float32: np.float32}


@pytest.mark.parametrize("quality", [0.0, 1.0])
@pytest.mark.parametrize("channels", CHANNELS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_tiff_matches_input_exactly(tmp_path, dtype, channels, quality):
    a = make_image(dtype, channels)
    data = encode(a, ".tiff", quality=quality)
    assert data[:4] == b"II*\x00"
    expected = upright(a).astype(FILE_DTYPE[dtype])  # half -> float is exact
    pixels, page = read_tifffile(data)
    assert pixels.dtype == FILE_DTYPE[dtype]
    np.testing.assert_array_equal(pixels, expected)
    assert page.photometric == (tifffile.PHOTOMETRIC.RGB if channels >= 3 else tifffile.PHOTOMETRIC.MINISBLACK)
    assert page.samplesperpixel == channels
    if channels in (2, 4):
        assert page.extrasamples == (tifffile.EXTRASAMPLE.UNASSALPHA,)
    if quality == 1.0:
        assert page.compression == tifffile.COMPRESSION.NONE
    else:
        assert page.compression == tifffile.COMPRESSION.ADOBE_DEFLATE
        float_file = FILE_DTYPE[dtype] == np.float32
        assert page.predictor == (tifffile.PREDICTOR.FLOATINGPOINT if float_file else tifffile.PREDICTOR.HORIZONTAL)
    # a second reader: libtiff through OpenImageIO
    oiio_pixels, spec = read_oiio(write(tmp_path, data, ".tif"))
    np.testing.assert_array_equal(oiio_pixels, expected)


def test_tiff_many_strips(tmp_path):
    """An image of several 256 KiB strips, the last one short."""
    a = make_image(np.float32, 4, 301, 517)
    for q in (0.0, 0.5):
        pixels, page = read_tifffile(encode(a, ".tif", quality=q))
        assert len(page.dataoffsets) > 5
        np.testing.assert_array_equal(pixels, upright(a))


def test_tiff_quality_is_compression_effort():
    a = make_image(np.uint8, 4, 120, 160)
    sizes = [len(encode(a, ".tif", quality=q)) for q in (0.0, 0.75, 1.0)]
    assert sizes[0] <= sizes[1] < sizes[2]  # 1.0: uncompressed, "largest size"


def test_tiff_is_the_default_filetype():
    a = make_image(np.uint8, 4, 8, 8)
    assert _encode(a) == encode(a, ".tiff")
