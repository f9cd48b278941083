"""depthTOP: a render's depth buffer as an image, against the projection formulas (computed here).

A plane (a thin, wide box) faces the camera at a known distance z in front of it. With near n and
far f, a perspective camera stores d = f (z - n) / (z (f - n)) (depth mapped to [0, 1], as
TouchDesigner's Vulkan renderer does), an orthographic one d = (z - n) / (f - n); 'cameraspace'
is z itself."""
import math

import numpy as np
import pytest

import td_render as td

W, H = 48, 32
THICK = 0.01


def _plane(net, z, name="geo1", ry=0.0, mat=None):
    geo = net.create(td.geometryCOMP, name)
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = 400.0
    box.par.sizez = THICK
    geo.par.tz = -(z + THICK / 2)  # the front face at distance z from a camera at the origin
    geo.par.ry = ry
    if mat is not None:
        geo.par.material = mat
    return geo


def _scene(net, z, near=0.1, far=1000.0, ortho=False, **render):
    _plane(net, z)
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.tz = 0.0
    cam.par.near, cam.par.far = near, far
    if ortho:
        cam.par.projection = "ortho"
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    for k, v in render.items():
        r.par[k] = v
    d = net.create(td.depthTOP, "depth1")
    d.par.rendertop = r
    return r, d


def _persp(z, n, f):
    return f * (z - n) / (z * (f - n))


@pytest.mark.parametrize("z", [0.5, 2.0, 7.5, 40.0])
def test_cameraspace_is_the_distance_of_the_plane(net, z):
    _, d = _scene(net, z, depthformat="float32")
    d.par.depthspace = "cameraspace"
    a = d.numpyArray()
    assert a.shape == (H, W, 1)  # pixelformat 'depth': 32-bit float mono
    assert np.allclose(a, z, rtol=2e-5)


@pytest.mark.parametrize("z,near,far", [(0.5, 0.1, 1000.0), (3.0, 1.0, 10.0), (9.0, 0.5, 10.0)])
def test_input_space_matches_the_perspective_formula(net, z, near, far):
    _, d = _scene(net, z, near, far, depthformat="float32")
    a = d.numpyArray()
    assert np.allclose(a, _persp(z, near, far), atol=2e-6)


def test_input_space_under_an_ortho_camera_is_linear(net):
    z, near, far = 3.0, 1.0, 11.0
    _, d = _scene(net, z, near, far, ortho=True, depthformat="float32")
    assert np.allclose(d.numpyArray(), (z - near) / (far - near), atol=2e-6)
    d.par.depthspace = "cameraspace"
    assert np.allclose(d.numpyArray(), z, rtol=2e-5)


def test_fixed24_depth_is_quantized_to_24_bits(net):
    z, near, far = 3.0, 1.0, 10.0
    _, d = _scene(net, z, near, far)  # depthformat fixed24, the default
    a = d.numpyArray().astype(np.float64)
    steps = a * (2 ** 24 - 1)
    assert np.allclose(steps, np.round(steps), atol=1e-2)
    assert np.allclose(a, _persp(z, near, far), atol=2.0 / 2 ** 24)


