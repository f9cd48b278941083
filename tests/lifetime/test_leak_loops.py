"""Leak loops: the same work done many times must not grow the process.

Each loop runs WARMUP iterations, measures, runs the rest and measures again:
  * memory: resident set size (/proc/self/statm) may grow by at most MEMORY_BOUND bytes. Under
    `make test-asan` RSS is meaningless (ASan keeps freed blocks in quarantine), so there the
    sanitizer's count of live heap bytes is bounded instead. On Mesa's llvmpipe the "GPU" memory of
    textures and buffers is ordinary process memory, so a leaked GL object shows up here too: one
    leaked 64x64 render target per iteration would be 1,000 x 48 KiB = 48 MB, far above the bound;
  * GPU memory as td_render accounts it (TOP.gpuMemory) must be exactly what it was;
  * Python objects tracked by the GC (len(gc.get_objects())) may differ by at most OBJECT_SLACK, far
    below one per iteration.
"""
import ctypes
import gc
import os

import numpy as np
import pytest
from PIL import Image

import td_render as td

MEMORY_BOUND = 2 * 1024 * 1024   # bytes
OBJECT_SLACK = 20                # gc-tracked objects
RES = 64                         # small renders: the loops test lifetimes, not fill rate
SAVE_FORMATS = ["png"]           # every format save() supports; add each new one here

_PAGE = os.sysconf("SC_PAGE_SIZE")
_SANITIZED = bool(os.environ.get("TD_RENDER_SANITIZED"))


def memory_in_use():
    """Bytes the process holds: RSS normally, live heap bytes under AddressSanitizer."""
    if _SANITIZED:
        f = ctypes.CDLL(None).__sanitizer_get_current_allocated_bytes
        f.restype = ctypes.c_size_t
        return f()
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE


class Level:
    def __init__(self, gpu):
        gc.collect()
        self.memory = memory_in_use()
        self.objects = len(gc.get_objects())
        self.gpu = gpu

    def __repr__(self):
        return "memory %.2f MB, %d Python objects, gpuMemory %d" % (self.memory / 2**20, self.objects, self.gpu)


def loop(n, body, gpu_of, warmup=None):
    """Runs body(i) n times; returns the levels after the warm-up and at the end."""
    warmup = warmup or max(1, n // 10)
    for i in range(warmup):
        body(i)
    before = Level(gpu_of())
    for i in range(warmup, n):
        body(i)
    after = Level(gpu_of())
    print("\n%s x%d: after %d: %r; after %d: %r" % (body.__name__, n, warmup, before, n, after))
    return before, after


def assert_flat(before, after):
    grew = after.memory - before.memory
    assert grew <= MEMORY_BOUND, "memory grew by %.2f MB (bound %.2f MB): %r -> %r" % (
        grew / 2**20, MEMORY_BOUND / 2**20, before, after)
    assert after.gpu == before.gpu, "gpuMemory changed: %r -> %r" % (before, after)
    assert abs(after.objects - before.objects) <= OBJECT_SLACK, "Python objects: %r -> %r" % (before, after)


def build_scene(parent, res=RES):
    """A lit box seen by a camera, rendered at res x res, inside its own baseCOMP."""
    comp = parent.create(td.baseCOMP, "scene")
    geo = comp.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP, "box1")
    sphere = geo.create(td.sphereSOP, "sphere1")
    sphere.par.rows, sphere.par.cols, sphere.par.tx = 8, 12, 1.5
    mat = comp.create(td.phongMAT, "phong1")
    geo.par.material = mat
    comp.create(td.cameraCOMP, "cam1")
    comp.create(td.lightCOMP, "light1").par.tz = 5
    render = comp.create(td.renderTOP, "render1")
    render.par.resolutionw = render.par.resolutionh = res
    return comp, render


def test_create_cook_read_destroy_1000(net):
    gpu = []

    def create_cook_read_destroy(i):
        comp, render = build_scene(net)
        a = render.numpyArray()
        assert a.shape == (RES, RES, 4) and a[..., 3].max() == 1.0  # something was drawn
        gpu.append(render.gpuMemory)
        comp.destroy()
        assert not render.valid

    before, after = loop(1000, create_cook_read_destroy, lambda: gpu[-1])
    assert_flat(before, after)
    assert set(gpu) == {gpu[0]} and gpu[0] > 0
    assert net.numChildren == 0


def test_numpyarray_10000(net):
    comp, render = build_scene(net)
    cam = comp.op("cam1")
    first = render.numpyArray()

    def numpy_array(i):
        if i % 10 == 0:  # a re-render every tenth call (a new scene snapshot), plain reads otherwise
            cam.par.tx = 0.01 * (i % 20)
        a = render.numpyArray()
        assert a.shape == first.shape

    before, after = loop(10000, numpy_array, lambda: render.gpuMemory)
    assert_flat(before, after)
    assert render.totalCooks >= 1000


def test_resize_500(net):
    # Every call re-creates the render target at another size.
    comp, render = build_scene(net)

    def resize(i):
        render.par.resolutionw = RES if i % 2 else RES // 2
        assert render.numpyArray().shape[1] == render.par.resolutionw

    before, after = loop(500, resize, lambda: render.gpuMemory, warmup=50)
    assert_flat(before, after)


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
def test_save_1000(net, tmp_path, fmt):
    comp, render = build_scene(net)
    cam = comp.op("cam1")
    path = str(tmp_path / ("frame." + fmt))

    def save(i):
        if i % 10 == 0:
            cam.par.tx = 0.01 * (i % 20)
        assert render.save(path) == path

    before, after = loop(1000, save, lambda: render.gpuMemory)
    assert_flat(before, after)
    assert os.listdir(tmp_path) == ["frame." + fmt]  # overwritten in place, no temporaries left
    with Image.open(path) as img:
        assert img.size == (RES, RES)
        assert np.array_equal(np.asarray(img.convert("RGBA"))[::-1],
                              np.round(render.numpyArray() * 255).astype(np.uint8))
