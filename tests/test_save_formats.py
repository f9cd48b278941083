"""save() and saveByteArray() through a TOP: every file type x the TOP's bit depth, decoded with
independent readers (OpenCV, tifffile, Pillow, OpenImageIO, and DDS parsed by hand) and compared
with numpyArray() within the file's precision."""
import struct
import warnings

import cv2
import numpy as np
import OpenImageIO as oiio
import pytest
import tifffile
from PIL import Image

import td_render as td

EXTS = ["png", "tif", "jpg", "bmp", "exr", "dds"]
TOPS = ["rgba8fixed", "rgba16fixed", "rgba16float", "rgba32float", "mono8fixed", "rg16float", "a32float",
        "monoalpha8fixed"]
DEPTH = {"rgba8fixed": 8, "mono8fixed": 8, "monoalpha8fixed": 8, "rgba16fixed": 16, "rgba16float": "half",
         "rg16float": "half", "rgba32float": "float", "a32float": "float"}


@pytest.fixture
def lit(sphere_scene):
    r = sphere_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 40, 30
    m = sphere_scene["mat"]
    m.par.diffr, m.par.diffg, m.par.diffb = 1.6, 0.7, 0.2  # > 1 in the middle: float formats keep it
    cam = sphere_scene["cam"]
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.1, 0.2, 0.3, 0.5
    return r


def file_layout(a):
    """numpyArray() (bottom row first) as the file should hold it: upright, with rg -> RGB."""
    up = a[::-1]
    if up.shape[2] == 2 and file_layout.rg:
        up = np.concatenate([up, np.zeros_like(up[..., :1])], axis=2)
    return up


def as_float(x):
    if x.dtype == np.uint8:
        return x.astype(np.float64) / 255
    if x.dtype == np.uint16:
        return x.astype(np.float64) / 65535
    return x.astype(np.float64)


def decode(path, ext):
    if ext == "png":
        x = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
        if x.ndim == 3:
            x = x[..., [2, 1, 0, 3]] if x.shape[2] == 4 else x[..., ::-1]
        return x
    if ext == "tif":
        return tifffile.imread(str(path))
    if ext in ("jpg", "bmp"):
        return np.asarray(Image.open(path))
    if ext == "exr":
        inp = oiio.ImageInput.open(str(path))
        x = inp.read_image(format="float")
        inp.close()
        return x
    raise AssertionError(ext)


def tolerance(depth, ext):
    if ext == "jpg":
        return 0.12  # lossy, compared on smooth shading only (see below)
    if ext in ("bmp",) or depth == 8:
        return 0.6 / 255 + 1e-6
    if ext == "png" or depth == 16:
        return 0.6 / 65535 + 1e-7 if depth == 16 else 0.6 / 65535 + 1e-3
    if depth == "half":
        return 1e-3
    return 1e-6


@pytest.mark.parametrize("ext", EXTS[:5])
@pytest.mark.parametrize("fmt", TOPS)
def test_file_matches_numpyarray(lit, tmp_path, fmt, ext):
    lit.par.format = fmt
    a = lit.numpyArray()
    path = tmp_path / ("img." + ext)
    assert lit.save(str(path)) == str(path)
    x = decode(path, ext)
    if x.ndim == 2:
        x = x[..., None]
    file_layout.rg = fmt.startswith("rg")
    want = file_layout(a)
    depth = DEPTH[fmt]
    got = as_float(x)
    assert got.shape[:2] == (30, 40)
    if ext in ("jpg", "bmp", "png") or depth in (8, 16):
        want = np.clip(want, 0, 1)  # integer files clamp
    if ext == "jpg" and want.shape[2] in (2, 4):
        want = want[..., :-1] if want.shape[2] == 4 else want[..., :1]  # JPEG drops alpha
    if got.shape[2] != want.shape[2]:
        # readers may present grey as RGB(A) or drop a constant alpha: compare what both have
        k = min(got.shape[2], want.shape[2])
        if want.shape[2] < got.shape[2] and want.shape[2] in (1, 2):
            got = got[..., [0] if want.shape[2] == 1 else [0, got.shape[2] - 1]]
        else:
            got, want = got[..., :k], want[..., :k]
    err = np.abs(got - want)
    if ext == "jpg":
        assert err.mean() < 0.02 and np.median(err) < 0.01
    else:
        assert err.max() <= tolerance(depth, ext), "max error %g" % err.max()
    if ext in ("tif", "exr") and depth in ("half", "float") and not fmt.startswith("a"):
        assert got.max() > 1.2, "float files must keep values above 1"


def parse_dds(data):
    magic, size, flags, height, width, pitch, depth, mips = struct.unpack_from("<4s7I", data, 0)
    assert magic == b"DDS " and size == 124
    pf_size, pf_flags, fourcc = struct.unpack_from("<II4s", data, 76)
    assert pf_size == 32
    header = dict(flags=flags, height=height, width=width, pitch=pitch, pf_flags=pf_flags, fourcc=fourcc)
    offset = 128
    if fourcc == b"DX10":
        dxgi, dim, misc, array, misc2 = struct.unpack_from("<5I", data, 128)
        header.update(dxgi=dxgi, dim=dim, array=array)
        offset = 148
    return header, data[offset:]


