"""lightCOMP projector maps: a light at the camera's place, looking where the camera looks with
projangle equal to the camera's horizontal fov, lights a plane facing it; each rendered pixel's
centre then projects onto the map texel at the same place, so the lit plane shows the map (a
phongMAT with diffuse 1 under a light straight on: Lambert 1 at the centre, falling as cos to the
sides through the light's direction to each point, which this test computes)."""
import math

import numpy as np
import pytest

import td_render as td

W, H = 48, 32
FOV = 50.0
D = 4.0


def _map_render(net):
    """A TOP whose image is known: red left half, green right half, on black."""
    geo = net.create(td.geometryCOMP, "mapgeo")
    box = geo.create(td.boxSOP)
    box.par.sizex, box.par.sizey = 1.0, 1.0
    box.par.sizez = 0.01
    geo.par.tx = -0.5
    red = net.create(td.constantMAT, "red")
    red.par.colorr, red.par.colorg, red.par.colorb = 1.0, 0.0, 0.0
    geo.par.material = red
    cam = net.create(td.cameraCOMP, "mapcam")
    cam.par.projection = "ortho"
    cam.par.orthowidth = 2.0
    cam.par.bgcolorg, cam.par.bgcolora = 1.0, 1.0
    r = net.create(td.renderTOP, "map1")
    r.par.camera, r.par.geometry, r.par.lights = "mapcam", "mapgeo", ""
    r.par.resolutionw, r.par.resolutionh = W, H
    return r


def _scene(net, **light):
    m = _map_render(net)
    plane = net.create(td.geometryCOMP, "plane")
    b = plane.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 50.0
    b.par.sizez = 0.01
    plane.par.tz = -D - 0.005  # its front face at distance D
    mat = net.create(td.phongMAT, "phong1")
    for c in "rgb":
        mat.par["spec" + c] = 0.0
        mat.par["amb" + c] = 0.0
    plane.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.tz = 0.0
    cam.par.fov = FOV
    lt = net.create(td.lightCOMP, "light1")
    lt.par.projmap = m
    lt.par.projangle = FOV
    lt.par.projmapfilter = "nearest"
    for k, v in light.items():
        lt.par[k] = v
    r = net.create(td.renderTOP, "render1")
    r.par.geometry = "plane"
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    return r, m, lt


def _lambert():
    """cos of the angle between the plane's normal and the direction to the light, per pixel."""
    t = math.tan(math.radians(FOV) / 2)
    x = ((np.arange(W) + 0.5) / W * 2 - 1) * t * D
    y = ((np.arange(H) + 0.5) / H * 2 - 1) * t * D * H / W
    xx, yy = np.meshgrid(x, y)
    return D / np.sqrt(xx ** 2 + yy ** 2 + D ** 2)


def test_the_lit_plane_shows_the_projected_map(net):
    r, m, _ = _scene(net)
    img = r.numpyArray()
    # the projector's frustum is square (projangle both ways): rows outside its vertical extent
    # fall outside the map; inside, the map's rows are stretched by the aspect
    t = math.tan(math.radians(FOV) / 2)
    ys = ((np.arange(H) + 0.5) / H * 2 - 1) * H / W  # ndc y in the square frustum
    inside = np.abs(ys) < 1
    mapimg = m.numpyArray()
    lam = _lambert()
    rows = np.flatnonzero(inside)
    for row in rows[1:-1]:
        map_row = int((ys[row] * 0.5 + 0.5) * H)
        assert np.allclose(img[row, :, 0], mapimg[map_row, :, 0] * lam[row], atol=1e-5)
        assert np.allclose(img[row, :, 1], mapimg[map_row, :, 1] * lam[row], atol=1e-5)
    assert (img[rows[1:-1], :W // 2 - 1, 0] > 0.5).all() and (img[rows[1:-1], W // 2 + 1:, 1] > 0.5).all()


def test_outside_the_map_extend_zero_gives_no_light_and_hold_repeats_the_edge(net):
    r, m, lt = _scene(net, projangle=20.0)
    img = r.numpyArray()
    assert np.allclose(img[H // 2, :3, :3], 0.0)  # far left: outside the narrow projector
    lt.par.projmapextendu = "hold"
    img = r.numpyArray()
    assert (img[H // 2, :3, 0] > 0.5).all()  # the map's left edge (red) held


def test_no_map_is_plain_light_and_bad_maps_are_errors(net):
    r, m, lt = _scene(net)
    lt.par.projmap = ""
    assert np.allclose(r.numpyArray()[..., 0], _lambert(), atol=1e-5)
    lt.par.projmap = "nothing"
    with pytest.raises(td.tdError, match="projmap 'nothing' names no operator"):
        r.numpyArray()
    lt.par.projmap = "cam1"
    with pytest.raises(td.tdError, match="not a TOP"):
        r.numpyArray()
    lt.par.projmap = "render1"  # itself
    with pytest.raises(td.tdError, match="cycle"):
        r.numpyArray()


def test_changing_the_map_rerenders(net):
    r, m, lt = _scene(net)
    before = r.numpyArray()
    net.op("red").par.colorb = 1.0
    after = r.numpyArray()
    assert not np.array_equal(before, after)
    assert after[H // 2, 2, 2] > 0.5
