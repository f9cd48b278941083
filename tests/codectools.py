"""Helpers for the encoder tests: synthetic images in GL order, the values a file must hold, and
independent readers (Pillow, tifffile, OpenImageIO, OpenEXR) that give (height, width, channels)
arrays, top row first."""
import io

import numpy as np
import OpenEXR
import OpenImageIO as oiio
import tifffile
from PIL import Image

from td_render._td import _encode

DTYPES = [np.uint8, np.uint16, np.float16, np.float32]
CHANNELS = [1, 2, 3, 4]


def make_image(dtype, channels, height=37, width=53, seed=0):
    """A (height, width, channels) array, row 0 the bottom row as numpyArray() gives it. Every
    channel is a different ramp that depends on both x and y (so a flip or a swapped channel shows),
    plus a little noise (so no two neighbours are equal). Floats span [-0.5, 1.5] so clamping shows;
    integers span their whole range."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    u, v = x / max(width - 1, 1), y / max(height - 1, 1)
    ramps = [0.3 * u + 0.7 * v, 0.8 * v + 0.2 * (1 - u), 0.5 * (u + v), 0.6 * (1 - u) + 0.4 * v]
    base = np.stack(ramps[:channels], axis=-1)
    base = np.clip(base + rng.uniform(-0.02, 0.02, base.shape), 0.0, 1.0)
    if dtype == np.uint8:
        return np.round(base * 255).astype(np.uint8)
    if dtype == np.uint16:
        return np.round(base * 65535).astype(np.uint16)
    return (base * 2.0 - 0.5).astype(dtype)


def upright(a):
    return np.ascontiguousarray(a[::-1])


def to_u8(a):
    """What an 8-bit file holds for a: integers rounded, floats clamped to [0, 1] (NaN -> 0)."""
    if a.dtype == np.uint8:
        return a.copy()
    if a.dtype == np.uint16:
        return ((a.astype(np.uint32) + 128) // 257).astype(np.uint8)
    f = np.nan_to_num(a.astype(np.float32), nan=0.0)
    return np.floor(np.clip(f, 0, 1) * np.float32(255) + np.float32(0.5)).astype(np.uint8)


def to_u16(a):
    """What a 16-bit file holds for a."""
    if a.dtype == np.uint8:
        return a.astype(np.uint16) * 257
    if a.dtype == np.uint16:
        return a.copy()
    f = np.nan_to_num(a.astype(np.float32), nan=0.0)
    return np.floor(np.clip(f, 0, 1) * np.float32(65535) + np.float32(0.5)).astype(np.uint16)


def with_channels(a):
    return a[:, :, None] if a.ndim == 2 else a


def write(tmp_path, data, suffix):
    path = tmp_path / ("image" + suffix)
    path.write_bytes(bytes(data))
    return str(path)


def read_oiio(path):
    """(pixels in the file's own type, spec) through OpenImageIO, alpha left unassociated (OIIO
    premultiplies PNG, TIFF and BMP colours by alpha unless told not to)."""
    config = oiio.ImageSpec()
    config.attribute("oiio:UnassociatedAlpha", 1)
    inp = oiio.ImageInput.open(path, config)
    assert inp is not None, oiio.geterror()
    try:
        spec = inp.spec()
        pixels = inp.read_image(oiio.UNKNOWN)
    finally:
        inp.close()
    assert pixels is not None, oiio.geterror()
    return with_channels(np.asarray(pixels)), spec


def read_pillow(data):
    im = Image.open(io.BytesIO(bytes(data)))
    im.load()
    return with_channels(np.asarray(im)), im


def read_tifffile(data):
    with tifffile.TiffFile(io.BytesIO(bytes(data))) as tif:
        page = tif.pages[0]
        return with_channels(page.asarray()), page


def read_openexr(path):
    """{channel name: (height, width) array} and the header, through the OpenEXR bindings."""
    with OpenEXR.File(path, separate_channels=True) as f:
        header = dict(f.header())
        channels = {name: np.array(ch.pixels) for name, ch in f.channels().items()}
    return channels, header


def encode(a, filetype, **kw):
    out = _encode(a, filetype, **kw)
    assert isinstance(out, bytearray)
    return out
