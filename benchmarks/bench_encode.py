"""Encoding a 1920x1080 RGBA image per format: td_render's encoders (`_encode`, the code under
TOP.save() / saveByteArray()) against Pillow, OpenCV and, for EXR, the OpenEXR bindings, writing
the same pixels to memory, side by side in one process.

    python benchmarks/bench_encode.py [--rounds 7] [--synthetic] [--width 1920 --height 1080]

The image is the demo scene (td_render.demo) rendered at the requested size, so the encoders see
what save() will see: float32 RGBA in GL order, converted to each sample type as a TOP of that
pixel format holds it. --synthetic uses a noisy gradient instead (no GL needed).

How it is measured:
  - every writer encodes to memory (ours returns a bytearray; Pillow writes to a BytesIO, OpenCV
    uses imencode, OpenEXR writes to a BytesIO);
  - ours is given the image as the TOP holds it (bottom row first, RGBA) and flips it while
    encoding; the others get it upright and in their own channel order (OpenCV: BGRA; Pillow: an
    Image made beforehand), prepared outside the timing, which only favours them;
  - each row runs its writers in turn, round after round (so all see the same machine load), and
    the table shows the best of --rounds (the least disturbed run) in milliseconds; "x ours" is
    their time over ours (above 1: ours is faster);
  - all writers run on one thread (cv2.setNumThreads(1); ours is single-threaded) and the process
    is pinned to one CPU (--no-pin to leave it free).

The second table compares the back ends we chose between: PNG through libdeflate (the default)
against libpng + zlib, and BMP written directly (the default) against stb_image_write; the losers
stay reachable through `_encode(..., _alternative=True)` for this benchmark.
"""
import argparse
import io
import os
import sys
import time

os.environ.setdefault("OPENCV_IO_ENABLE_OPENEXR", "1")  # before cv2 is imported

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import OpenEXR  # noqa: E402
from PIL import Image  # noqa: E402

from td_render._td import _encode  # noqa: E402


def render_image(width, height):
    import td_render as td
    from td_render.demo import build_demo_scene

    render = build_demo_scene(td.root.create(td.baseCOMP, "bench_encode"), width, height)
    return render.numpyArray()


def synthetic_image(width, height):
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    a = np.stack([x / width, y / height, (x + y) / (width + height), np.ones_like(x)], axis=-1)
    a[:, :, :3] += rng.normal(0, 0.01, (height, width, 3)).astype(np.float32)
    return a


def as_type(a, dtype):
    """a (float32) as a TOP of that sample type holds it."""
    if dtype == np.uint8:
        return np.ascontiguousarray(np.floor(np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8))
    if dtype == np.uint16:
        return np.ascontiguousarray(np.floor(np.clip(a, 0, 1) * 65535 + 0.5).astype(np.uint16))
    return np.ascontiguousarray(a.astype(dtype))


def pil_writer(image, fmt, **params):
    def write():
        buf = io.BytesIO()
        image.save(buf, fmt, **params)
        return buf.getvalue()
    return write


def cv2_writer(bgra, ext, params=()):
    params = list(params)

    def write():
        ok, buf = cv2.imencode(ext, bgra, params)
        assert ok
        return buf
    return write


def exr_writer(upright_rgba, half):
    px = upright_rgba.astype(np.float16 if half else np.float32)
    header = {"compression": OpenEXR.ZIP_COMPRESSION, "type": OpenEXR.scanlineimage}

    def write():
        buf = io.BytesIO()
        OpenEXR.File(header, {"RGBA": px}).write(buf)
        return buf.getvalue()
    return write


def ours(a, filetype, quality=1.0, alternative=False):
    return lambda: _encode(a, filetype, quality, _alternative=alternative)


