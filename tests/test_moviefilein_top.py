"""moviefileinTOP: files td_render writes read back in their bit depth (exactly for the lossless
formats), a render using one as its colormap, reloading, and bad files as errors on the node."""
import os
import time

import numpy as np
import pytest

import td_render as td

RNG = np.random.default_rng(11)
W, H = 21, 13


def _source(net, fmt, channels=4):
    """A scriptTOP image in fmt whose pixels are exactly representable in it."""
    s = net.create(td.scriptTOP)
    s.par.format = fmt
    if "8fixed" in fmt:
        a = RNG.integers(0, 256, (H, W, channels), dtype=np.uint8)
    elif "16fixed" in fmt:
        a = RNG.integers(0, 65536, (H, W, channels), dtype=np.uint16)
    elif "16float" in fmt:
        a = RNG.uniform(0, 4, (H, W, channels)).astype(np.float16)
    else:
        a = RNG.uniform(0, 4, (H, W, channels)).astype(np.float32)
    s.copyNumpyArray(a)
    return s


# (the source TOP's format, the file) -> what moviefileinTOP's 'useinput' format is
LOSSLESS = [
    ("rgba8fixed", ".png", "rgba8fixed"), ("rgba8fixed", ".tif", "rgba8fixed"), ("rgba8fixed", ".bmp", "rgba8fixed"),
    ("rgba8fixed", ".dds", "rgba8fixed"), ("rgba16fixed", ".png", "rgba16fixed"), ("rgba16fixed", ".tif", "rgba16fixed"),
    ("rgba16float", ".exr", "rgba16float"), ("rgba32float", ".exr", "rgba32float"), ("rgba32float", ".tif", "rgba32float"),
    ("mono8fixed", ".png", "mono8fixed"), ("mono16fixed", ".png", "mono16fixed"),
]


@pytest.mark.parametrize("fmt,suffix,read_fmt", LOSSLESS, ids=lambda v: str(v))
def test_lossless_round_trip(net, tmp_path, fmt, suffix, read_fmt):
    src = _source(net, fmt, channels=1 if fmt.startswith("mono") else 4)
    path = str(tmp_path / ("img" + suffix))
    src.save(path)
    m = net.create(td.moviefileinTOP)
    m.par.file = path
    got, want = m.numpyArray(), src.numpyArray()
    assert (m.width, m.height) == (W, H)
    assert m.pixelFormatName == read_fmt
    assert got.shape == want.shape and np.array_equal(got, want)


def test_jpeg_round_trip_is_close(net, tmp_path):
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.sphereSOP)
    net.create(td.cameraCOMP, "cam1")
    net.create(td.lightCOMP, "light1").par.tx = 2
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = 64, 48
    r.par.bgcolora = 1.0
    path = str(tmp_path / "render.jpg")
    r.save(path)
    m = net.create(td.moviefileinTOP)
    m.par.file = path
    got, want = m.numpyArray(), r.numpyArray()
    assert m.pixelFormatName == "rgba8fixed" and got.shape == want.shape
    mse = np.mean((got[..., :3] - want[..., :3]) ** 2)
    assert 10 * np.log10(1 / mse) > 35  # PSNR of quality 1.0
    assert np.all(got[..., 3] == 1.0)


def test_a_render_reads_a_file_as_its_colormap(net, tmp_path):
    src = _source(net, "rgba8fixed")
    a = np.zeros((4, 4, 4), np.uint8)
    a[...] = (200, 100, 50, 255)
    src.copyNumpyArray(a)
    path = str(tmp_path / "map.png")
    src.save(path)
    m = net.create(td.moviefileinTOP)
    m.par.file = path
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    mat = net.create(td.constantMAT)
    mat.par.colormap = m
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")
    r = net.create(td.renderTOP)
    r.par.resolutionw = r.par.resolutionh = 16
    assert np.array_equal(r.numpyArray()[8, 8], np.array([200, 100, 50, 255], np.float32) / 255)


def test_reloads_when_the_file_changes(net, tmp_path):
    src = _source(net, "rgba8fixed")
    path = str(tmp_path / "live.png")
    src.save(path)
    m = net.create(td.moviefileinTOP)
    m.par.file = path
    first = m.numpyArray()
    b = np.full((H, W, 4), 7, np.uint8)
    src.copyNumpyArray(b)
    src.save(path)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # a visibly newer file
    td.advance()  # any change in the network cooks again; the file's new time reloads it
    assert np.all(m.numpyArray() == 7 / 255) and not np.array_equal(first, m.numpyArray())
    src.copyNumpyArray(np.full((H, W, 4), 9, np.uint8))
    src.save(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # same time and size as before
    m.par.reloadpulse.pulse()
    assert np.all(m.numpyArray() == 9 / 255)


def test_bad_files_are_errors_on_the_node(net, tmp_path):
    m = net.create(td.moviefileinTOP, "movie1")
    assert not m.numpyArray().any()  # no file: transparent black
    m.par.file = str(tmp_path / "missing.png")
    with pytest.raises(td.tdError, match="movie1: .*missing.png"):
        m.numpyArray()
    assert "missing.png" in m.errors()
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image at all" * 10)
    m.par.file = str(junk)
    with pytest.raises(td.tdError, match="movie1"):
        m.numpyArray()
    src = _source(net, "rgba8fixed")
    good = str(tmp_path / "good.png")
    src.save(good)
    data = open(good, "rb").read()
    cut = tmp_path / "cut.png"
    cut.write_bytes(data[: len(data) // 2])
    m.par.file = str(cut)
    with pytest.raises(td.tdError, match="movie1"):
        m.numpyArray()
    m.par.file = good  # and it recovers
    assert np.array_equal(m.numpyArray(), src.numpyArray())
    assert m.errors() == ""


def test_the_common_page_resizes_a_file_with_its_filter(net, tmp_path):
    src = _source(net, "rgba32float")
    path = str(tmp_path / "big.exr")
    src.save(path)
    m = net.create(td.moviefileinTOP)
    m.par.file = path
    m.par.outputresolution = "custom"
    m.par.resolutionw, m.par.resolutionh = 2 * W, 2 * H  # each output pixel a quarter texel off centre
    a = src.numpyArray().astype(np.float64)
    m.par.inputfiltertype = "nearest"
    assert np.array_equal(m.numpyArray(), np.repeat(np.repeat(a, 2, 0), 2, 1).astype(np.float32))
    m.par.inputfiltertype = "linear"
    got = m.numpyArray()
    # output pixel (2i, 2j) samples texel (i, j) - 1/4 on each axis: 3/4 of it, 1/4 of its neighbour
    inner = 0.75 * 0.75 * a[1:, 1:] + 0.75 * 0.25 * (a[:-1, 1:] + a[1:, :-1]) + 0.25 * 0.25 * a[:-1, :-1]
    assert np.abs(got[2::2, 2::2] - inner).max() < 2e-3
