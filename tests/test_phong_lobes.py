"""phongMAT's lobes against the Phong Lighting Equation, expected values computed here.

A flat plane (a thin box's front face at z = FACE_Z, normal +z) fills an orthographic view looking
down -z from the camera at CAM, so each pixel centre is a known world point P. Per light with colour
c and unit vector l toward it, v = normalize(CAM - P) (toward the camera's position, as phongMAT
takes it) and h = normalize(l + v), a pixel is
    c * (diff * max(n.l, 0) + [n.l > 0] * (spec * max(n.h, 0)^shininess + spec2 * max(n.h, 0)^shininess2))
summed over the lights, plus amb (diff with ambdiff) * the ambient light, emit and constant.
rgba32float keeps every value exact to float precision."""
import math

import numpy as np
import pytest

import td_render as td

W = H = 48
ORTHO = 4.0
FACE_Z = 0.005  # the box is 0.01 thick: its front face
TOL = 2e-4


def _plane(net, **mat_pars):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = 40.0
    box.par.sizez = 2 * FACE_Z
    mat = net.create(td.phongMAT, "phong1")
    for c in "rgb":  # nothing but what a test sets
        for name in ("diff", "amb", "spec", "emit", "constant", "spec2"):
            mat.par[name + c] = 0.0
    for k, v in mat_pars.items():
        mat.par[k] = v
    geo.par.material = mat
    return mat


def _render(net, cam=(0.0, 0.0, 3.0)):
    c = net.create(td.cameraCOMP, "cam1")
    c.par.projection = "ortho"
    c.par.orthowidth = ORTHO
    c.par.tx, c.par.ty, c.par.tz = cam
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    return r


def _light(net, name, **pars):
    lt = net.create(td.lightCOMP, name)
    for k, v in pars.items():
        lt.par[k] = v
    return lt


def _points(cam):
    """World position of every pixel centre, shape (H, W, 3); row 0 is the bottom of the image."""
    xs = cam[0] + (np.arange(W) + 0.5 - W / 2) * ORTHO / W
    ys = cam[1] + (np.arange(H) + 0.5 - H / 2) * ORTHO / H
    p = np.zeros((H, W, 3))
    p[..., 0] = xs[None, :]
    p[..., 1] = ys[:, None]
    p[..., 2] = FACE_Z
    return p


def _unit(a):
    return a / np.linalg.norm(a, axis=-1, keepdims=True)


def _lobes(p, cam, l, diff=(0, 0, 0), spec=(0, 0, 0), shininess=10.0, spec2=(0, 0, 0), shininess2=10.0):
    """The three lobes of one light of colour 1 seen at points p with unit light vectors l: (H, W, 3)."""
    n = np.array([0.0, 0.0, 1.0])
    v = _unit(np.asarray(cam, float) - p)
    h = _unit(l + v)
    ndl = np.maximum(l @ n, 0.0)[..., None]
    ndh = np.maximum(h @ n, 0.0)[..., None]
    lit = ndl > 0.0
    specular = np.where(lit, np.asarray(spec) * ndh ** shininess + np.asarray(spec2) * ndh ** shininess2, 0.0)
    return np.asarray(diff) * ndl + specular


def _point_l(p, pos):
    return _unit(np.asarray(pos, float) - p)


def _distant_l(rx_deg):
    # a distant light shines down its -Z axis; rx tilts it toward -y, so toward the light is (0, -sin, cos)
    a = math.radians(rx_deg)
    return np.broadcast_to(np.array([0.0, -math.sin(a), math.cos(a)]), (H, W, 3))


MAT = dict(diff=(0.3, 0.5, 0.7), spec=(0.6, 0.4, 0.2), shininess=20.0)


def _set_mat(mat, diff=(0, 0, 0), spec=(0, 0, 0), shininess=10.0, spec2=(0, 0, 0), shininess2=10.0):
    for i, c in enumerate("rgb"):
        mat.par["diff" + c] = diff[i]
        mat.par["spec" + c] = spec[i]
        mat.par["spec2" + c] = spec2[i]
    mat.par.shininess = shininess
    mat.par.shininess2 = shininess2