def build_rows(a):
    u8, u16, f16, f32 = (as_type(a, t) for t in (np.uint8, np.uint16, np.float16, np.float32))
    up8 = np.ascontiguousarray(u8[::-1])
    pil_rgba, pil_rgb = Image.fromarray(up8, "RGBA"), Image.fromarray(np.ascontiguousarray(up8[:, :, :3]), "RGB")
    bgra8 = np.ascontiguousarray(up8[:, :, [2, 1, 0, 3]])
    bgr8 = np.ascontiguousarray(bgra8[:, :, :3])
    bgra16 = np.ascontiguousarray(as_type(a[::-1], np.uint16)[:, :, [2, 1, 0, 3]])
    bgra32 = np.ascontiguousarray(f32[::-1][:, :, [2, 1, 0, 3]])
    up32 = np.ascontiguousarray(f32[::-1])
    P, C = cv2, cv2  # brevity below
    return [
        # (format, our setting, ours, Pillow, OpenCV or other, the others' setting)
        ("PNG 8-bit", "q=1.0 (deflate 1, default)", ours(u8, ".png", 1.0),
         pil_writer(pil_rgba, "PNG", compress_level=1), cv2_writer(bgra8, ".png", [P.IMWRITE_PNG_COMPRESSION, 1]),
         "level 1"),
        ("PNG 8-bit", "q=0.0 (deflate 6)", ours(u8, ".png", 0.0),
         pil_writer(pil_rgba, "PNG", compress_level=6), cv2_writer(bgra8, ".png", [P.IMWRITE_PNG_COMPRESSION, 6]),
         "level 6 (Pillow's default)"),
        ("PNG 8-bit", "q=1.0 (deflate 1, default)", ours(u8, ".png"), pil_writer(pil_rgba, "PNG"),
         cv2_writer(bgra8, ".png"), "their defaults (OpenCV: level 1)"),
        ("PNG 16-bit", "q=0.0 (deflate 6), from float16", ours(f16, ".png", 0.0), None,
         cv2_writer(bgra16, ".png", [C.IMWRITE_PNG_COMPRESSION, 6]), "level 6, from uint16"),
        ("JPEG", "q=1.0 (100, 4:4:4)", ours(u8, ".jpg", 1.0),
         pil_writer(pil_rgb, "JPEG", quality=100, subsampling=0),
         cv2_writer(bgr8, ".jpg", [C.IMWRITE_JPEG_QUALITY, 100, C.IMWRITE_JPEG_SAMPLING_FACTOR,
                                   C.IMWRITE_JPEG_SAMPLING_FACTOR_444]), "100, 4:4:4"),
        ("JPEG", "q=0.75 (75, 4:2:0)", ours(u8, ".jpg", 0.75), pil_writer(pil_rgb, "JPEG", quality=75),
         cv2_writer(bgr8, ".jpg", [C.IMWRITE_JPEG_QUALITY, 75]), "75, 4:2:0"),
        ("TIFF 8-bit", "q=1.0 (none, default)", ours(u8, ".tif", 1.0), pil_writer(pil_rgba, "TIFF"),
         cv2_writer(bgra8, ".tif", [C.IMWRITE_TIFF_COMPRESSION, 1]), "none (Pillow's default)"),
        ("TIFF 8-bit", "q=0.0 (deflate 6)", ours(u8, ".tif", 0.0),
         pil_writer(pil_rgba, "TIFF", compression="tiff_adobe_deflate"),
         cv2_writer(bgra8, ".tif", [C.IMWRITE_TIFF_COMPRESSION, 8, C.IMWRITE_TIFF_PREDICTOR, 2]),
         "deflate (libtiff's level 6), predictor: OpenCV 2, Pillow none"),
        ("TIFF 8-bit", "q=1.0 (none, default)", ours(u8, ".tif"), pil_writer(pil_rgba, "TIFF"),
         cv2_writer(bgra8, ".tif"), "their defaults (Pillow none, OpenCV LZW)"),
        ("TIFF float", "q=1.0 (none), from float32", ours(f32, ".tif", 1.0), None,
         cv2_writer(bgra32, ".tif", [C.IMWRITE_TIFF_COMPRESSION, 1]), "none"),
        ("TIFF float", "q=0.0 (deflate 6), from float32", ours(f32, ".tif", 0.0), None,
         cv2_writer(bgra32, ".tif", [C.IMWRITE_TIFF_COMPRESSION, 8, C.IMWRITE_TIFF_PREDICTOR, 3]),
         "deflate 6 + float predictor"),
        ("BMP", "32-bit BGRA", ours(u8, ".bmp"), pil_writer(pil_rgba, "BMP"), cv2_writer(bgra8, ".bmp"),
         "32-bit"),
        ("EXR half", "q=0.0 (ZIP), from float16", ours(f16, ".exr", 0.0), None, exr_writer(up32, True),
         "ZIP (OpenEXR bindings)"),
        ("EXR half", "q=0.5 (RLE), from float16", ours(f16, ".exr", 0.5), None,
         cv2_writer(bgra32, ".exr", [C.IMWRITE_EXR_TYPE, C.IMWRITE_EXR_TYPE_HALF, C.IMWRITE_EXR_COMPRESSION,
                                     C.IMWRITE_EXR_COMPRESSION_RLE]), "RLE (OpenCV)"),
        ("EXR half", "q=0.0 (ZIP), from float16", ours(f16, ".exr", 0.0), None,
         cv2_writer(bgra32, ".exr", [C.IMWRITE_EXR_TYPE, C.IMWRITE_EXR_TYPE_HALF, C.IMWRITE_EXR_COMPRESSION,
                                     C.IMWRITE_EXR_COMPRESSION_ZIP]), "ZIP (OpenCV)"),
        ("EXR float", "q=0.0 (ZIP), from float32", ours(f32, ".exr", 0.0), None,
         cv2_writer(bgra32, ".exr", [C.IMWRITE_EXR_TYPE, C.IMWRITE_EXR_TYPE_FLOAT, C.IMWRITE_EXR_COMPRESSION,
                                     C.IMWRITE_EXR_COMPRESSION_ZIP]), "ZIP (OpenCV)"),
        ("DDS", "R8G8B8A8_UNORM", ours(u8, ".dds"), pil_writer(pil_rgba, "DDS"), None, "uncompressed RGBA"),
        ("DDS", "R32G32B32A32_FLOAT", ours(f32, ".dds"), None, None, ""),
    ], u8, u16


