"""The encoder binding `_encode(array, filetype='.tiff', quality=1.0, metadata=())`, the seam under
TOP.save() / saveByteArray(): file types from suffixes, argument checking, metadata parsing,
warnings, and encoding from several threads at once. Per-format checks are in test_encode_*.py."""
import os
import pathlib
import threading
import types
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codectools import encode, make_image
from td_render._td import _encode

MAGIC = {".tif": b"II*\x00", ".jpg": b"\xff\xd8\xff", ".bmp": b"BM", ".png": b"\x89PNG", ".exr": b"v/1\x01",
         ".dds": b"DDS "}
SUFFIXES = {".tif": ".tif", ".tiff": ".tif", ".jpg": ".jpg", ".jpeg": ".jpg", ".bmp": ".bmp", ".png": ".png",
            ".exr": ".exr", ".dds": ".dds"}


@pytest.fixture
def img():
    return make_image(np.uint8, 4, 6, 5)


@pytest.mark.parametrize("name", [
    "{s}", "file{s}", "C:/Files/file{s}", "C:\\Files\\file{s}", "/tmp/a.b/file{s}", "FILE{S}", "x.png{s}",
])
@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_only_the_suffix_matters(img, name, suffix):
    filetype = name.format(s=suffix, S=suffix.upper())
    assert bytes(encode(img, filetype)).startswith(MAGIC[SUFFIXES[suffix]])