# rg formats reach files as RGB (B = 0, like every file type); DDS has no 3-channel half format,
# so it gets RGBA with A = 1.
DXGI = {"rgba8fixed": (28, np.uint8, 4), "rgba16fixed": (11, np.uint16, 4), "rgba16float": (10, np.float16, 4),
        "rgba32float": (2, np.float32, 4), "mono8fixed": (61, np.uint8, 1), "rg16float": (10, np.float16, 4),
        "a32float": (41, np.float32, 1), "monoalpha8fixed": (49, np.uint8, 2)}


@pytest.mark.parametrize("fmt", TOPS)
def test_dds_header_fields_and_pixels(lit, fmt):
    lit.par.format = fmt
    a = lit.numpyArray()
    data = bytes(lit.saveByteArray(".dds"))
    h, body = parse_dds(data)
    dxgi, dtype, channels = DXGI[fmt]
    assert (h["width"], h["height"]) == (40, 30)
    assert h["fourcc"] == b"DX10" and h["dxgi"] == dxgi and h["dim"] == 3 and h["array"] == 1
    assert h["pitch"] == 40 * channels * np.dtype(dtype).itemsize
    pixels = np.frombuffer(body, dtype).reshape(30, 40, channels)
    want = a[::-1]
    if fmt == "rg16float":
        want = np.concatenate([want, np.zeros_like(want[..., :1]), np.ones_like(want[..., :1])], axis=2)
    np.testing.assert_allclose(as_float(pixels) if dtype != np.float16 else pixels.astype(np.float64),
                               want, atol=tolerance(DEPTH[fmt], "dds"))


def test_savebytearray_equals_save(lit, tmp_path):
    for ext in EXTS:
        path = tmp_path / ("x." + ext)
        lit.save(str(path))
        assert bytes(lit.saveByteArray("." + ext)) == path.read_bytes(), ext


def test_savebytearray_suffix_forms_and_default(lit):
    a = lit.saveByteArray(".jpg")
    assert isinstance(a, bytearray) and a[:2] == b"\xff\xd8"
    assert lit.saveByteArray("file.jpg") == a == lit.saveByteArray("C:/Files/file.JPG")
    assert lit.saveByteArray()[:4] in (b"II*\x00", b"MM\x00*")  # TIFF by default
    with pytest.raises(ValueError, match=".exr"):
        lit.saveByteArray(".gif")
    with pytest.raises(ValueError):
        lit.saveByteArray("noext")


def test_exr_metadata_read_back_by_openimageio(lit, tmp_path):
    path = tmp_path / "meta.exr"
    lit.par.format = "rgba16float"
    lit.save(str(path), metadata=[("shot", "010"), ("author_name", "derivative")])
    spec = oiio.ImageInput.open(str(path)).spec()
    assert spec.getattribute("shot") == "010" and spec.getattribute("author_name") == "derivative"
    lit.save(str(path), metadata={"take": "3"})
    assert oiio.ImageInput.open(str(path)).spec().getattribute("take") == "3"


def test_metadata_on_other_formats_warns(lit, tmp_path):
    with pytest.warns(UserWarning, match="metadata"):
        lit.save(str(tmp_path / "m.png"), metadata=[("k", "v")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lit.save(str(tmp_path / "m.png"))  # none given: no warning


def test_quality_maps_to_jpeg_quality_and_lossless_effort(lit):
    lit.par.resolutionw, lit.par.resolutionh = 200, 150
    small = len(lit.saveByteArray(".jpg", quality=0.1))
    large = len(lit.saveByteArray(".jpg", quality=1.0))
    assert small < large
    png_fast, png_small = lit.saveByteArray(".png", quality=1.0), lit.saveByteArray(".png", quality=0.0)
    assert len(png_small) <= len(png_fast)
    assert np.array_equal(cv2.imdecode(np.frombuffer(bytes(png_fast), np.uint8), cv2.IMREAD_UNCHANGED),
                          cv2.imdecode(np.frombuffer(bytes(png_small), np.uint8), cv2.IMREAD_UNCHANGED))


@pytest.mark.parametrize("kwargs,exc", [
    (dict(quality=-0.1), ValueError), (dict(quality=1.01), ValueError), (dict(quality=float("nan")), ValueError),
    (dict(quality="high"), TypeError), (dict(metadata=[("a",)]), ValueError), (dict(metadata=[1, 2]), TypeError),
    (dict(metadata=[("a", 1)]), TypeError), (dict(metadata=5), TypeError), (dict(metadata="ab"), TypeError),
    (dict(metadata=[("a\x00", "b")]), ValueError),
])
def test_bad_save_arguments_leave_no_file(lit, tmp_path, kwargs, exc):
    with pytest.raises(exc):
        lit.save(str(tmp_path / "x.exr"), **kwargs)
    with pytest.raises(exc):
        lit.saveByteArray(".exr", **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_bad_paths(lit, tmp_path):
    for bad, exc in [(str(tmp_path / "x.gif"), ValueError), (str(tmp_path / "x"), ValueError), (5, TypeError),
                     (str(tmp_path / "missing" / "x.png"), FileNotFoundError),
                     (str(tmp_path) + "/x.png/", ValueError)]:
        with pytest.raises(exc):
            lit.save(bad)
    assert list(tmp_path.iterdir()) == []


def test_bytes_and_pathlike_paths_return_str(lit, tmp_path):
    out = lit.save(bytes(tmp_path / "b\xff.png"))
    assert isinstance(out, str) and isinstance(out, td.FileSaveStatus)
    assert (tmp_path / out.split("/")[-1]).exists()
    out = lit.save(tmp_path / "p.png")
    assert out == str(tmp_path / "p.png")
