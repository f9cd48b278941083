"""EXR: half from uint8 / float16, float from uint16 / float32 (values outside [0, 1] kept);
channels R G B A or Y (A); metadata as string attributes; compression by quality."""
import warnings

import numpy as np
import OpenEXR
import pytest

from codectools import CHANNELS, DTYPES, encode, make_image, read_oiio, read_openexr, upright, write

NAMES = {1: ["Y"], 2: ["Y", "A"], 3: ["R", "G", "B"], 4: ["R", "G", "B", "A"]}


def expected_exr(a):
    if a.dtype == np.uint8:
        return (a.astype(np.float32) / np.float32(255)).astype(np.float16)
    if a.dtype == np.uint16:
        return a.astype(np.float32) / np.float32(65535)
    return a


@pytest.mark.parametrize("channels", CHANNELS)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_exr_matches_input_exactly(tmp_path, dtype, channels):
    a = make_image(dtype, channels)
    path = write(tmp_path, encode(a, ".exr"), ".exr")
    expected = expected_exr(upright(a))
    pixels, spec = read_oiio(path)
    assert list(spec.channelnames) == NAMES[channels]
    assert pixels.dtype == expected.dtype
    np.testing.assert_array_equal(pixels, expected)
    # OpenEXR's own library as the second reader
    planes, header = read_openexr(path)
    assert sorted(planes) == sorted(NAMES[channels])
    for i, name in enumerate(NAMES[channels]):
        np.testing.assert_array_equal(planes[name], expected[:, :, i])
    assert header["compression"] == OpenEXR.NO_COMPRESSION  # the default quality 1.0: the fastest
    assert header["lineOrder"] == OpenEXR.INCREASING_Y


@pytest.mark.parametrize("quality", [0.0, 0.5, 1.0])
def test_exr_small_noisy_images(tmp_path, quality):
    """Incompressible blocks of a few pixels: where Debian's tinyexr overruns its PIZ buffer (so PIZ
    is never used) and where RLE and ZIP store blocks raw."""
    rng = np.random.default_rng(3)
    for h, w, c in [(28, 2, 1), (39, 7, 1), (4, 3, 3), (1, 1, 4), (17, 33, 2)]:
        a = rng.uniform(-2, 2, (h, w, c)).astype(np.float32)
        pixels, spec = read_oiio(write(tmp_path, encode(a, ".exr", quality=quality), ".exr"))
        assert spec.getattribute("compression") != "piz"
        np.testing.assert_array_equal(pixels, upright(a))


def test_exr_keeps_values_outside_0_1(tmp_path):
    a = np.array([[[-1.0, 4.0, 1e-6, 65504.0]]], np.float32)
    pixels, _ = read_oiio(write(tmp_path, encode(a, ".exr"), ".exr"))
    np.testing.assert_array_equal(pixels, a)
    h = a.astype(np.float16)
    pixels, _ = read_oiio(write(tmp_path, encode(h, ".exr"), ".exr"))
    np.testing.assert_array_equal(pixels, h)


@pytest.mark.parametrize("quality,compression", [(1.0, "none"), (0.67, "none"), (0.66, "rle"), (0.5, "rle"),
                                                 (0.34, "rle"), (0.33, "zip"), (0.0, "zip")])
@pytest.mark.parametrize("dtype", [np.float16, np.float32], ids=lambda d: np.dtype(d).name)
def test_exr_quality_picks_compression(tmp_path, quality, compression, dtype):
    a = make_image(dtype, 4, 41, 67)  # a height that is not a multiple of ZIP's 16-line blocks
    pixels, spec = read_oiio(write(tmp_path, encode(a, ".exr", quality=quality), ".exr"))
    assert spec.getattribute("compression") == compression
    np.testing.assert_array_equal(pixels, upright(a))


@pytest.mark.parametrize("metadata", [
    [("my_key", "my_value"), ("author_name", "derivative")],
    (("my_key", "my_value"), ["author_name", "derivative"]),
    {"my_key": "my_value", "author_name": "derivative"},
    (pair for pair in [("my_key", "my_value"), ("author_name", "derivative")]),
], ids=["list", "tuple-of-mixed", "dict", "generator"])
def test_exr_metadata_read_back_by_openimageio(tmp_path, metadata):
    a = make_image(np.float16, 4, 8, 8)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = encode(a, ".exr", metadata=metadata)
    pixels, spec = read_oiio(write(tmp_path, data, ".exr"))
    assert spec.getattribute("my_key") == "my_value"
    assert spec.getattribute("author_name") == "derivative"
    np.testing.assert_array_equal(pixels, upright(a))


def test_exr_metadata_unicode_and_long_names(tmp_path):
    long_key = "a_key_name_longer_than_thirty_one_bytes"
    meta = {"shot": "010 – ünïcødé ✓", long_key: "x" * 5000, "empty": ""}
    path = write(tmp_path, encode(make_image(np.float32, 3, 4, 4), ".exr", metadata=meta), ".exr")
    _, spec = read_oiio(path)
    for k, v in meta.items():
        if v:  # OpenImageIO leaves empty strings out of its spec; OpenEXR below has them
            assert spec.getattribute(k) == v
    _, header = read_openexr(path)
    for k, v in meta.items():
        assert header[k] == v


@pytest.mark.parametrize("metadata,match", [
    ([("", "v")], "1 to 255 bytes"),
    ([("k" * 256, "v")], "1 to 255 bytes"),
    ([("channels", "v")], "standard attribute"),
    ([("compression", "v")], "standard attribute"),
    ([("a", "1"), ("a", "2")], "given twice"),
])
def test_exr_bad_metadata_keys(metadata, match):
    with pytest.raises(ValueError, match=match):
        encode(make_image(np.float16, 4, 4, 4), ".exr", metadata=metadata)
