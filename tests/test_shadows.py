"""lightCOMP shadows: a floor under a distant light tilted by A from straight down, a box hovering
over it. Parallel rays along (0, -cos A, -sin A) carry a point at height y to the floor at
z - y tan A, so the box (x in [-s, s], z in [-s, s], y in [y0, y1]) shadows x in [-s, s],
z in [-s - y1 tan A, s - y0 tan A]. An orthographic camera looks straight down (image up is
world -z, row 0 the bottom). A phongMAT floor with diffuse 1 and nothing else is cos A where lit
and 0 in shadow."""
import math

import numpy as np
import pytest

import td_render as td

W = H = 64
OW = 8.0
A = math.radians(45.0)
S, Y0, Y1 = 0.5, 1.0, 2.0


def _phong(net, name):
    mat = net.create(td.phongMAT, name)
    for c in "rgb":
        mat.par["spec" + c] = 0.0
        mat.par["amb" + c] = 0.0
    return mat


def _scene(net, occluder=True, **light):
    floor = net.create(td.geometryCOMP, "floor")
    box = floor.create(td.boxSOP)
    box.par.sizex = box.par.sizez = 100.0
    box.par.sizey = 0.01
    floor.par.ty = -0.005  # its top face at y = 0
    floor.par.material = _phong(net, "floor_mat")
    occ = net.create(td.geometryCOMP, "occluder")
    b = occ.create(td.boxSOP)
    b.par.sizex = b.par.sizez = 2 * S
    b.par.sizey = Y1 - Y0
    occ.par.ty = (Y0 + Y1) / 2
    occ.par.material = _phong(net, "occ_mat")
    occ.render = occluder
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    cam.par.tz = 0.0
    cam.par.ty = 20.0
    cam.par.rx = -90.0
    lt = net.create(td.lightCOMP, "light1")
    lt.par.lighttype = "distant"
    lt.par.rx = -90.0 + math.degrees(A)  # straight down, tilted by A toward -z
    lt.par.shadowtype = "hard2d"
    lt.par.orthowidth = 30.0
    lt.par.ty = 10.0
    lt.par.tz = 10.0
    lt.par.shadowresolution1 = lt.par.shadowresolution2 = 2048
    for k, v in light.items():
        lt.par[k] = v
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    r.par.geometry = "floor occluder"
    return r, lt


def _world(n):
    """World coordinate of each pixel centre along an axis (ortho, OW wide)."""
    return (np.arange(n) + 0.5) / n * OW - OW / 2


def _expected_shadow():
    x = _world(W)[None, :]
    z = -_world(H)[:, None]  # row index grows toward world -z
    t = math.tan(A)
    in_shadow = (np.abs(x) < S) & (z > -S - Y1 * t) & (z < S - Y0 * t)
    under_box = (np.abs(x) < S) & (np.abs(z) < S)  # the occluder's own top face hides the floor here
    return in_shadow, under_box


def _away_from_edges(mask, r=1):
    """mask, less the pixels within r of its boundary (the map's texels round the edge)."""
    out = mask.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            out &= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
    return out


def test_an_occluder_casts_its_shadow_where_the_rays_say(net):
    r, _ = _scene(net)
    red = r.numpyArray()[..., 0]
    in_shadow, under_box = _expected_shadow()
    floor_visible = ~under_box
    shadow = _away_from_edges(in_shadow) & floor_visible
    lit = _away_from_edges(~in_shadow) & floor_visible
    assert shadow.sum() > 40
    assert np.allclose(red[shadow], 0.0, atol=1e-6)
    assert np.allclose(red[lit], math.cos(A), atol=1e-5)


def test_no_occluder_no_shadow(net):
    r, _ = _scene(net, occluder=False)
    assert np.allclose(r.numpyArray()[..., 0], math.cos(A), atol=1e-5)


def test_shadowtype_off_and_shadowcasters_that_name_nothing_cast_none(net):
    r, lt = _scene(net, shadowtype="off")
    in_shadow, under_box = _expected_shadow()
    floor = ~under_box
    assert np.allclose(r.numpyArray()[..., 0][floor], math.cos(A), atol=1e-5)
    lt.par.shadowtype = "hard2d"
    lt.par.shadowcasters = "floor"  # the floor cannot shadow itself (it is behind the offset)
    assert np.allclose(r.numpyArray()[..., 0][floor], math.cos(A), atol=1e-5)
    lt.par.shadowcasters = "occluder"
    assert np.allclose(r.numpyArray()[..., 0][_away_from_edges(in_shadow) & floor], 0.0, atol=1e-6)


def test_soft_shadows_fall_off_across_the_edge(net):
    r, lt = _scene(net, shadowtype="soft2d", filtersamples=3, lightsize1=4.0)
    red = r.numpyArray()[..., 0]
    in_shadow, under_box = _expected_shadow()
    floor = ~under_box
    # deep inside and far outside: as hard shadows; along a row across the x edge, a ramp
    assert np.allclose(red[_away_from_edges(in_shadow, 2) & floor], 0.0, atol=1e-6)
    assert np.allclose(red[_away_from_edges(~in_shadow, 2) & floor], math.cos(A), atol=1e-5)
    row = int(np.flatnonzero((in_shadow & floor).any(axis=1))[0]) + 1
    values = red[row]
    partial = values[(values > 0.02) & (values < math.cos(A) - 0.02)]
    assert len(partial) >= 2  # a penumbra, where hard2d has none
    lt.par.shadowtype = "hard2d"
    hard = r.numpyArray()[..., 0][row]
    assert (np.isclose(hard, 0.0, atol=1e-6) | np.isclose(hard, math.cos(A), atol=1e-5)).all()


def test_too_many_shadowed_lights_is_a_clear_error(net):
    r, lt = _scene(net)
    for i in range(8):
        extra = net.create(td.lightCOMP, "light_extra%d" % i)
        extra.par.shadowtype = "hard2d"
        extra.par.dimmer = 0.01
    with pytest.raises(td.tdError, match="more than 8 lights with shadows"):
        r.numpyArray()
    assert "more than 8" in r.errors()
    net.op("light_extra0").destroy()
    assert r.numpyArray().shape == (H, W, 4)


def test_too_many_lights_is_a_clear_error(net):
    r, lt = _scene(net, shadowtype="off")
    for i in range(64):
        net.create(td.lightCOMP, "light_more%d" % i).par.dimmer = 0.01
    with pytest.raises(td.tdError, match="more than 64 lights"):
        r.numpyArray()