def test_a_tilted_plane_gives_the_distance_along_the_view_axis(net):
    # The box's front face, turned by ry = a about its centre c = (0, 0, -z0): the points p with
    # n.(p - c) = THICK / 2, n = (sin a, 0, cos a). The ray through a pixel's centre,
    # s (x_ndc t, y_ndc t / aspect, -1) with t = tan(fov / 2) (horizontal fov), is s in front of the
    # camera along its axis and meets the face at s = (z0 cos a - THICK / 2) / (cos a - x_ndc t sin a).
    z0, angle, fov = 4.0, math.radians(30.0), 60.0
    geo = _plane(net, z0, ry=30.0)
    geo.par.tz = -z0  # the plane's centre (a thin box: both faces within THICK / 2)
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.tz = 0.0
    cam.par.fov = fov
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.depthformat = "float32"
    d = net.create(td.depthTOP, "depth1")
    d.setInputs([r])  # wired instead of rendertop
    d.par.depthspace = "cameraspace"
    a = d.numpyArray()[..., 0]
    t = math.tan(math.radians(fov) / 2)
    row = a[H // 2]
    for px in (4, W // 2, W - 5):
        x_ndc = (px + 0.5) / W * 2 - 1
        s = (z0 * math.cos(angle) - THICK / 2) / (math.cos(angle) - x_ndc * t * math.sin(angle))
        assert row[px] == pytest.approx(s, rel=1e-4)


def test_reranged_clamp_and_gamma(net):
    z = 3.0
    _, d = _scene(net, z, depthformat="float32")
    d.par.depthspace = "reranged"
    d.par.rangefrom1, d.par.rangefrom2 = 2.0, 4.0
    d.par.rangeto1, d.par.rangeto2 = 10.0, 20.0
    assert np.allclose(d.numpyArray(), 10.0 + (z - 2.0) / 2.0 * 10.0, rtol=1e-5)
    d.par.clamp = True
    assert np.allclose(d.numpyArray(), 1.0)
    d.par.clamp = False
    d.par.rangeto1, d.par.rangeto2 = 0.0, 1.0
    d.par.gamma = 2.0
    assert np.allclose(d.numpyArray(), ((z - 2.0) / 2.0) ** 0.5, rtol=1e-5)


def test_rgba_formats_hold_d_d_d_1_and_sample_reads_one_texel(net):
    z, near, far = 3.0, 1.0, 10.0
    _, d = _scene(net, z, near, far, depthformat="float32")
    d.par.pixelformat = "rgba32float"
    a = d.numpyArray()
    want = _persp(z, near, far)
    assert a.shape == (H, W, 4)
    assert np.allclose(a[..., :3], want, atol=2e-6) and np.allclose(a[..., 3], 1.0)
    assert d.sample(x=3, y=5)[0] == pytest.approx(want, abs=2e-6)
    # the image has the render's size whatever the depthTOP's Common page says
    d.par.resolutionw, d.par.resolutionh = 7, 9
    assert (d.width, d.height, d.pixelFormatName) == (W, H, "rgba32float")
    d.par.pixelformat = "rgba16float"
    assert np.allclose(d.numpyArray()[..., 0], want, atol=1e-3)


def test_an_antialiased_render_resolves_its_depth(net):
    z, near, far = 2.0, 1.0, 10.0
    _, d = _scene(net, z, near, far, antialias="aa4", depthformat="float32")
    assert np.allclose(d.numpyArray(), _persp(z, near, far), atol=2e-6)


def test_recooks_exactly_when_its_input_changed(net):
    r, d = _scene(net, 3.0, depthformat="float32")
    d.par.depthspace = "cameraspace"
    first = d.numpyArray()
    cooks = d.totalCooks
    net.create(td.baseCOMP, "unrelated")  # the network changed, the render's image did not
    d.numpyArray()
    assert d.totalCooks == cooks  # a change elsewhere: nothing re-rendered
    net.op("geo1").par.tz = -(5.0 + THICK / 2)
    moved = d.numpyArray()
    assert d.totalCooks == cooks + 1
    assert np.allclose(first, 3.0, rtol=2e-5) and np.allclose(moved, 5.0, rtol=2e-5)


def test_bad_inputs_are_errors_on_the_depth_top(net):
    r, d = _scene(net, 3.0)
    d.par.rendertop = "nothing_here"
    with pytest.raises(td.tdError, match="names no operator"):
        d.numpyArray()
    assert "names no operator" in d.errors()
    other = net.create(td.depthTOP, "depth2")
    other.par.rendertop = r
    d.par.rendertop = other
    with pytest.raises(td.tdError, match="not a renderTOP or renderpassTOP"):
        d.numpyArray()
    d.par.rendertop = ""
    with pytest.raises(td.tdError, match="needs an input"):
        d.numpyArray()
    d.par.rendertop = r
    d.par.gamma = 0.0
    with pytest.raises(td.tdError, match="gamma"):
        d.numpyArray()
    d.par.gamma = 1.0
    with pytest.raises(ValueError):
        d.par.pixelformat = "rgba8"
    with pytest.raises(ValueError):
        d.par.depthspace = "linear"
    assert d.numpyArray().shape == (H, W, 1)
    assert d.errors() == ""


def test_a_failed_input_render_fails_the_depth_top(net):
    r, d = _scene(net, 3.0)
    net.op("cam1").par.near = 5000.0  # near >= far: the render cannot cook
    with pytest.raises(td.tdError, match="near"):
        d.numpyArray()
    assert "near" in r.errors()
