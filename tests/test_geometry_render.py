"""geometryCOMP's Render page in a render: the render parameter (with the Render flag),
drawpriority (smaller drawn later), and geometry COMPs inside a rendered one. An ortho camera of
width OW: a pixel's centre is at world x = (px + 0.5) / W * OW - OW / 2."""
import numpy as np
import pytest

import td_render as td

W = H = 32
OW = 4.0
RED, GREEN, BLUE = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)


def _square(parent, net, name, color, half=1.0, z=0.0, x=0.0):
    geo = parent.create(td.geometryCOMP, name)
    b = geo.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 2 * half
    b.par.sizez = 0.0  # a flat square: two coincident faces
    geo.par.tz, geo.par.tx = z, x
    mat = net.create(td.constantMAT, name + "_mat")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = color
    geo.par.material = mat
    return geo


def _render(net, geometry="*"):
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    r.par.geometry = geometry
    return r


def _centre(r):
    return tuple(r.numpyArray()[H // 2, W // 2, :3])


def test_drawpriority_orders_coincident_squares(net):
    # two squares at the same depth: the depth test (less) keeps the first drawn, and the larger
    # drawpriority is drawn first (smaller values are drawn later)
    a = _square(net, net, "geoa", RED)
    b = _square(net, net, "geob", GREEN)
    r = _render(net, "geoa geob")
    assert _centre(r) == RED  # equal priorities: the order they are named
    b.par.drawpriority = 1.0
    assert _centre(r) == GREEN
    a.par.drawpriority = 2.0
    assert _centre(r) == RED


def test_the_render_parameter_works_with_the_flag(net):
    a = _square(net, net, "geoa", RED, z=0.5)
    _square(net, net, "geob", GREEN)
    r = _render(net, "geo*")
    assert _centre(r) == RED
    a.par.render = False
    assert _centre(r) == GREEN
    a.par.render = True
    a.render = False
    assert _centre(r) == GREEN
    a.render = True
    assert _centre(r) == RED


def test_geometry_inside_a_rendered_geometry_is_drawn_with_it(net):
    outer = _square(net, net, "geo1", RED, half=0.25, x=-1.0)
    inner = _square(outer, net, "geo2", GREEN, half=0.25, x=2.0)  # world x = -1 + 2 = 1
    r = _render(net, "geo1")
    img = r.numpyArray()
    x = (np.arange(W) + 0.5) / W * OW - OW / 2
    row = img[H // 2]
    assert np.allclose(row[np.abs(x + 1.0) < 0.2, :3], RED)
    assert np.allclose(row[np.abs(x - 1.0) < 0.2, :3], GREEN)
    r.par.geometry = "geo1 geo1/geo2"  # named as well: still drawn once
    assert np.array_equal(r.numpyArray(), img)
    r.par.geometry = "geo1"
    outer.par.render = False  # the parent off takes what it holds out too
    assert not r.numpyArray()[..., 3].any()
    outer.par.render = True
    inner.render = False
    assert not np.allclose(r.numpyArray()[H // 2][np.abs(x - 1.0) < 0.2, :3], GREEN)


def test_nesting_too_deep_is_an_error(net):
    parent = net
    for i in range(70):
        parent = parent.create(td.geometryCOMP, "geo%d" % i)
    r = _render(net, "geo0")
    with pytest.raises(td.tdError, match="nested more than 64 deep"):
        r.numpyArray()
