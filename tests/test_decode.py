"""The image decoders (src/image/decode*.c) through the test hook _td._decode_image: round trips of
every format, bit depth and channel count td_render writes (lossless formats exactly in their stored
depth, JPEG within a PSNR bound), files from other writers (Pillow, OpenCV, tifffile, OpenImageIO),
and hostile input: cut files, flipped bytes, lying headers, unknown data, bad paths. Expected values
come from the encoders' documented conversions (src/image/encode.c) computed here with NumPy."""
import io
import os
import struct
import threading
import zlib

import cv2
import numpy as np
import OpenEXR
import OpenImageIO as oiio
import pytest
import tifffile
from hypothesis import given, strategies as st
from PIL import Image

import td_render as td
from td_render._td import _decode_image, _encode

from codectools import make_image, to_u16, to_u8, upright
from fuzz import make_decode_seeds

DTYPES = [np.uint8, np.uint16, np.float16, np.float32]


def decode(data, **kw):
    a, info = _decode_image(bytes(data) if isinstance(data, bytearray) else data, **kw)
    assert a.flags.c_contiguous and a.ndim == 3
    assert info["channels"] == a.shape[2] and info["dtype"] == a.dtype.name
    assert (info["height"], info["width"]) == a.shape[:2]
    return a, info


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)


# ---- round trips of td_render's own files ----

def expected(a, ext):
    """(what the decoder must return for a written as ext, exact?) from encode.c's table."""
    c = a.shape[2]
    if ext == ".png":
        return (a.copy() if a.dtype == np.uint8 else to_u16(a)), True
    if ext == ".tif":
        return (a.astype(np.float32) if a.dtype == np.float16 else a.copy()), True
    if ext == ".exr":
        if a.dtype == np.uint8:  # U8 -> half of n / 255
            return (a.astype(np.float32) / np.float32(255)).astype(np.float16), True
        if a.dtype == np.uint16:  # U16 -> float of n / 65535
            return a.astype(np.float32) / np.float32(65535), True
        return a.copy(), True
    if ext == ".dds":
        return a.copy(), True  # RGB gains an opaque alpha in the file, which the decoder drops again
    if ext == ".bmp":
        b = to_u8(a)
        if c == 2:  # grey + alpha is stored as BGRA with the grey copied
            b = np.concatenate([b[..., :1]] * 3 + [b[..., 1:]], axis=2)
        return b, True
    if ext == ".jpg":
        b = to_u8(a)
        return (b[..., :1] if c <= 2 else b[..., :3]), False
    raise AssertionError(ext)


@pytest.mark.parametrize("ext", [".png", ".tif", ".exr", ".dds", ".bmp", ".jpg"])
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("channels", [1, 2, 3, 4])
def test_round_trip_of_every_written_layout(ext, dtype, channels):
    a = make_image(dtype, channels, seed=channels)
    want, exact = expected(a, ext)
    got, info = decode(_encode(a, ext))
    assert info["format"] == {".tif": "TIFF", ".jpg": "JPEG"}.get(ext, ext[1:].upper())
    assert got.dtype == want.dtype and got.shape == want.shape
    if exact:
        np.testing.assert_array_equal(got, want)
    else:
        # quality 1.0: libjpeg quality 100 with full-resolution chroma
        assert psnr(got, want) > 40
        # the orientation survives: the bottom row is darker than the top in the first channel's ramp
        assert got[0, :, 0].mean() < got[-1, :, 0].mean()
    # EXR is premultiplied by convention when it has an alpha; the other formats store straight colour
    assert info["premultiplied"] == (ext == ".exr" and channels in (2, 4))


@pytest.mark.parametrize("ext", [".png", ".tif", ".exr"])
@pytest.mark.parametrize("quality", [0.0, 0.5])
def test_round_trip_at_every_compression(ext, quality):
    a = make_image(np.float32 if ext == ".exr" else np.uint16, 4, seed=3)
    want, _ = expected(a, ext)
    got, _ = decode(_encode(a, ext, quality=quality))
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("quality", [0.3, 0.6])
def test_jpeg_psnr_falls_with_quality(quality):
    a = make_image(np.uint8, 3, height=64, width=64, seed=1)
    lo, _ = decode(_encode(a, ".jpg", quality=quality))
    hi, _ = decode(_encode(a, ".jpg", quality=1.0))
    assert 25 < psnr(lo, a) < psnr(hi, a)


