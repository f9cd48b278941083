"""lightCOMP's light types and attenuation, against the formulas (expected values computed here).

A flat plane (a thin box's front face at z = h, normal +z) fills an orthographic view, so each pixel
maps to a known world point; phongMAT with diffuse 1 and no specular, ambient or emit makes a
pixel's red channel exactly the Lambert term times the light's factor; rgba32float keeps it exact."""
import math

import numpy as np
import pytest

import td_render as td

W = H = 64
ORTHO = 4.0
FACE_Z = 0.005  # the box is 0.01 thick: its front face


def _scene(net, **light):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = 40.0
    box.par.sizez = 2 * FACE_Z
    mat = net.create(td.phongMAT, "phong1")
    for c in "rgb":
        mat.par["spec" + c] = 0.0
        mat.par["amb" + c] = 0.0
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = ORTHO
    lt = net.create(td.lightCOMP, "light1")
    for k, v in light.items():
        lt.par[k] = v
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    return r, lt


def world_x(px):
    """World x of the centre of pixel column px (ortho: linear)."""
    return (px + 0.5 - W / 2) * ORTHO / W


@pytest.mark.parametrize("angle", [0.0, 30.0, 60.0, 80.0])
def test_distant_light_gives_lambert_cosine(net, angle):
    # rx tilts the light's -Z axis from straight down toward -y; its position is irrelevant
    r, _ = _scene(net, lighttype="distant", rx=angle, tx=123.0, tz=-50.0)
    red = r.numpyArray()[..., 0]
    assert np.allclose(red, math.cos(math.radians(angle)), atol=1e-5)


@pytest.mark.parametrize("dist", [1.0, 3.0, 6.0, 12.0])
def test_point_light_attenuation_follows_the_ramp(net, dist):
    start, end, exp = 2.0, 10.0, 2.0
    r, _ = _scene(net, lighttype="point", tz=FACE_Z + dist, attenuated=True, attenuationstart=start,
                  attenuationend=end, attenuationexp=exp)
    a = r.numpyArray()[..., 0]
    for px in (W // 2, W // 2 + 10, 5):
        x, y = world_x(px), world_x(H // 2)
        d = math.sqrt(x * x + y * y + dist * dist)
        lambert = dist / d
        ramp = min(max((end - d) / (end - start), 0.0), 1.0) ** exp
        assert a[H // 2, px] == pytest.approx(lambert * ramp, abs=1e-4), (px, d)


def test_unattenuated_point_light_is_pure_lambert(net):
    r, _ = _scene(net, lighttype="point", tz=FACE_Z + 2.0)
    a = r.numpyArray()[..., 0]
    for px in (W // 2, 0, W - 1):
        x, y = world_x(px), world_x(H // 2)
        assert a[H // 2, px] == pytest.approx(2.0 / math.sqrt(x * x + y * y + 4.0), abs=1e-4)


@pytest.mark.parametrize("roll", [1.0, 3.0])
def test_cone_falloff_between_the_cone_and_its_delta(net, roll):
    height, cone, delta = 2.0, 30.0, 20.0
    r, _ = _scene(net, lighttype="cone", tz=FACE_Z + height, coneangle=cone, conedelta=delta, coneroll=roll)
    a = r.numpyArray()[..., 0]
    inner, outer = math.radians(cone / 2), math.radians(cone / 2 + delta)
    seen = {"full": 0, "ramp": 0, "dark": 0}
    for px in range(W // 2, W):
        x, y = world_x(px), world_x(H // 2)
        d = math.sqrt(x * x + y * y + height * height)
        alpha = math.acos(height / d)  # angle off the light's axis (straight down)
        f = min(max((math.cos(alpha) - math.cos(outer)) / (math.cos(inner) - math.cos(outer)), 0.0), 1.0) ** roll
        assert a[H // 2, px] == pytest.approx((height / d) * f, abs=1e-4), (px, math.degrees(alpha))
        seen["full" if f == 1.0 else "dark" if f == 0.0 else "ramp"] += 1
    assert min(seen.values()) > 0  # the row crosses the full cone, the ramp and the dark outside


def test_dimmer_off_and_bad_tokens(net):
    r, lt = _scene(net, lighttype="distant")
    lt.par.dimmer = 0.0
    assert r.numpyArray()[..., 0].max() == 0.0
    with pytest.raises(ValueError, match="spot"):
        lt.par.lighttype = "spot"  # TouchDesigner's token is 'cone'
    assert lt.par.lighttype.menuNames == ["point", "cone", "distant"]


def test_environment_light_adds_no_light_to_phong(net):
    """environmentlightCOMP lights pbrMAT only (tests/test_pbr_mat.py): phongMAT ignores it."""
    r, lt = _scene(net, lighttype="distant", rx=30.0)
    before = r.numpyArray()
    env = net.create(td.environmentlightCOMP, "light_env")  # matched by the 'light*' pattern
    env.par.dimmer = 5.0
    assert np.array_equal(r.numpyArray(), before)
    m = net.create(td.renderTOP, "map1")
    m.par.lights = ""  # not itself lit by the environment light whose map it is
    env.par.envlightmap = m
    assert np.array_equal(r.numpyArray(), before)
    assert env.par.envlightmaprotatey.eval() == 0.0 and env.par.cr.eval() == 1.0