def best_of(fns, rounds):
    """Best time (ms) and output size of each function, run in turn round after round."""
    times = [[] for _ in fns]
    sizes = [0] * len(fns)
    for fn in fns:
        if fn is not None:
            fn()  # warm up
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            if fn is None:
                continue
            t0 = time.perf_counter()
            out = fn()
            times[i].append(time.perf_counter() - t0)
            sizes[i] = len(out)
    return [min(t) * 1e3 if t else None for t in times], sizes


def fmt_ms(ms):
    return "%8.1f" % ms if ms is not None else "%8s" % "-"


def fmt_ratio(other, ours_ms):
    return "%6.2f" % (other / ours_ms) if other is not None else "%6s" % "-"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--width", type=int, default=1920)
    ap.add_argument("--height", type=int, default=1080)
    ap.add_argument("--synthetic", action="store_true", help="a noisy gradient instead of the demo render")
    ap.add_argument("--no-pin", dest="pin", action="store_false", help="do not pin the process to one CPU")
    args = ap.parse_args(argv)
    cv2.setNumThreads(1)
    if args.synthetic:
        a, source = synthetic_image(args.width, args.height), "synthetic gradient + noise"
    else:
        a, source = render_image(args.width, args.height), "td_render demo scene"
    if args.pin and hasattr(os, "sched_setaffinity"):  # after rendering: the GL thread stays free
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print("%dx%d RGBA, %s; best of %d rounds, ms; Python %s, numpy %s, Pillow %s, OpenCV %s, OpenEXR %s"
          % (args.width, args.height, source, args.rounds, sys.version.split()[0], np.__version__,
             Image.__version__, cv2.__version__, OpenEXR.__version__))
    rows, u8, u16 = build_rows(a)
    head = "%-11s %-34s %8s %8s %8s %6s %6s  %9s %9s %9s  %s" % (
        "format", "ours", "ours", "Pillow", "other", "x ours", "x ours", "KB ours", "KB Pillow", "KB other",
        "their setting (other = OpenCV unless named)")
    print(head)
    print("-" * len(head))
    for fmt, setting, mine, pil, other, their in rows:
        (t_ours, t_pil, t_other), (s_ours, s_pil, s_other) = best_of([mine, pil, other], args.rounds)
        print("%-11s %-34s %s %s %s %s %s  %9.0f %9s %9s  %s" % (
            fmt, setting, fmt_ms(t_ours), fmt_ms(t_pil), fmt_ms(t_other), fmt_ratio(t_pil, t_ours),
            fmt_ratio(t_other, t_ours), s_ours / 1024, "%.0f" % (s_pil / 1024) if pil else "-",
            "%.0f" % (s_other / 1024) if other else "-", their))

    print()
    print("Back ends (ours only): default vs the alternative kept for this comparison")
    head2 = "%-34s %10s %12s %8s  %9s %9s" % ("case", "default", "alternative", "x", "KB def", "KB alt")
    print(head2)
    print("-" * len(head2))
    cases = [("PNG 8-bit q=%s: libdeflate | libpng" % q, ".png", u8, q) for q in (0.0, 0.4, 0.6, 1.0)]
    cases += [("PNG 16-bit q=0.0: libdeflate | libpng", ".png", u16, 0.0),
              ("BMP 32-bit: direct | stb_image_write", ".bmp", u8, 1.0),
              ("BMP 24-bit: direct | stb_image_write", ".bmp", np.ascontiguousarray(u8[:, :, :3]), 1.0)]
    for label, ft, img, q in cases:
        (t_def, t_alt), (s_def, s_alt) = best_of([ours(img, ft, q), ours(img, ft, q, True)], args.rounds)
        print("%-34s %10.1f %12.1f %8.2f  %9.0f %9.0f" % (label, t_def, t_alt, t_alt / t_def, s_def / 1024,
                                                          s_alt / 1024))


if __name__ == "__main__":
    main()