def test_png_files_have_valid_chunk_crcs():
    """Every chunk of a td_render PNG, IEND included, carries the CRC libpng checks."""
    data = bytes(_encode(make_image(np.uint8, 3), ".png"))
    pos, names = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        body = data[pos + 4:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(body), body[:4]
        names.append(body[:4])
        pos += 12 + length
    assert names[0] == b"IHDR" and names[-1] == b"IEND"


TOP_FORMATS = {"rgba8fixed": np.uint8, "rgba16fixed": np.uint16, "rgba16float": np.float16,
               "rgba32float": np.float32, "mono8fixed": np.uint8}


@pytest.mark.parametrize("fmt", list(TOP_FORMATS))
@pytest.mark.parametrize("ext", [".png", ".tif", ".exr", ".dds"])
def test_a_top_saved_and_decoded(net, fmt, ext, tmp_path):
    """A rendered TOP through saveByteArray() and save(): the decoded file is numpyArray() in the
    file's depth, row for row (both bottom row first)."""
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.sphereSOP, "sphere1")
    mat = net.create(td.constantMAT, "c1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = 0.9, 0.4, 0.1
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.1, 0.2, 0.3, 0.5
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = 24, 18
    r.par.format = fmt
    f = r.numpyArray()  # float32 in [0, 1] for the fixed formats
    stored = TOP_FORMATS[fmt]
    if stored == np.uint8:
        native = np.round(f * 255).astype(np.uint8)
    elif stored == np.uint16:
        native = np.round(f.astype(np.float64) * 65535).astype(np.uint16)
    else:
        native = f.astype(stored)
    want, _ = expected(native, ext)
    got, _ = decode(r.saveByteArray(ext))
    np.testing.assert_array_equal(got, want)
    path = tmp_path / ("out" + ext)
    r.save(str(path), asynchronous=False)
    got_file, _ = decode(str(path))
    np.testing.assert_array_equal(got_file, want)


# ---- files from other writers ----

def pil_bytes(im, fmt, **kw):
    b = io.BytesIO()
    im.save(b, fmt, **kw)
    return b.getvalue()


def test_png_palette_and_transparency():
    rng = np.random.default_rng(0)
    idx = rng.integers(0, 16, (9, 11)).astype(np.uint8)
    palette = rng.integers(0, 256, (16, 3)).astype(np.uint8)
    im = Image.fromarray(idx, "P")
    im.putpalette(palette.tobytes())
    got, _ = decode(pil_bytes(im, "PNG"))
    np.testing.assert_array_equal(got, upright(palette[idx]))
    alpha = rng.integers(0, 256, 16).astype(np.uint8)
    got, _ = decode(pil_bytes(im, "PNG", transparency=alpha.tobytes()))
    np.testing.assert_array_equal(got, upright(np.concatenate([palette[idx], alpha[idx][..., None]], axis=2)))


@pytest.mark.parametrize("bits", [1, 2, 4])
def test_png_low_bit_grey_expands_to_8_bits(bits):
    rng = np.random.default_rng(bits)
    levels = rng.integers(0, 2 ** bits, (7, 13)).astype(np.uint8)
    im = Image.fromarray(levels * (255 // (2 ** bits - 1)), "L")
    data = pil_bytes(im, "PNG", bits=bits) if bits > 1 else pil_bytes(im.convert("1"), "PNG")
    assert data[24] == bits  # IHDR bit depth
    got, _ = decode(data)
    np.testing.assert_array_equal(got[..., 0], upright(levels * (255 // (2 ** bits - 1))))


def test_png_grey_alpha_and_16_bit_from_opencv():
    rng = np.random.default_rng(5)
    bgr16 = rng.integers(0, 65536, (10, 12, 3)).astype(np.uint16)
    ok, data = cv2.imencode(".png", bgr16)
    assert ok
    got, info = decode(data.tobytes())
    assert info["dtype"] == "uint16"
    np.testing.assert_array_equal(got, upright(bgr16[..., ::-1]))
    la = rng.integers(0, 256, (6, 5, 2)).astype(np.uint8)
    got, _ = decode(pil_bytes(Image.fromarray(la, "LA"), "PNG"))
    np.testing.assert_array_equal(got, upright(la))
    grey16 = rng.integers(0, 65536, (6, 5)).astype(np.uint16)
    ok, data = cv2.imencode(".png", grey16)
    got, _ = decode(data.tobytes())
    np.testing.assert_array_equal(got[..., 0], upright(grey16))


def interlaced_png(rgb):
    """An Adam7-interlaced 8-bit RGB PNG, built by hand (no writer here makes one)."""
    h, w, _ = rgb.shape
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = b""
    for x0, y0, dx, dy in passes:
        sub = rgb[y0::dy, x0::dx]
        if sub.size:
            raw += b"".join(b"\0" + row.tobytes() for row in sub)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_png_interlaced():
    rgb = np.random.default_rng(7).integers(0, 256, (19, 23, 3)).astype(np.uint8)
    got, _ = decode(interlaced_png(rgb))
    np.testing.assert_array_equal(got, upright(rgb))


def tiff_bytes(a, **kw):
    b = io.BytesIO()
    tifffile.imwrite(b, a, **kw)
    return b.getvalue()


TIFF_CASES = {
    "tiled-zlib-rgba16": (np.uint16, 4, dict(tile=(16, 16), compression="zlib", extrasamples=["unassalpha"])),
    "tiled-lzw-rgb8": (np.uint8, 3, dict(tile=(32, 16), compression="lzw")),
    "packbits-grey8": (np.uint8, 1, dict(compression="packbits", rowsperstrip=5)),
    "planar-rgb16": (np.uint16, 3, dict(planarconfig="separate", rowsperstrip=7)),
    "planar-tiled-rgba32f": (np.float32, 4, dict(planarconfig="separate", tile=(16, 16), compression="zlib",
                                                 extrasamples=["unassalpha"])),
    "half-grey": (np.float16, 1, dict(compression="zlib")),
    "bigendian-rgb32f": (np.float32, 3, dict(byteorder=">")),
    "bigtiff-ga16": (np.uint16, 2, dict(bigtiff=True, extrasamples=["unassalpha"])),
    "predictor-rgb16": (np.uint16, 3, dict(compression="zlib", predictor=True)),
    "float-predictor": (np.float32, 1, dict(compression="zlib", predictor=True)),
}


@pytest.mark.parametrize("case", list(TIFF_CASES))
def test_tiff_from_tifffile(case):
    dtype, c, kw = TIFF_CASES[case]
    a = make_image(dtype, c, height=45, width=50, seed=len(case))
    file_order = upright(a)
    if kw.get("planarconfig") == "separate":
        file_order = np.moveaxis(file_order, 2, 0)
    photometric = "rgb" if c >= 3 else "minisblack"
    got, info = decode(tiff_bytes(np.ascontiguousarray(file_order if c > 1 else file_order[..., 0]),
                                  photometric=photometric, **kw))
    assert info["dtype"] == np.dtype(dtype).name and not info["premultiplied"]
    np.testing.assert_array_equal(got, a)


def test_tiff_associated_alpha_is_premultiplied():
    a = make_image(np.uint8, 4, seed=9)
    got, info = decode(tiff_bytes(upright(a), photometric="rgb", extrasamples=["assocalpha"]))
    np.testing.assert_array_equal(got, a)
    assert info["premultiplied"]


def test_tiff_miniswhite_palette_and_bilevel():
    a = make_image(np.uint16, 1, seed=2)
    got, _ = decode(tiff_bytes(upright(a)[..., 0], photometric="miniswhite"))
    np.testing.assert_array_equal(got, 65535 - a)
    rng = np.random.default_rng(4)
    idx = rng.integers(0, 256, (12, 9)).astype(np.uint8)
    cmap = rng.integers(0, 256, (3, 256)).astype(np.uint16) * 257
    got, _ = decode(tiff_bytes(idx, photometric="palette", colormap=cmap))
    np.testing.assert_array_equal(got, upright((cmap // 257).T.astype(np.uint8)[idx]))
    bits = rng.integers(0, 2, (10, 21)).astype(bool)
    got, _ = decode(pil_bytes(Image.fromarray(bits), "TIFF"))
    np.testing.assert_array_equal(got[..., 0], upright(bits.astype(np.uint8) * 255))


def test_tiff_jpeg_ycbcr_and_refusals():
    a = make_image(np.uint8, 3, height=32, width=48, seed=6)
    got, _ = decode(pil_bytes(Image.fromarray(upright(a)), "TIFF", compression="jpeg", quality=95))
    assert got.shape == a.shape and psnr(got, a) > 30
    with pytest.raises(ValueError, match="CMYK"):
        decode(tiff_bytes(np.zeros((4, 4, 4), np.uint8), photometric="separated"))
    with pytest.raises(ValueError, match="signed"):
        decode(tiff_bytes(np.zeros((4, 4), np.int16)))


def test_jpeg_from_pillow_grey_progressive_cmyk():
    a = make_image(np.uint8, 3, height=40, width=56, seed=8)
    got, _ = decode(pil_bytes(Image.fromarray(upright(a)), "JPEG", quality=95, progressive=True, subsampling=0))
    assert psnr(got, a) > 35
    g = a[..., :1]
    got, info = decode(pil_bytes(Image.fromarray(upright(g)[..., 0], "L"), "JPEG", quality=95))
    assert info["channels"] == 1 and psnr(got, g) > 35
    with pytest.raises(ValueError, match="CMYK"):
        decode(pil_bytes(Image.new("CMYK", (8, 8)), "JPEG"))


def test_bmp_from_pillow_and_top_down():
    rng = np.random.default_rng(11)
    rgb = rng.integers(0, 256, (7, 9, 3)).astype(np.uint8)
    got, _ = decode(pil_bytes(Image.fromarray(rgb), "BMP"))
    np.testing.assert_array_equal(got, upright(rgb))
    # 32-bit BI_RGB: the fourth byte is padding (Windows' reading)
    rgba = rng.integers(0, 256, (7, 9, 4)).astype(np.uint8)
    got, _ = decode(pil_bytes(Image.fromarray(rgba, "RGBA"), "BMP"))
    np.testing.assert_array_equal(got, upright(rgba[..., :3]))
    idx = rng.integers(0, 16, (5, 13)).astype(np.uint8)
    pal = rng.integers(0, 256, (16, 3)).astype(np.uint8)
    im = Image.fromarray(idx, "P")
    im.putpalette(pal.tobytes())
    got, _ = decode(pil_bytes(im, "BMP"))
    np.testing.assert_array_equal(got, upright(pal[idx]))
    bits = rng.integers(0, 2, (6, 17)).astype(bool)
    got, _ = decode(pil_bytes(Image.fromarray(bits), "BMP"))
    np.testing.assert_array_equal(got[..., 0], upright(bits.astype(np.uint8) * 255))
    # td_render's 24-bit file turned top-down: negative height, rows reversed
    a = make_image(np.uint8, 3, height=10, width=7)
    data = bytearray(_encode(a, ".bmp"))
    offset, stride = struct.unpack("<I", data[10:14])[0], (7 * 3 + 3) & ~3
    rows = [data[offset + i * stride: offset + (i + 1) * stride] for i in range(10)]
    data[22:26] = struct.pack("<i", -10)
    data[offset:] = b"".join(reversed(rows))
    got, _ = decode(bytes(data))
    np.testing.assert_array_equal(got, a)


def test_bmp_bitfields_565():
    """A 16-bit BI_BITFIELDS file written by hand: 5-6-5 masks scaled to 8 bits."""
    rng = np.random.default_rng(12)
    h, w = 3, 5
    r, g, b = rng.integers(0, 32, (h, w)), rng.integers(0, 64, (h, w)), rng.integers(0, 32, (h, w))
    px = ((r << 11) | (g << 5) | b).astype("<u2")
    stride = (w * 2 + 3) & ~3
    rows = b"".join(px[y].tobytes().ljust(stride, b"\0") for y in range(h))  # bottom row first
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 16, 3, len(rows), 0, 0, 0, 0)
    masks = struct.pack("<III", 0xF800, 0x07E0, 0x001F)
    head = b"BM" + struct.pack("<IHHI", 14 + 40 + 12 + len(rows), 0, 0, 14 + 40 + 12)
    got, _ = decode(head + info + masks + rows)
    want = np.stack([(r * 255 + 15) // 31, (g * 255 + 31) // 63, (b * 255 + 15) // 31], axis=-1)
    np.testing.assert_array_equal(got, want.astype(np.uint8))


def oiio_bytes(tmp_path, a, name, **attrs):
    """a (top row first) written by OpenImageIO; attrs: tile=(w, h), compression=..."""
    path = str(tmp_path / name)
    spec = oiio.ImageSpec(a.shape[1], a.shape[0], a.shape[2],
                          {np.float16: "half", np.float32: "float", np.uint8: "uint8"}[a.dtype.type])
    if "tile" in attrs:
        spec.tile_width, spec.tile_height = attrs.pop("tile")
    for k, v in attrs.items():
        spec.attribute(k, v)
    out = oiio.ImageOutput.create(path)
    assert out is not None and out.open(path, spec), oiio.geterror()
    assert out.write_image(a), out.geterror()
    out.close()
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.parametrize("compression", ["zip", "zips", "rle", "none"])
@pytest.mark.parametrize("tiled", [False, True])
def test_exr_from_openimageio(tmp_path, compression, tiled):
    a = make_image(np.float16, 4, height=41, width=35, seed=13)
    kw = dict(tile=(16, 16)) if tiled else {}
    got, info = decode(oiio_bytes(tmp_path, upright(a), "x.exr", compression=compression, **kw))
    assert info["premultiplied"]
    np.testing.assert_array_equal(got, a)


@pytest.mark.parametrize("compression", ["piz", "pxr24", "b44", "dwaa"])
def test_exr_compressions_not_read(tmp_path, compression):
    """PIZ: tinyexr's decoder overruns its buffers on hostile data (decode_exr.c); the lossy ones
    tinyexr does not have."""
    data = oiio_bytes(tmp_path, np.zeros((8, 8, 3), np.float16), "x.exr", compression=compression)
    with pytest.raises(ValueError, match="%s compression is not read" % compression.upper()):
        decode(data)


def test_exr_channels_by_name(tmp_path):
    """Y alone is grey; an extra Z channel is ignored; one unnamed channel is grey; float wins."""
    a = make_image(np.float32, 1, seed=14)
    spec_names = {"oiio:ColorSpace": "linear"}
    y = oiio_bytes(tmp_path, upright(a), "y.exr", **spec_names)
    got, info = decode(y)
    assert info["channels"] == 1 and info["dtype"] == "float32"
    np.testing.assert_array_equal(got, a)
    rgbz = make_image(np.float32, 4, seed=15)
    path = str(tmp_path / "rgbz.exr")
    spec = oiio.ImageSpec(rgbz.shape[1], rgbz.shape[0], 4, "float")
    spec.channelnames = ("R", "G", "B", "Z")
    out = oiio.ImageOutput.create(path)
    assert out.open(path, spec) and out.write_image(upright(rgbz))
    out.close()
    got, info = decode(path)
    assert info["channels"] == 3 and not info["premultiplied"]
    np.testing.assert_array_equal(got, rgbz[..., :3])


def test_exr_refuses_uint_channels(tmp_path):
    path = str(tmp_path / "id.exr")
    OpenEXR.File({"compression": OpenEXR.ZIP_COMPRESSION, "type": OpenEXR.scanlineimage},
                 {"R": np.zeros((8, 8), np.uint32)}).write(path)
    with pytest.raises(ValueError, match="id.exr.*UINT"):
        decode(path)


def test_dds_legacy_from_pillow():
    rng = np.random.default_rng(16)
    rgba = rng.integers(0, 256, (8, 12, 4)).astype(np.uint8)
    got, _ = decode(pil_bytes(Image.fromarray(rgba, "RGBA"), "DDS"))
    np.testing.assert_array_equal(got, upright(rgba))
    rgb = rgba[..., :3].copy()
    got, _ = decode(pil_bytes(Image.fromarray(rgb, "RGB"), "DDS"))
    np.testing.assert_array_equal(got, upright(rgb))


def test_dds_refuses_block_compression():
    data = bytearray(_encode(make_image(np.uint8, 4), ".dds"))
    data[128:132] = struct.pack("<I", 71)  # BC1_UNORM
    with pytest.raises(ValueError, match="block-compressed"):
        decode(bytes(data))
    legacy = bytearray(data[:128])
    legacy[84:88] = b"DXT5"
    with pytest.raises(ValueError, match="DXT5"):
        decode(bytes(legacy) + bytes(1024))


# ---- the dispatch and the file path ----

def test_the_format_comes_from_the_bytes_not_the_name(tmp_path):
    a = make_image(np.uint16, 3)
    path = tmp_path / "really_a_png.jpg"
    path.write_bytes(bytes(_encode(a, ".png")))
    got, info = decode(str(path))
    assert info["format"] == "PNG"
    np.testing.assert_array_equal(got, a)
    got, _ = decode(path)  # os.PathLike
    np.testing.assert_array_equal(got, a)


@pytest.mark.parametrize("data, found", [
    (b"GIF89a\x01\x00\x01\x00", "GIF"),
    (b"<html><body>404</body></html>", "text"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WebP"),
    (b"\x00\x01\x02\x03\x04\x05\x06\x07", "00 01 02 03 04 05 06 07"),
])
def test_unknown_bytes_name_what_was_found(data, found):
    with pytest.raises(ValueError, match="not PNG, JPEG, TIFF, EXR, BMP or DDS") as e:
        decode(data)
    assert found in str(e.value)


def test_bad_arguments_and_paths(tmp_path):
    with pytest.raises(ValueError, match="0 bytes"):
        decode(b"")
    with pytest.raises(TypeError, match="bytes-like"):
        _decode_image(42)
    with pytest.raises(FileNotFoundError, match="missing.png"):
        decode(str(tmp_path / "missing.png"))
    with pytest.raises(IsADirectoryError, match="folder"):
        decode(str(tmp_path))
    with pytest.raises(ValueError, match="NUL"):
        decode("a\0b.png")
    big = tmp_path / "big.png"
    big.write_bytes(bytes(_encode(make_image(np.uint8, 4), ".png")))
    with pytest.raises(ValueError, match="big.png.*over the limit"):
        decode(str(big), max_file_bytes=100)
    cut = tmp_path / "cut.tif"
    cut.write_bytes(bytes(_encode(make_image(np.uint8, 4), ".tif"))[:300])
    with pytest.raises(ValueError, match="cut.tif"):
        decode(str(cut))  # a decoding failure names the path too
    with pytest.raises(ValueError, match="max_side"):
        decode(b"x", max_side=10 ** 6)


def test_decodes_run_in_parallel_threads():
    files = [bytes(_encode(make_image(d, 4, height=200, width=300), e))
             for d, e in [(np.uint8, ".png"), (np.uint16, ".tif"), (np.float16, ".exr"), (np.float32, ".dds")]]
    want = [decode(f)[0] for f in files]
    errors = []

    def work(i):
        try:
            for _ in range(5):
                np.testing.assert_array_equal(decode(files[i])[0], want[i])
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# ---- hostile input ----

SMALL = {ext: bytes(_encode(make_image(dtype, c, height=9, width=11, seed=1), ext, **kw))
         for ext, dtype, c, kw in [(".png", np.uint16, 4, {}), (".tif", np.uint8, 3, {"quality": 0.5}),
                                   (".exr", np.float16, 4, {"quality": 0.0}), (".bmp", np.uint8, 4, {}),
                                   (".dds", np.float32, 3, {}), (".jpg", np.uint8, 3, {})]}
SMALL[".exr-tiled"] = make_decode_seeds.exr_oiio(upright(make_image(np.float16, 3, height=20, width=18)), "zips",
                                                 tile=(16, 16))
SMALL[".tif-tiled"] = tiff_bytes(make_image(np.uint16, 2, height=20, width=20), tile=(16, 16),
                                 compression="lzw", extrasamples=["unassalpha"])


def valid_or_value_error(data):
    try:
        a, info = _decode_image(data, max_side=4096, max_bytes=64 << 20)
    except ValueError as e:
        assert str(e)
        return None
    assert 1 <= a.shape[2] <= 4 and a.dtype.name in ("uint8", "uint16", "float16", "float32")
    return a


@pytest.mark.parametrize("name", list(SMALL))
def test_every_cut_of_a_file_is_refused(name):
    """Every prefix is refused with ValueError, except a cut that only loses metadata stored after
    the pixels (TIFF: the Software tag's text at the end), which must then give the same pixels."""
    data = SMALL[name]
    whole, _ = decode(data)
    step = max(1, len(data) // 400)
    decoded = []
    for n in list(range(0, min(len(data), 300))) + list(range(300, len(data), step)):
        try:
            a, _ = _decode_image(data[:n])
        except ValueError:
            continue
        np.testing.assert_array_equal(a, whole)
        decoded.append(n)
    assert all(n >= len(data) - 10 for n in decoded), decoded
    if not name.startswith(".tif"):
        assert not decoded


@pytest.mark.parametrize("name", list(SMALL))
@given(edits=st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 255)), min_size=1, max_size=8))
def test_flipped_bytes_never_crash(name, edits):
    data = bytearray(SMALL[name])
    for pos, value in edits:
        data[pos % len(data)] = value
    valid_or_value_error(bytes(data))


@given(data=st.binary(min_size=0, max_size=300), magic=st.sampled_from(
    [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\0", b"MM\0*", b"\x76\x2f\x31\x01", b"BM", b"DDS ", b""]))
def test_random_bytes_after_a_magic_number_never_crash(data, magic):
    valid_or_value_error(magic + data)


def png_with_size(w, h):
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    body = b"IHDR" + ihdr
    idat = b"IDAT" + zlib.compress(b"\0" * 64)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + body + struct.pack(">I", zlib.crc32(body))
            + struct.pack(">I", len(idat) - 4) + idat + struct.pack(">I", zlib.crc32(idat)))


def test_lying_sizes_are_refused_before_allocating():
    with pytest.raises(ValueError, match="limit|exceeds"):
        decode(png_with_size(0x7FFFFFFF, 2))
    with pytest.raises(ValueError, match="cannot be held"):
        decode(png_with_size(30000, 30000))  # 3.6 GB of pixels from a 100-byte file
    bmp = bytearray(SMALL[".bmp"])
    bmp[18:26] = struct.pack("<ii", 30000, -30000)
    with pytest.raises(ValueError, match="need .* bytes"):
        decode(bytes(bmp))
    dds = bytearray(SMALL[".dds"])
    dds[12:20] = struct.pack("<II", 10000, 10000)  # 1.2 GB: under the limit, over the bytes present
    with pytest.raises(ValueError, match="need .* bytes"):
        decode(bytes(dds))
    dds[12:20] = struct.pack("<II", 40000, 1)
    with pytest.raises(ValueError, match="limit of 32768 a side"):
        decode(bytes(dds))
    jpg = bytearray(SMALL[".jpg"])
    sof = jpg.find(b"\xff\xc0")
    jpg[sof + 5:sof + 9] = struct.pack(">HH", 60000, 60000)
    with pytest.raises(ValueError, match="over the limit"):
        decode(bytes(jpg))  # 10.8 GB of RGB
    tif = tiff_bytes(np.zeros((4, 4), np.uint8))
    with pytest.raises(ValueError, match="over the limit"):
        decode(tif.replace(struct.pack("<HHII", 256, 4, 1, 4), struct.pack("<HHII", 256, 4, 1, 10 ** 6), 1))
    exr = bytearray(SMALL[".exr"])
    dw = exr.find(b"dataWindow\0box2i\0") + len(b"dataWindow\0box2i\0") + 4
    exr[dw:dw + 16] = struct.pack("<iiii", 0, 0, 99999, 99999)
    with pytest.raises(ValueError, match="EXR"):
        decode(bytes(exr))


def test_lowered_limits():
    data = SMALL[".png"]
    with pytest.raises(ValueError, match="limit of 8 a side"):
        decode(data, max_side=8)
    with pytest.raises(ValueError, match="limit of 100 bytes"):
        decode(data, max_bytes=100)
    assert decode(data, max_side=11, max_bytes=9 * 11 * 8)[0].shape == (9, 11, 4)


def test_libraries_print_nothing(tmp_path):
    """libpng, libjpeg, libtiff and tinyexr report through the error, never on stderr: a child
    process decodes every cut of every small file and a few damaged headers, and writes nothing."""
    import subprocess
    import sys
    files = tmp_path / "files"
    files.mkdir()
    for i, (name, data) in enumerate(SMALL.items()):
        for n in range(0, len(data), max(1, len(data) // 60)):
            (files / ("%d-%d" % (i, n))).write_bytes(data[:n])
        damaged = bytearray(data)
        damaged[len(damaged) // 3: len(damaged) // 3 + 16] = bytes(range(16))
        (files / ("%d-damaged" % i)).write_bytes(bytes(damaged))
    code = ("import os, sys\nfrom td_render._td import _decode_image\n"
            "for f in sorted(os.listdir(sys.argv[1])):\n"
            "    try:\n        _decode_image(os.path.join(sys.argv[1], f))\n"
            "    except (ValueError, OSError):\n        pass\n"
            "print('done')\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))  # this process's build
    r = subprocess.run([sys.executable, "-c", code, str(files)], capture_output=True, text=True, timeout=120,
                       env=env)
    assert r.returncode == 0 and r.stdout.strip() == "done", r.stderr
    assert r.stderr == ""


def exr_with_attribute(name, type_, value, tiled=False):
    """td_render's small EXR with one more header attribute (and the tiled flag if asked): the
    offsets after it are wrong, but these headers must be refused before the pixels are read."""
    data = bytearray(SMALL[".exr"])
    if tiled:
        data[5] |= 0x02  # version flags: bit 9, single-part tiled
    attr = name + b"\0" + type_ + b"\0" + struct.pack("<i", len(value)) + value
    return bytes(data[:8] + attr + data[8:])


ASSERTING_HEADERS = {
    "unknown part type": (exr_with_attribute(b"type", b"string", b"L"), "part type 'L'"),
    "tiled part type in a scanline file": (exr_with_attribute(b"type", b"string", b"tiledimage"), "part type"),
    "short tiles attribute": (exr_with_attribute(b"tiles", b"tiledesc", b"\x10\0\0\0\x10\0\0\0", tiled=True),
                              "'tiles' attribute of 8 bytes"),
    "mipmapped tiles": (exr_with_attribute(b"tiles", b"tiledesc", b"\x10\0\0\0\x10\0\0\0\x01", tiled=True),
                        "mipmapped"),
    "B44 compression": (exr_with_attribute(b"compression", b"compression", b"\x06"), "B44 compression"),
    "unknown pixel type": (exr_with_attribute(b"channels", b"chlist", b"R\0" + struct.pack("<iBxxxii", 7, 0, 1, 1)
                                              + b"\0"), "unknown pixel type 7"),
}


@pytest.mark.parametrize("case", list(ASSERTING_HEADERS))
def test_exr_headers_that_would_trip_tinyexr_asserts(case):
    """Debian's libtinyexr aborts the process (assert) on these headers (the first found by the
    decode fuzzer); they are refused before tinyexr sees them. Run in a child so that a regression
    fails this test, not the session."""
    import subprocess
    import sys
    data, message = ASSERTING_HEADERS[case]
    code = ("import sys\nfrom td_render._td import _decode_image\n"
            "try:\n    _decode_image(sys.stdin.buffer.read())\nexcept ValueError as e:\n    print(e)\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    r = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, timeout=60, env=env)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert message in r.stdout.decode(), r.stdout


def test_fuzzer_regressions_are_refused():
    """Inputs the decode fuzzer (tests/fuzz/decode_fuzzer.c) once crashed on, read again there on
    every `make fuzz-c`; here they must give a clear ValueError."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz", "decode_regressions")
    names = sorted(os.listdir(folder))
    assert names
    for name in names:
        with pytest.raises(ValueError, match="EXR|PNG|JPEG|TIFF|BMP|DDS"):
            decode(os.path.join(folder, name))


@pytest.mark.parametrize("orientation, flip", [(1, "v"), (2, "vh"), (3, "h"), (4, "")])
def test_tiff_orientation_1_to_4(orientation, flip):
    """Orientation 1 stores the top row first (flipped into bottom-up rows), 4 the bottom row first
    (kept), 2 and 3 are those mirrored left to right."""
    stored = make_image(np.uint8, 3, seed=orientation)
    got, _ = decode(tiff_bytes(stored, photometric="rgb", extratags=[(274, "H", 1, orientation, False)]))
    want = stored
    if "v" in flip:
        want = want[::-1]
    if "h" in flip:
        want = want[:, ::-1]
    np.testing.assert_array_equal(got, want)