@pytest.mark.parametrize("light", [(0.0, 0.0, 2.0), (1.5, -0.5, 1.0), (-2.0, 1.0, 0.6), (0.3, 2.5, 3.0)])
@pytest.mark.parametrize("cam", [(0.0, 0.0, 3.0), (0.8, -0.6, 1.5), (-1.0, 0.5, 6.0)])
def test_point_light_diffuse_plus_specular(net, light, cam):
    mat = _plane(net)
    _set_mat(mat, **MAT)
    _light(net, "light1", lighttype="point", tx=light[0], ty=light[1], tz=light[2])
    a = _render(net, cam).numpyArray()
    p = _points(cam)
    want = _lobes(p, cam, _point_l(p, light), **MAT)
    assert np.abs(a[..., :3] - want).max() < TOL
    # the highlight is really there: the specular part alone is not negligible somewhere
    spec_only = want - np.asarray(MAT["diff"]) * np.maximum(_point_l(p, light)[..., 2:3], 0.0)
    assert spec_only.max() > 0.02


@pytest.mark.parametrize("lobe", ["diffuse", "specular", "specular2"])
@pytest.mark.parametrize("rx", [0.0, 35.0, 70.0])
def test_each_lobe_alone_under_a_distant_light(net, lobe, rx):
    cam = (0.4, -0.3, 1.2)  # close: the view vector sweeps across the plane, so the highlight does too
    kw = {"diffuse": dict(diff=(0.9, 0.6, 0.3)),
          "specular": dict(spec=(0.9, 0.6, 0.3), shininess=8.0),
          "specular2": dict(spec2=(0.9, 0.6, 0.3), shininess2=3.0)}[lobe]
    mat = _plane(net)
    _set_mat(mat, **kw)
    _light(net, "light1", lighttype="distant", rx=rx)
    a = _render(net, cam).numpyArray()
    want = _lobes(_points(cam), cam, _distant_l(rx), **kw)
    assert np.abs(a[..., :3] - want).max() < TOL
    assert want.max() - want.min() > 0.01 or lobe == "diffuse"  # the specular lobes vary across the view


def test_two_lights_sum_with_their_colours(net):
    cam = (0.0, 0.0, 2.0)
    mat = _plane(net)
    both = dict(MAT, spec2=(0.1, 0.3, 0.5), shininess2=4.0)
    _set_mat(mat, **both)
    c1, c2 = np.array([1.0, 0.8, 0.5]), np.array([0.4, 0.6, 1.0])
    pos = (1.0, 0.5, 1.5)
    _light(net, "light1", lighttype="point", tx=pos[0], ty=pos[1], tz=pos[2], cr=c1[0], cg=c1[1], cb=c1[2])
    lt2 = _light(net, "light2", lighttype="distant", rx=40.0, cr=c2[0], cg=c2[1], cb=c2[2])
    a = _render(net, cam).numpyArray()
    p = _points(cam)
    want = c1 * _lobes(p, cam, _point_l(p, pos), **both) + c2 * _lobes(p, cam, _distant_l(40.0), **both)
    assert np.abs(a[..., :3] - want).max() < TOL
    # and each light alone is its own term: the sum is additive, not a max or an average
    lt2.par.dimmer = 0.0
    one = net.op("render1").numpyArray()
    assert np.abs(one[..., :3] - c1 * _lobes(p, cam, _point_l(p, pos), **both)).max() < TOL


