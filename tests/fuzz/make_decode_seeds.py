"""Writes the decode fuzzer's seed files into the folder given: small images of every layout
td_render writes (through td_render._td._encode) and a few from other writers (Pillow, tifffile,
OpenImageIO),
each a different path through the decoders. Run by `make fuzz-c`; needs the built module."""
import io
import os
import sys

import tempfile

import numpy as np
import OpenImageIO as oiio
import tifffile
from PIL import Image

from td_render._td import _encode


def image(dtype, channels, h=6, w=7):
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([(x + y + c) / (h + w + 4) for c in range(channels)], axis=-1)
    if dtype == np.uint8:
        return np.round(base * 255).astype(np.uint8)
    if dtype == np.uint16:
        return np.round(base * 65535).astype(np.uint16)
    return base.astype(dtype)


def pil(im, fmt, **kw):
    b = io.BytesIO()
    im.save(b, fmt, **kw)
    return b.getvalue()


def tif(a, **kw):
    b = io.BytesIO()
    tifffile.imwrite(b, a, **kw)
    return b.getvalue()


def exr_oiio(a, compression, tile=None):
    """a (float16, top row first) as an EXR from OpenImageIO: the compressions and tiles td_render's
    encoder never writes."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "x.exr")
        spec = oiio.ImageSpec(a.shape[1], a.shape[0], a.shape[2], "half")
        spec.attribute("compression", compression)
        if tile:
            spec.tile_width, spec.tile_height = tile
        out = oiio.ImageOutput.create(path)
        out.open(path, spec)
        out.write_image(a)
        out.close()
        with open(path, "rb") as f:
            return f.read()


def seeds():
    out = {}
    for ext in (".png", ".tif", ".exr", ".bmp", ".dds", ".jpg"):
        for dtype in (np.uint8, np.uint16, np.float16, np.float32):
            for c in (1, 2, 3, 4):
                out["td%s-%s-%d" % (ext, np.dtype(dtype).name, c)] = bytes(_encode(image(dtype, c), ext, quality=0.5))
    p = Image.fromarray(np.arange(42, dtype=np.uint8).reshape(6, 7) % 16, "P")
    p.putpalette(bytes(range(48)))
    out["pil-palette.png"] = pil(p, "PNG", transparency=bytes(range(16)))
    out["pil-palette.bmp"] = pil(p, "BMP")
    out["pil-1bit.png"] = pil(Image.new("1", (9, 5), 1), "PNG")
    out["pil-progressive.jpg"] = pil(Image.fromarray(image(np.uint8, 3)), "JPEG", progressive=True)
    out["pil-rgba.dds"] = pil(Image.fromarray(image(np.uint8, 4), "RGBA"), "DDS")
    out["tifffile-tiled-lzw.tif"] = tif(image(np.uint16, 3, 20, 20), tile=(16, 16), compression="lzw")
    out["tifffile-planar.tif"] = tif(np.moveaxis(image(np.uint8, 3), 2, 0).copy(), planarconfig="separate",
                                     photometric="rgb")
    for compression in ("piz", "zips", "rle", "zip"):
        out["oiio-%s.exr" % compression] = exr_oiio(image(np.float16, 4, 20, 18), compression)
    out["oiio-tiled-zip.exr"] = exr_oiio(image(np.float16, 3, 20, 18), "zip", tile=(16, 16))
    out["oiio-tiled-none.exr"] = exr_oiio(image(np.float16, 1, 20, 18), "none", tile=(16, 16))
    return out


if __name__ == "__main__":
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for name, data in seeds().items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