def test_filetype_path_like_and_bytes(img):
    assert encode(img, pathlib.Path("out/frame.png"))[:4] == b"\x89PNG"
    assert encode(img, b"frame.jpg")[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize("filetype", ["", ".", "png", "tiff", ".gif", ".png.gz", "file.webp", "a.png/b",
                                      "C:\\x.png\\y", ".png\0", ".p\udcffg", "\ud800.png"])
def test_unknown_suffix_lists_the_supported_ones(img, filetype):
    with pytest.raises(ValueError, match=r"\.tif \.tiff \.jpg \.jpeg \.bmp \.png \.exr \.dds"):
        _encode(img, filetype)


@pytest.mark.parametrize("filetype", [None, 5, 1.0, [".png"]])
def test_filetype_of_wrong_type(img, filetype):
    with pytest.raises(TypeError, match="filetype"):
        _encode(img, filetype)


@pytest.mark.parametrize("quality", [0, 1, 0.0, 0.5, 1.0, True, np.float32(0.25), np.float64(1.0), np.uint8(1)])
def test_quality_accepts_numbers_in_range(img, quality):
    assert encode(img, ".jpg", quality=quality)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize("quality", [float("nan"), -0.001, -1, 1.0000001, 2, float("inf"), float("-inf"), 10**400])
def test_quality_out_of_range(img, quality):
    with pytest.raises(ValueError, match="quality must be between 0 and 1"):
        _encode(img, ".png", quality=quality)


@pytest.mark.parametrize("quality", ["1", None, 1j, [1.0], b"1"])
def test_quality_of_wrong_type(img, quality):
    with pytest.raises(TypeError, match="quality"):
        _encode(img, ".png", quality=quality)


@pytest.mark.parametrize("metadata,exc,match", [
    ("ab", TypeError, "metadata must be a dict or an iterable"),
    (b"ab", TypeError, "metadata must be a dict or an iterable"),
    (5, TypeError, "metadata must be a dict or an iterable"),
    (object(), TypeError, "metadata must be a dict or an iterable"),
    ([("a",)], ValueError, "item 0 must have 2 entries"),
    ([("a", "b"), ("a", "b", "c")], ValueError, "item 1 must have 2 entries"),
    ([()], ValueError, "item 0 must have 2 entries"),
    (["ab"], TypeError, r"item 0 must be a \(key, value\) pair"),
    ([1], TypeError, r"item 0 must be a \(key, value\) pair"),
    ([None], TypeError, r"item 0 must be a \(key, value\) pair"),
    ([("k", 1)], TypeError, "item 0: the value must be a str, not int"),
    ([("k", "v"), (1, "v")], TypeError, "item 1: the key must be a str, not int"),
    ([("k", None)], TypeError, "value must be a str"),
    ([("k", b"v")], TypeError, "value must be a str, not bytes"),
    ({"k": 1.5}, TypeError, "value must be a str, not float"),
    ([("k\0", "v")], ValueError, "NUL"),
    ([("k", "v\0w")], ValueError, "NUL"),
    ([("k", "\ud800")], ValueError, "surrogate"),
    ([("\udcff", "v")], ValueError, "surrogate"),
])
def test_bad_metadata(img, metadata, exc, match):
    for filetype in (".exr", ".png"):
        with pytest.raises(exc, match=match):
            _encode(img, filetype, metadata=metadata)


def test_metadata_iterable_that_raises(img):
    def pairs():
        yield ("a", "b")
        raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        _encode(img, ".exr", metadata=pairs())


@pytest.mark.parametrize("metadata", [(), [], {}, None, iter(())])
def test_empty_metadata_is_fine_anywhere(img, metadata):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for filetype in (".exr", ".png", ".jpg"):
            encode(img, filetype, metadata=metadata)


def test_metadata_mappings(img):
    proxy = types.MappingProxyType({"k": "v"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        encode(make_image(np.float16, 3, 4, 4), ".exr", metadata=proxy)


@pytest.mark.parametrize("filetype", [".tiff", ".jpg", ".bmp", ".png", ".dds"])
def test_metadata_for_other_formats_warns(img, filetype):
    with pytest.warns(UserWarning, match="only to EXR files; ignored for"):
        data = encode(img, filetype, metadata=[("k", "v")])
    assert data == encode(img, filetype)


def test_metadata_warning_as_error_raises_cleanly(img):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(UserWarning):
            _encode(img, ".png", metadata={"k": "v"})


@pytest.mark.parametrize("array,exc,match", [
    ([[[0, 0, 0]]], TypeError, "numpy.ndarray, not list"),
    (None, TypeError, "numpy.ndarray"),
    (np.zeros((4, 4), np.uint8), ValueError, r"shape \(height, width, channels\), not 2 dimensions"),
    (np.zeros((2, 4, 4, 4), np.uint8), ValueError, "not 4 dimensions"),
    (np.zeros((4, 4, 0), np.uint8), ValueError, "1 to 4 channels"),
    (np.zeros((4, 4, 5), np.uint8), ValueError, "1 to 4 channels"),
    (np.zeros((0, 4, 4), np.uint8), ValueError, "at least 1 x 1"),
    (np.zeros((4, 0, 4), np.uint8), ValueError, "at least 1 x 1"),
    (np.zeros((4, 4, 4), np.float64), TypeError, "uint8, uint16, float16 or float32, not dtype\\('float64'\\)"),
    (np.zeros((4, 4, 4), np.int32), TypeError, "dtype must be"),
    (np.zeros((4, 4, 4), np.int8), TypeError, "dtype must be"),
    (np.zeros((4, 4, 4), bool), TypeError, "dtype must be"),
    (np.zeros((4, 4, 4), ">u2"), TypeError, "native byte order"),
    (np.zeros((4, 4, 4), ">f4"), TypeError, "native byte order"),
    (np.zeros((4, 8, 4), np.uint8)[:, ::2], ValueError, "C-contiguous"),
    (np.zeros((4, 4, 4), np.uint8)[::-1], ValueError, "C-contiguous"),
    (np.zeros((4, 4, 8), np.float32)[:, :, :4], ValueError, "C-contiguous"),
    (np.zeros((4, 4, 4), np.float32).transpose(1, 0, 2), ValueError, "C-contiguous"),
])
def test_bad_arrays(array, exc, match):
    for filetype in (".tiff", ".exr"):
        with pytest.raises(exc, match=match):
            _encode(array, filetype)


def test_bad_arguments_in_general(img):
    with pytest.raises(TypeError):
        _encode()
    with pytest.raises(TypeError):
        _encode(img, ".png", 1.0, (), 5)
    with pytest.raises(TypeError):
        _encode(img, filetype=".png", colour="red")


def test_read_only_arrays_are_fine():
    a = make_image(np.float32, 4, 6, 5)
    a.flags.writeable = False
    assert encode(a, ".exr")


def test_unaligned_arrays_are_refused():
    raw = np.zeros(6 * 5 * 4 * 4 + 1, np.uint8)[1:]  # float32 samples at an odd address
    b = raw.view(np.float32).reshape(6, 5, 4)
    assert not b.flags.aligned
    with pytest.raises(ValueError, match="aligned"):
        _encode(b, ".tif")
    assert encode(b.copy(), ".tif")


def test_every_format_every_type_from_threads():
    """Encodes run with the GIL released; concurrent ones give the same bytes as serial ones."""
    jobs = [(make_image(dt, c, 50, 70, seed=c), ft) for dt in (np.uint8, np.uint16, np.float16, np.float32)
            for c in (1, 4) for ft in (".tif", ".jpg", ".bmp", ".png", ".exr", ".dds")]
    serial = [bytes(_encode(a, ft, 0.6)) for a, ft in jobs]
    results = [None] * len(jobs)

    def work(k):
        for i in range(k, len(jobs), 4):
            results[i] = bytes(_encode(jobs[i][0], jobs[i][1], 0.6))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial


def test_output_is_deterministic():
    a = make_image(np.float16, 4, 20, 30)
    for ft in (".tif", ".jpg", ".bmp", ".png", ".exr", ".dds"):
        assert encode(a, ft) == encode(a.copy(), ft)


def test_incompressible_images_in_every_format(tmp_path):
    """Noise: every compressor's worst case (stored deflate blocks, EXR blocks kept raw, a JPEG larger
    than its pixels, which outgrows the buffer reserved for it and takes the copying path)."""
    from codectools import read_oiio, read_pillow, read_tifffile, upright, write

    rng = np.random.default_rng(7)
    a8 = rng.integers(0, 256, (300, 400, 3)).astype(np.uint8)
    jpeg = encode(a8, ".jpg", quality=1.0)
    assert len(jpeg) > a8.size  # larger than the samples themselves
    pixels, _ = read_pillow(jpeg)
    assert np.abs(pixels.astype(int) - upright(a8)).mean() < 3
    a16 = rng.integers(0, 65536, (300, 400, 4)).astype(np.uint16)
    for q in (0.0, 1.0):
        np.testing.assert_array_equal(read_pillow(encode(a8, ".png", quality=q))[0], upright(a8))
        np.testing.assert_array_equal(read_tifffile(encode(a16, ".tif", quality=q))[0], upright(a16))
    f32 = rng.standard_normal((300, 400, 4)).astype(np.float32)
    for q in (0.3, 0.6, 1.0):
        np.testing.assert_array_equal(read_oiio(write(tmp_path, encode(f32, ".exr", quality=q), ".exr"))[0],
                                      upright(f32))


@settings(max_examples=int(os.environ.get("TD_HYPOTHESIS_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(h=st.integers(1, 40), w=st.integers(1, 40), c=st.integers(1, 4),
       dtype=st.sampled_from([np.uint8, np.uint16, np.float16, np.float32]), seed=st.integers(0, 2**32 - 1),
       q=st.sampled_from([0.0, 0.3, 0.6, 1.0]))
def test_lossless_round_trips_at_any_size(tmp_path, h, w, c, dtype, seed, q):
    """Every size down to 1 x 1 (rows shorter than the PNG filter's vector step, BMP padding, EXR and
    TIFF blocks larger than the image) comes back exactly from the lossless formats."""
    from codectools import read_oiio, read_tifffile, to_u8, to_u16, upright, write

    rng = np.random.default_rng(seed)
    if dtype in (np.uint8, np.uint16):
        a = rng.integers(0, np.iinfo(dtype).max + 1, (h, w, c)).astype(dtype)
    else:
        a = rng.uniform(-2, 2, (h, w, c)).astype(dtype)
    up = upright(a)
    png, _ = read_oiio(write(tmp_path, encode(a, ".png", quality=q), ".png"))
    expected_png = up if dtype == np.uint8 else to_u16(up)
    assert np.abs(png.astype(np.int64) - expected_png.astype(np.int64)).max() <= (dtype in (np.float16, np.float32))
    tif, _ = read_tifffile(encode(a, ".tif", quality=q))
    np.testing.assert_array_equal(tif, up.astype(np.float32) if dtype == np.float16 else up)
    if dtype in (np.float16, np.float32):
        exr, _ = read_oiio(write(tmp_path, encode(a, ".exr", quality=q), ".exr"))
        np.testing.assert_array_equal(exr, up)
    dds = bytes(encode(a, ".dds"))
    fc = 4 if c == 3 and dtype != np.float32 else c
    pixels = np.frombuffer(dds[148:], dtype).reshape(h, w, fc)[:, :, :c]
    np.testing.assert_array_equal(pixels.view(np.uint8), up.view(np.uint8))  # bit for bit, NaN-safe
    bmp, _ = read_oiio(write(tmp_path, encode(a, ".bmp"), ".bmp"))
    e8 = to_u8(up)
    if c == 2:
        e8 = np.concatenate([e8[:, :, :1]] * 3 + [e8[:, :, 1:]], axis=2)
    assert np.abs(bmp.astype(int) - e8.astype(int)).max() <= (dtype in (np.float16, np.float32))
