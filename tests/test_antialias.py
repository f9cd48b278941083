"""renderTOP antialias: a constant-colour box over a transparent background, rendered multisampled
and resolved. Without antialiasing every pixel along the box's right edge is exactly the material
or the background; with N samples the edge pixels take intermediate alphas whose sum across the
edge equals the area the box covers there, which the projection gives exactly."""
import math
import re

import numpy as np
import pytest

import td_render as td
from codectools import read_pillow, upright
from imagetools import project

W, H = 160, 120
COLOR = (1.0, 0.5, 0.25)
# The box's right silhouette edge is its front face's right side (x = tx + 0.5, z = +0.5), a
# vertical line in the image at X_EDGE; tx is chosen to put it 0.4 of the way across a pixel.
X_EDGE = 110.4
TX = ((2.0 * X_EDGE / W) - 1.0) * 4.5 * math.tan(math.radians(22.5)) - 0.5
SAMPLES = {"aa1": 1, "aa2": 2, "aa4": 4, "aa8mid": 8, "aa8high": 8, "aa16low": 16, "aa16mid": 16,
           "aa16high": 16, "aa32": 32}


@pytest.fixture
def scene(net):
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    geo.par.tx = TX
    mat = net.create(td.constantMAT, "constant1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = COLOR
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")  # tz = 5, transparent black background
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    return r


def edge_window(a):
    """Alpha of the rows through the middle of the box, in a window of pixels [x0, x0 + 7) that
    crosses the edge: left of it the box covers every pixel, right of it none."""
    x0 = int(X_EDGE) - 3
    top = project((TX, 0.5, 0.5), W, H)[1]
    bottom = project((TX, -0.5, 0.5), W, H)[1]
    rows = np.arange(int(bottom) + 3, int(top) - 3)
    assert len(rows) > 20
    return a[rows, x0:x0 + 7, 3], x0


def test_edge_position_is_where_the_projection_puts_it():
    assert project((TX + 0.5, 0.0, 0.5), W, H)[0] == pytest.approx(X_EDGE)


def test_aa1_gives_only_material_and_background(scene):
    assert scene.par.antialias.eval() == "aa1"  # the default
    a = scene.numpyArray()
    window, x0 = edge_window(a)
    assert set(np.unique(window)) <= {0.0, 1.0}
    box = np.array(COLOR + (1.0,), np.float32)
    edge = a[:, x0:x0 + 7]
    is_box = np.all(np.abs(edge - box) <= 0.5 / 255 + 1e-6, axis=-1)  # 8-bit rounding
    is_bg = np.all(edge == 0.0, axis=-1)
    assert np.all(is_box | is_bg)


def check_coverage(a, n):
    """Every row's alpha sum across the edge is the covered area X_EDGE - x0, within 1/n: a
    vertical edge through a pixel at fraction f covers the samples left of it; with the n
    samples' horizontal positions spread one to each 1/n-wide column of the pixel (as the
    standard patterns do) that count differs from f * n by less than one sample. Plus the 8-bit
    rounding of the pixel (1/510)."""
    window, x0 = edge_window(a)
    sums = window.sum(axis=1)
    expected = X_EDGE - x0
    assert np.all(np.abs(sums - expected) <= 1.0 / n + 1.0 / 510 + 1e-6), (sums.min(), sums.max(), expected)
    edge_pixel = window[:, int(X_EDGE) - x0]
    assert np.all((edge_pixel > 0.01) & (edge_pixel < 0.99)), "the edge pixel is not partly covered"
    return edge_pixel


@pytest.mark.parametrize("token", ["aa2", "aa4", "aa8mid", "aa16high"])
def test_antialias_coverage_matches_geometry(scene, token):
    most = td.glInfo()["max_samples"]
    scene.par.antialias = token
    a = scene.numpyArray()
    n = min(SAMPLES[token], most)
    check_coverage(a, n)


@pytest.mark.parametrize("fmt", ["srgba8fixed", "rgba16float", "rgba32float"])
def test_aa4_in_other_formats(scene, fmt):
    scene.par.format = fmt
    scene.par.antialias = "aa4"
    check_coverage(scene.numpyArray(), min(4, td.glInfo()["max_samples"]))


def test_changing_antialias_renders_again(scene):
    first = scene.numpyArray()
    scene.par.antialias = "aa4"
    assert not np.array_equal(scene.numpyArray(), first)
    scene.par.antialias = "aa1"
    assert np.array_equal(scene.numpyArray(), first)


def test_sample_and_save_read_the_resolved_image(scene, tmp_path):
    scene.par.antialias = "aa4"
    a = scene.numpyArray()
    y = H // 2
    x = int(X_EDGE)
    assert scene.sample(x=x, y=y) == pytest.approx(tuple(a[y, x]))
    png = tmp_path / "aa.png"
    scene.save(str(png))
    pixels, _ = read_pillow(png.read_bytes())
    # the file holds the same resolved image, top row first, in 8 bits
    assert np.array_equal(pixels, upright(np.round(a * 255).astype(np.uint8)))


def test_too_many_samples_are_clamped_with_a_warning(scene):
    most = td.glInfo()["max_samples"]
    scene.par.antialias = "aa32"
    a = scene.numpyArray()
    warnings = scene.warnings()
    if most >= 32:
        assert warnings == ""
        return
    m = re.search(r"at most (\d+)", warnings)
    assert m and "aa32" in warnings and scene.path in warnings, warnings
    n = int(m.group(1))
    assert 1 <= n <= most
    edge_pixel = check_coverage(a, n) if n > 1 else None
    if edge_pixel is not None:
        # rendered with n samples: the edge pixels' alphas are whole numbers of samples out of n
        steps = edge_pixel * n
        assert np.all(np.abs(steps - np.round(steps)) <= n / 255.0 + 1e-6)
    scene.par.antialias = "aa1"
    scene.numpyArray()
    assert scene.warnings() == ""