def test_second_lobe_adds_its_own_highlight(net):
    """spec2r/g/b and shininess2 (what public scripts set) add a second, differently shaped lobe."""
    cam = (0.0, 0.0, 2.0)
    pos = (0.5, 0.0, 1.0)
    mat = _plane(net)
    _set_mat(mat, spec=(0.5, 0.5, 0.5), shininess=40.0)
    _light(net, "light1", lighttype="point", tx=pos[0], ty=pos[1], tz=pos[2])
    r = _render(net, cam)
    first = r.numpyArray()[..., :3].copy()
    mat.par.spec2r, mat.par.spec2g, mat.par.spec2b = 0.2, 0.4, 0.0
    mat.par.shininess2 = 2.0
    both = r.numpyArray()[..., :3]
    p = _points(cam)
    l = _point_l(p, pos)
    lobe1 = _lobes(p, cam, l, spec=(0.5, 0.5, 0.5), shininess=40.0)
    lobe2 = _lobes(p, cam, l, spec2=(0.2, 0.4, 0.0), shininess2=2.0)
    assert np.abs(first - lobe1).max() < TOL
    assert np.abs(both - (lobe1 + lobe2)).max() < TOL
    assert np.abs(both[..., 2] - first[..., 2]).max() < TOL  # spec2b 0: blue unchanged
    assert (both[..., 1] - first[..., 1]).min() > 0.05  # a broad lobe: everywhere in view


def test_cone_and_attenuation_scale_every_lobe(net):
    cam = (0.0, 0.0, 2.0)
    height, cone, delta, roll = 2.0, 30.0, 20.0, 2.0
    start, end, exp = 1.0, 4.0, 1.5
    kw = dict(diff=(0.2, 0.0, 0.0), spec=(0.0, 0.7, 0.0), shininess=6.0, spec2=(0.0, 0.0, 0.9), shininess2=2.0)
    mat = _plane(net)
    _set_mat(mat, **kw)
    _light(net, "light1", lighttype="cone", tz=FACE_Z + height, coneangle=cone, conedelta=delta, coneroll=roll,
           attenuated=True, attenuationstart=start, attenuationend=end, attenuationexp=exp)
    a = _render(net, cam).numpyArray()
    p = _points(cam)
    light_pos = np.array([0.0, 0.0, FACE_Z + height])
    d = np.linalg.norm(light_pos - p, axis=-1)
    cosa = height / d  # the cosine of the angle off the light's axis (straight down)
    inner, outer = math.cos(math.radians(cone / 2)), math.cos(math.radians(cone / 2 + delta))
    falloff = np.clip((cosa - outer) / (inner - outer), 0.0, 1.0) ** roll
    ramp = np.clip((end - d) / (end - start), 0.0, 1.0) ** exp
    want = (falloff * ramp)[..., None] * _lobes(p, cam, _point_l(p, light_pos), **kw)
    assert np.abs(a[..., :3] - want).max() < TOL
    assert (falloff == 0).any() and ((falloff > 0) & (falloff < 1)).any()  # the view crosses the cone's edge


@pytest.mark.parametrize("ambdiff", [False, True])
def test_ambient_uses_diffuse(net, ambdiff):
    diff, amb, light = np.array([0.8, 0.4, 0.2]), np.array([0.1, 0.9, 0.5]), np.array([0.3, 0.5, 0.7])
    mat = _plane(net, ambdiff=ambdiff)
    for i, c in enumerate("rgb"):
        mat.par["diff" + c] = diff[i]
        mat.par["amb" + c] = amb[i]
    a_l = net.create(td.ambientlightCOMP, "light_amb")  # matched by the render's 'light*'
    a_l.par.cr, a_l.par.cg, a_l.par.cb = light
    a = _render(net).numpyArray()
    # no point/cone/distant light: only the ambient term
    want = (diff if ambdiff else amb) * light
    assert np.abs(a[..., :3] - want).max() < 1e-5
    assert mat.par.ambdiff.eval() == ambdiff


def test_ambient_emit_and_constant_add_to_the_lights(net):
    cam = (0.0, 0.0, 3.0)
    mat = _plane(net, ambdiff=True, emitr=0.05, emitg=0.1, emitb=0.0, constantr=0.0, constantg=0.02, constantb=0.04)
    _set_mat(mat, **MAT)
    amb_light = np.array([0.2, 0.1, 0.3])
    a_l = net.create(td.ambientlightCOMP, "light_amb")
    a_l.par.cr, a_l.par.cg, a_l.par.cb = amb_light
    pos = (0.5, 1.0, 2.0)
    _light(net, "light1", lighttype="point", tx=pos[0], ty=pos[1], tz=pos[2])
    a = _render(net, cam).numpyArray()
    p = _points(cam)
    want = (_lobes(p, cam, _point_l(p, pos), **MAT) + np.asarray(MAT["diff"]) * amb_light
            + [0.05, 0.1, 0.0] + [0.0, 0.02, 0.04])
    assert np.abs(a[..., :3] - want).max() < TOL


