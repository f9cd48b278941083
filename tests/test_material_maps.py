"""Texture maps on materials: constantMAT's colormap samples a TOP (any TOP of the network, a render
included) at the mesh's uv. A box's +z face has u along +x and v along +y from its (-x, -y) corner
(src/geom/box.c), so under an orthographic camera each pixel's (u, v) is known here, and with
nearest filtering its colour is exactly the map's texel there times the MAT's colour."""
import numpy as np
import pytest

import td_render as td

W = H = 32
OW = 4.0
MW, MH = 32, 16


def _map(net):
    """A render whose image is known: red left half, yellow top-right quadrant, black elsewhere."""
    for name, color, tx, ty, sx, sy in (("mapa", (1, 0, 0), -0.5, 0.0, 1.0, 2.0), ("mapb", (1, 1, 0), 0.5, 0.5, 1.0, 1.0)):
        geo = net.create(td.geometryCOMP, name)
        b = geo.create(td.boxSOP)
        b.par.sizex, b.par.sizey, b.par.sizez = sx, sy, 0.01
        geo.par.tx, geo.par.ty = tx, ty
        mat = net.create(td.constantMAT, name + "_mat")
        mat.par.colorr, mat.par.colorg, mat.par.colorb = color
        geo.par.material = mat
    cam = net.create(td.cameraCOMP, "mapcam")
    cam.par.projection = "ortho"
    cam.par.orthowidth = 2.0
    cam.par.bgcolora = 1.0
    m = net.create(td.renderTOP, "map1")
    m.par.camera, m.par.geometry = "mapcam", "mapa mapb"
    m.par.resolutionw, m.par.resolutionh = MW, MH
    m.par.outputaspect, m.par.aspect1, m.par.aspect2 = "custom", 1, 1  # the ortho box is square
    m.par.format = "rgba32float"
    return m


def _scene(net, **mat_pars):
    m = _map(net)
    geo = net.create(td.geometryCOMP, "geo1")
    b = geo.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 2.0
    b.par.sizez = 0.01
    mat = net.create(td.constantMAT, "tex1")
    mat.par.colormap = m
    mat.par.colormapfilter = "nearest"
    for k, v in mat_pars.items():
        mat.par[k] = v
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.geometry = "geo1"
    r.par.format = "rgba32float"
    return r, m, mat


def _uv():
    x = (np.arange(W) + 0.5) / W * OW - OW / 2
    u = (x + 1.0) / 2.0
    v = (x + 1.0) / 2.0  # square pixels: rows map like columns
    return np.meshgrid(u, v)  # (H, W) each, row 0 at the bottom


def test_the_colormap_is_sampled_at_the_meshs_uv(net):
    r, m, mat = _scene(net, colorr=1.0, colorg=0.5, colorb=1.0)
    img, mapimg = r.numpyArray(), m.numpyArray()
    assert (mapimg[..., 0] > 0.5).any() and (mapimg[..., 1] > 0.5).any()  # the map is not blank
    u, v = _uv()
    inside = (u > 0) & (u < 1) & (v > 0) & (v < 1)
    cols = np.clip((u * MW).astype(int), 0, MW - 1)
    rows = np.clip((v * MH).astype(int), 0, MH - 1)
    want = mapimg[rows, cols] * np.array([1.0, 0.5, 1.0, 1.0])
    assert np.allclose(img[inside], want[inside], atol=1e-6)
    assert not img[~inside].any()  # outside the square: the render's transparent background


def test_a_stretched_face_stretches_the_map_and_one_image_serves_two_draws(net):
    # (the extend modes need uv outside [0, 1], which no SOP here makes yet)
    r, m, mat = _scene(net)
    geo = net.op("geo1")
    geo.par.sx = 2.0  # the face spans u in [0, 1] over twice the width: still one copy
    img = r.numpyArray()
    assert (img[H // 2, :, 3] > 0).sum() == W  # the square now covers the whole row
    red = img[H // 4, :, 0] > 0.5  # a row in the lower half of the map: red left, black right
    assert red[: W // 2].all() and not red[W // 2:].any()  # the red left half of the map, stretched
    geo2 = net.create(td.geometryCOMP, "geo2")
    b = geo2.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 0.5
    b.par.sizez = 0.01
    geo2.par.tz = 1.0
    geo2.par.material = mat
    r.par.geometry = "geo1 geo2"  # two draws, one TOP image
    assert r.numpyArray().shape == (H, W, 4)


def test_the_map_rerenders_the_material(net):
    r, m, mat = _scene(net)
    before = r.numpyArray()
    net.op("mapa_mat").par.colorb = 1.0  # the map changes: the render follows
    after = r.numpyArray()
    assert not np.array_equal(before, after)
    assert np.allclose(after[H // 2, W // 4 + 1, :3], [1.0, 0.0, 1.0])


def test_bad_maps_are_errors(net):
    r, m, mat = _scene(net)
    mat.par.colormap = "nothing"
    with pytest.raises(td.tdError, match="map 'nothing' names no operator"):
        r.numpyArray()
    mat.par.colormap = "cam1"
    with pytest.raises(td.tdError, match="not a TOP"):
        r.numpyArray()
    mat.par.colormap = "render1"  # itself
    with pytest.raises(td.tdError, match="cycle"):
        r.numpyArray()
    mat.par.colormap = ""
    assert np.allclose(r.numpyArray()[H // 2, W // 2], [1, 1, 1, 1])