@pytest.mark.parametrize("rolloff", [1.0, 0.5, 3.0])
def test_alpha_front_and_side_follow_the_view_angle(net, rolloff):
    cam = (0.3, -0.2, 0.8)  # close: n.v runs from 1 under the camera to ~0.3 at the corners
    front, side = 0.9, 0.2
    mat = _plane(net, emitr=0.5, alphamode=False, alphafront=front, alphaside=side, rolloff=rolloff)
    a = _render(net, cam).numpyArray()
    p = _points(cam)
    ndv = _unit(np.asarray(cam) - p)[..., 2]
    want = side + (front - side) * ndv ** rolloff
    assert np.abs(a[..., 3] - want).max() < TOL
    assert ndv.min() < 0.5  # the view reaches well toward edge-on
    # uniform alpha: alphafront everywhere
    mat.par.alphamode = True
    assert np.allclose(net.op("render1").numpyArray()[..., 3], front, atol=1e-6)


def test_shadow_strength_and_colour_tint_the_shadow(net):
    from test_shadows import A, _away_from_edges, _expected_shadow, _scene

    r, _ = _scene(net)
    mat = net.op("floor_mat")
    mat.par.shadowstrength = 0.75
    mat.par.shadowcolorr, mat.par.shadowcolorg, mat.par.shadowcolorb = 0.2, 0.6, 1.0
    a = r.numpyArray()
    in_shadow, under_box = _expected_shadow()
    shadow = _away_from_edges(in_shadow & ~under_box)
    lit = _away_from_edges(~in_shadow)
    cos_a = math.cos(A)
    # lit: the light's colour; in shadow: mix(light colour, shadow colour, strength), times N.L
    assert np.allclose(a[lit][:, :3], cos_a, atol=1e-4)
    want = cos_a * (0.25 * 1.0 + 0.75 * np.array([0.2, 0.6, 1.0]))
    assert shadow.sum() > 20 and np.allclose(a[shadow][:, :3], want, atol=1e-4)
    mat.par.shadowstrength = 0.0  # no shadow at all
    assert np.allclose(r.numpyArray()[shadow][:, :3], cos_a, atol=1e-4)


def test_defaults_and_pages(net):
    mat = net.create(td.phongMAT)
    assert not mat.par.ambdiff.eval()
    assert mat.par.spec2r == 0 and mat.par.shininess2 == 10 and mat.par.alphamode.eval()
    assert mat.par.alphafront == 1 and mat.par.alphaside == 1 and mat.par.rolloff == 1
    assert mat.par.shadowstrength == 1 and mat.par.shadowcolorr == 0
    pages = {p.name: p.page.name for p in mat.pars()}
    assert pages["ambdiff"] == pages["shininess"] == "RGB"
    assert pages["alphaside"] == pages["rolloff"] == pages["alphamode"] == "Alpha"
    assert pages["spec2r"] == pages["shininess2"] == pages["shadowstrength"] == "Advanced"


def test_bad_values_are_clear_errors(net):
    mat = net.create(td.phongMAT)
    with pytest.raises(ValueError, match="at least 0"):
        mat.par.shininess2 = -1.0
    with pytest.raises(ValueError, match="at least 0"):
        mat.par.rolloff = -0.5
    assert mat.par.shininess2 == 10 and mat.par.rolloff == 1
    with pytest.raises((TypeError, ValueError)):
        mat.par.spec2r = "bright"
    mat.par.alphaside = 5.0  # clamped, as alphafront
    assert mat.par.alphaside == 1.0
    mat.par.shadowstrength = -3.0
    assert mat.par.shadowstrength == 0.0
    with pytest.raises(AttributeError):
        mat.par.spec2 = 1.0  # the group has no parameter of its own: spec2r/g/b
