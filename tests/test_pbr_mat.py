"""pbrMAT against its formulas (pbrMAT's docstring), expected values computed here.

A flat plane (a thin box's front face at z = FACE_Z, normal +z, u along +x and v along +y) fills an
orthographic view looking down -z, so each pixel centre is a known world point P and the view vector
v = normalize(CAM - P) is known. Per light of colour c with unit vector l toward it:
    c * n.l * (basecolor (1 - metallic) + pi D V F)
with GGX D, Smith height-correlated V and Schlick F of F0 = mix(0.08 specularlevel, basecolor,
metallic); environments (ambient lights, environment lights) add ao * L * (diffuse * E + S * (F0 A + B))
with (A, B) Karis' analytic split-sum fit. rgba32float keeps the image exact to float precision."""
import math

import numpy as np
import pytest

import td_render as td

W = H = 32
ORTHO = 4.0
FACE_Z = 0.005
TOL = 2e-4


def _plane(net, **mat_pars):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = 40.0
    box.par.sizez = 2 * FACE_Z
    mat = net.create(td.pbrMAT, "pbr1")
    for k, v in mat_pars.items():
        mat.par[k] = v
    geo.par.material = mat
    return mat


def _render(net, cam=(0.0, 0.0, 3.0), lights="light*"):
    c = net.create(td.cameraCOMP, "cam1")
    c.par.projection = "ortho"
    c.par.orthowidth = ORTHO
    c.par.tx, c.par.ty, c.par.tz = cam
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    r.par.camera = "cam1"
    r.par.lights = lights
    return r


def _points(cam):
    xs = cam[0] + (np.arange(W) + 0.5 - W / 2) * ORTHO / W
    ys = cam[1] + (np.arange(H) + 0.5 - H / 2) * ORTHO / H
    p = np.zeros((H, W, 3))
    p[..., 0] = xs[None, :]
    p[..., 1] = ys[:, None]
    p[..., 2] = FACE_Z
    return p


def _unit(a):
    return a / np.linalg.norm(a, axis=-1, keepdims=True)


def _f0(base, metallic, specularlevel):
    return (1 - metallic) * 0.08 * specularlevel + metallic * np.asarray(base, float)


def _direct(p, cam, l, base, metallic, roughness, specularlevel=0.5, n=(0.0, 0.0, 1.0)):
    """One light of colour 1 with unit vectors l toward it, seen at points p: (H, W, 3)."""
    n = np.asarray(n, float)
    base = np.asarray(base, float)
    v = _unit(np.asarray(cam, float) - p)
    h = _unit(l + v)
    nl = np.maximum(l @ n, 0.0)[..., None]
    nv = np.maximum(v @ n, 1e-4)[..., None]
    nh = np.maximum(h @ n, 0.0)[..., None]
    vh = np.maximum(np.sum(v * h, axis=-1), 0.0)[..., None]
    a2 = max(roughness ** 2, 1e-3) ** 2
    d = a2 / (math.pi * (nh * nh * (a2 - 1) + 1) ** 2)
    vis = 0.5 / (nl * np.sqrt(nv * nv * (1 - a2) + a2) + nv * np.sqrt(nl * nl * (1 - a2) + a2))
    f0 = _f0(base, metallic, specularlevel)
    f = f0 + (1 - f0) * (1 - vh) ** 5
    return np.where(nl > 0, nl * (base * (1 - metallic) + math.pi * d * vis * f), 0.0)


def _env_brdf(roughness, nv):
    """Karis' analytic fit of the split-sum BRDF integral: (A, B) with the specular term F0 A + B."""
    c0 = np.array([-1.0, -0.0275, -0.572, 0.022])
    c1 = np.array([1.0, 0.0425, 1.04, -0.04])
    r = roughness * c0 + c1
    a004 = np.minimum(r[0] * r[0], np.exp2(-9.28 * nv)) * r[0] + r[1]
    return -1.04 * a004 + r[2], 1.04 * a004 + r[3]


def _uniform_env(p, cam, base, metallic, roughness, specularlevel=0.5, light=(1, 1, 1), ao=1.0):
    """A uniform environment of radiance `light` (an ambient light, an environment light without a
    map or with a uniform one), seen at points p."""
    v = _unit(np.asarray(cam, float) - p)
    nv = np.maximum(v[..., 2], 1e-4)[..., None]
    a, b = _env_brdf(roughness, nv)
    spec = _f0(base, metallic, specularlevel) * a + b
    return ao * np.asarray(light) * (np.asarray(base) * (1 - metallic) + spec)


def _distant(net, **pars):
    lt = net.create(td.lightCOMP, "light1")
    lt.par.lighttype = "distant"  # rx = 0: shining down -z, toward the plane
    for k, val in pars.items():
        lt.par[k] = val
    return lt


def _uniform_map(net, name, color):
    """A TOP whose image is one colour everywhere: a render of nothing over its background."""
    cam = net.create(td.cameraCOMP, name + "_cam")
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb = color[:3]
    cam.par.bgcolora = color[3] if len(color) > 3 else 1.0
    m = net.create(td.renderTOP, name)
    m.par.camera, m.par.geometry, m.par.lights = name + "_cam", "", ""
    m.par.resolutionw, m.par.resolutionh = 64, 32
    m.par.format = "rgba32float"
    return m


@pytest.mark.parametrize("with_map", [False, True])
def test_white_furnace(net, with_map):
    """A rough white dielectric in a uniform white environment comes out near white: its Lambert lobe
    reflects exactly the environment, and its F0 = 0.04 specular lobe adds F0 A + B (Karis' fit,
    1.6% at roughness 1). So the tolerance on "near the base colour" is 2%: pbrMAT does not take the
    specular part out of the diffuse lobe (no (1 - F) factor), which an exact furnace would."""
    cam = (0.3, -0.2, 1.5)  # close: n.v runs from 1 down to ~0.5 across the view
    _plane(net, metallic=0.0, roughness=1.0)
    env = net.create(td.environmentlightCOMP, "light_env")
    if with_map:
        env.par.envlightmap = _uniform_map(net, "envmap1", (1.0, 1.0, 1.0))
    a = _render(net, cam).numpyArray()[..., :3]
    p = _points(cam)
    want = _uniform_env(p, cam, (1, 1, 1), 0.0, 1.0)
    assert np.abs(a - want).max() < (1e-3 if with_map else TOL)  # a map goes through half floats
    assert np.abs(a - 1.0).max() < 0.02


def test_environment_colour_dimmer_and_base_colour(net):
    cam = (0.0, 0.0, 2.0)
    base, light = (0.9, 0.5, 0.2), np.array([0.6, 0.8, 1.0]) * 0.5
    _plane(net, basecolorr=base[0], basecolorg=base[1], basecolorb=base[2], metallic=0.25, roughness=0.6,
           specularlevel=0.8, ambientocclusion=0.7)
    env = net.create(td.environmentlightCOMP, "light_env")
    env.par.cr, env.par.cg, env.par.cb = 0.6, 0.8, 1.0
    env.par.dimmer = 0.5
    a = _render(net, cam).numpyArray()[..., :3]
    want = _uniform_env(_points(cam), cam, base, 0.25, 0.6, 0.8, light, ao=0.7)
    assert np.abs(a - want).max() < TOL
    # with a uniform map of radiance 0.5: the same with the light's colour halved
    env.par.envlightmap = _uniform_map(net, "envmap1", (0.5, 0.5, 0.5))
    a = net.op("render1").numpyArray()[..., :3]
    assert np.abs(a - 0.5 * want).max() < 1e-3


@pytest.mark.parametrize("metallic", [0.0, 1.0])
@pytest.mark.parametrize("specularlevel", [0.5, 0.25])
def test_specular_at_normal_incidence_metal_vs_dielectric(net, metallic, specularlevel):
    """A plane facing a distant light and a far camera: at normal incidence n = l = v = h, D = 1 /
    (pi alpha^2), V = 1/4 and F = F0, so the peak is F0 / (4 alpha^2) over the Lambert part: F0 =
    0.08 specularlevel (0.04 at 0.5) for a dielectric, the base colour for a metal."""
    base, rough = np.array([0.9, 0.6, 0.3]), 0.6
    cam = (0.0, 0.0, 200.0)
    _plane(net, basecolorr=base[0], basecolorg=base[1], basecolorb=base[2], metallic=metallic, roughness=rough,
           specularlevel=specularlevel)
    _distant(net)
    a = _render(net, cam).numpyArray()[..., :3]
    p = _points(cam)
    want = _direct(p, cam, np.broadcast_to([0.0, 0.0, 1.0], p.shape), base, metallic, rough, specularlevel)
    assert np.abs(a - want).max() < TOL
    f0 = base if metallic else np.full(3, 0.08 * specularlevel)
    peak = base * (1 - metallic) + f0 / (4 * rough ** 4)
    assert np.abs(a[H // 2, W // 2] - peak).max() < 1e-3  # the camera is far: v within 0.6 degrees of n
    if not metallic:
        assert np.allclose(f0, 0.04 if specularlevel == 0.5 else 0.02)


@pytest.mark.parametrize("metallic", [0.0, 0.5, 0.9])
@pytest.mark.parametrize("light", [(0.0, 0.0, 2.0), (1.5, -0.5, 1.0), (-2.0, 1.0, 0.6)])
def test_point_light_lambert_times_one_minus_metallic(net, metallic, light):
    cam = (0.4, -0.3, 2.0)
    base, rough = np.array([0.3, 0.5, 0.7]), 0.45
    _plane(net, basecolorr=base[0], basecolorg=base[1], basecolorb=base[2], metallic=metallic, roughness=rough)
    lt = net.create(td.lightCOMP, "light1")
    lt.par.tx, lt.par.ty, lt.par.tz = light
    lt.par.cr, lt.par.cg, lt.par.cb = 1.0, 0.8, 0.6
    a = _render(net, cam).numpyArray()[..., :3]
    p = _points(cam)
    l = _unit(np.asarray(light) - p)
    want = np.array([1.0, 0.8, 0.6]) * _direct(p, cam, l, base, metallic, rough)
    assert np.abs(a - want).max() < TOL
    # the diffuse lobe alone is Lambert times (1 - metallic): the image minus the specular lobe
    spec = np.array([1.0, 0.8, 0.6]) * (_direct(p, cam, l, base, metallic, rough)
                                        - l[..., 2:3].clip(0) * base * (1 - metallic))
    lambert = np.array([1.0, 0.8, 0.6]) * base * (1 - metallic) * l[..., 2:3].clip(0)
    assert np.abs(a - spec - lambert).max() < TOL
    assert spec.max() > 0.02  # there is a highlight to tell apart


def test_cone_light_and_ambient_light(net):
    cam = (0.0, 0.0, 2.0)
    base = np.array([0.8, 0.8, 0.4])
    _plane(net, basecolorr=base[0], basecolorg=base[1], basecolorb=base[2], metallic=0.0, roughness=0.7)
    lt = net.create(td.lightCOMP, "light1")
    lt.par.lighttype, lt.par.tz, lt.par.coneangle, lt.par.conedelta = "cone", 2.0, 40.0, 10.0
    amb = net.create(td.ambientlightCOMP, "light_amb")
    amb.par.cr, amb.par.cg, amb.par.cb = 0.1, 0.2, 0.3
    a = _render(net, cam).numpyArray()[..., :3]
    p = _points(cam)
    pos = np.array([0.0, 0.0, 2.0])
    l = _unit(pos - p)
    inner, outer = math.cos(math.radians(20)), math.cos(math.radians(30))
    falloff = np.clip((l[..., 2] - outer) / (inner - outer), 0, 1)[..., None]
    want = falloff * _direct(p, cam, l, base, 0.0, 0.7) + _uniform_env(p, cam, base, 0.0, 0.7, light=(0.1, 0.2, 0.3))
    assert np.abs(a - want).max() < TOL
    assert (falloff == 0).any() and (falloff == 1).any()


def test_no_lights_at_all(net):
    """No light, ambient light or environment light: emit + constant only (black by default)."""
    mat = _plane(net, metallic=0.0)
    r = _render(net)
    a = r.numpyArray()
    assert not a[..., :3].any() and np.all(a[..., 3] == 1.0)
    mat.par.emitr, mat.par.emitg, mat.par.emitb = 0.25, 0.5, 0.0
    mat.par.constantr, mat.par.constantg, mat.par.constantb = 0.0, 0.125, 0.5
    assert np.allclose(r.numpyArray()[..., :3], [0.25, 0.625, 0.5], atol=1e-6)


def _half_map(net):
    """An equirectangular map bright (1) on its left half (u < 0.5: directions with x < 0) and black
    on its right half."""
    geo = net.create(td.geometryCOMP, "halfgeo")
    b = geo.create(td.boxSOP)
    b.par.sizex, b.par.sizey, b.par.sizez = 1.0, 10.0, 0.01
    geo.par.tx = -0.5
    mat = net.create(td.constantMAT, "half_mat")
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "halfcam")
    cam.par.projection, cam.par.orthowidth = "ortho", 2.0
    cam.par.bgcolora = 1.0
    m = net.create(td.renderTOP, "halfmap")
    m.par.camera, m.par.geometry, m.par.lights = "halfcam", "halfgeo", ""
    m.par.resolutionw, m.par.resolutionh = 64, 32
    m.par.format = "rgba32float"
    return m


def _sphere_scene(net, **env_pars):
    geo = net.create(td.geometryCOMP, "geo1")
    s = geo.create(td.sphereSOP)
    s.par.rows, s.par.cols = 48, 96
    mat = net.create(td.pbrMAT, "pbr1")
    mat.par.metallic, mat.par.roughness = 0.0, 1.0
    geo.par.material = mat
    env = net.create(td.environmentlightCOMP, "light_env")
    for k, v in env_pars.items():
        env.par[k] = v
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection, cam.par.orthowidth, cam.par.tz = "ortho", 2.5, 5.0
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw = r.par.resolutionh = 64
    r.par.format = "rgba32float"
    r.par.camera, r.par.geometry = "cam1", "geo1"
    return r, env


def test_environment_map_with_structure_and_its_rotation(net):
    """Lit from the x < 0 half of the environment, the sphere's -x side is bright and its +x side
    dark; envlightmaprotatey 180 turns the map, and the sides swap. At the normal facing the camera
    (+z) half of the cosine lobe sees the bright half: the irradiance is half the full one."""
    r, env = _sphere_scene(net)
    env.par.envlightmap = _half_map(net)
    a = r.numpyArray()
    row = a[H, :, 0]  # the middle row (64 x 64 image)
    covered = np.nonzero(a[H, :, 3] > 0)[0]
    left, right = row[covered[0] + 2], row[covered[-1] - 2]
    assert left > 0.8 and right < 0.05  # n near -x: the bright half fills its lobe; near +x: dark
    centre = a[H, W, 0]
    env.par.envlightmaprotatey = 180.0
    b = r.numpyArray()
    row = b[H, :, 0]
    assert row[covered[0] + 2] < 0.05 and row[covered[-1] - 2] > 0.8
    assert abs(b[H, W, 0] - centre) < 0.02  # the +z normal still sees half of each
    env.par.envlightmaprotatey = 90.0  # -x of the map now lies toward +z, toward the camera
    c = r.numpyArray()
    assert c[H, W, 0] > 0.8 and abs(c[H, covered[0] + 2, 0] - c[H, covered[-1] - 2, 0]) < 0.05
    # half of a uniform white environment's light reaches the +z normal
    env.par.envlightmaprotatey = 0.0
    env.par.envlightmap = ""
    full = r.numpyArray()[H, W, 0]
    assert abs(centre - 0.5 * full) < 0.03


def test_the_environment_map_follows_its_top(net):
    r, env = _sphere_scene(net)
    m = _uniform_map(net, "envmap1", (0.25, 0.25, 0.25))
    env.par.envlightmap = m
    before = r.numpyArray()[H, W, 0]
    net.op("envmap1_cam").par.bgcolorr = 1.0  # the map's image changes: the maps are made again
    after = r.numpyArray()
    assert after[H, W, 0] > 3 * before and after[H, W, 1] == pytest.approx(before, abs=1e-3)


def _mapped(net, name, color, **mat_pars):
    mat = _plane(net, **mat_pars)
    mat.par[name] = _uniform_map(net, "map_" + name, color)
    return mat


def test_basecolor_metallic_roughness_and_emit_maps(net):
    cam = (0.0, 0.0, 2.0)
    c = (0.5, 0.75, 0.25, 0.5)
    mat = _plane(net, basecolorr=0.8, basecolorg=0.6, basecolorb=1.0, metallic=0.5, roughness=0.8)
    _distant(net)
    r = _render(net, cam)
    p = _points(cam)
    l = np.broadcast_to([0.0, 0.0, 1.0], p.shape)
    mat.par.basecolormap = _uniform_map(net, "map1", c)
    a = r.numpyArray()
    base = np.array([0.8, 0.6, 1.0]) * c[:3]
    assert np.abs(a[..., :3] - _direct(p, cam, l, base, 0.5, 0.8)).max() < TOL
    assert np.allclose(a[..., 3], 0.5)  # its alpha multiplies alpha
    mat.par.basecolormap = ""
    base = np.array([0.8, 0.6, 1.0])
    mat.par.metallicmap = "map1"  # channel source b (default): metallic * 0.25
    mat.par.roughnessmap = "map1"
    mat.par.roughnesschannelsource = "g"  # roughness * 0.75
    a = r.numpyArray()[..., :3]
    assert np.abs(a - _direct(p, cam, l, base, 0.5 * 0.25, 0.8 * 0.75)).max() < TOL
    mat.par.metallicchannelsource = "a"  # metallic * 0.5
    a = r.numpyArray()[..., :3]
    assert np.abs(a - _direct(p, cam, l, base, 0.5 * 0.5, 0.8 * 0.75)).max() < TOL
    mat.par.metallicmap = mat.par.roughnessmap = ""
    mat.par.emitr, mat.par.emitg, mat.par.emitb = 1.0, 1.0, 2.0
    mat.par.emitmap = "map1"
    a = r.numpyArray()[..., :3]
    assert np.abs(a - _direct(p, cam, l, base, 0.5, 0.8) - [0.5, 0.75, 0.5]).max() < TOL


def test_ambient_occlusion_map_darkens_the_environment_only(net):
    cam = (0.0, 0.0, 2.0)
    mat = _plane(net, metallic=0.0, roughness=0.9)
    net.create(td.environmentlightCOMP, "light_env")
    lt = _distant(net)
    r = _render(net, cam)
    mat.par.ambientocclusionmap = _uniform_map(net, "aomap", (0.5, 0.2, 0.2))  # channel r: 0.5
    a = r.numpyArray()[..., :3]
    p = _points(cam)
    l = np.broadcast_to([0.0, 0.0, 1.0], p.shape)
    want = _direct(p, cam, l, (1, 1, 1), 0.0, 0.9) + _uniform_env(p, cam, (1, 1, 1), 0.0, 0.9, ao=0.5)
    assert np.abs(a - want).max() < TOL
    assert lt.valid


def test_normal_map_tilts_the_normal_in_the_tangent_frame(net):
    """The front face's tangent frame is (+x, +y, +z) (u along x, v along y): a map of the
    tangent-space normal (0.6, 0, 0.8) makes the world normal (0.6, 0, 0.8)."""
    cam = (0.0, 0.0, 200.0)
    tn = np.array([0.6, 0.0, 0.8])
    mat = _plane(net, metallic=0.0, roughness=1.0)
    _distant(net)
    r = _render(net, cam)
    p = _points(cam)
    l = np.broadcast_to([0.0, 0.0, 1.0], p.shape)
    flat = r.numpyArray()[..., :3]
    mat.par.normalmap = _uniform_map(net, "nmap", tuple(tn * 0.5 + 0.5))
    a = r.numpyArray()[..., :3]
    assert np.abs(a - _direct(p, cam, l, (1, 1, 1), 0.0, 1.0, n=tn)).max() < 1e-3
    assert flat.mean() - a.mean() > 0.15  # tilted away from the light: n.l 0.8
    mat.par.normalmap = _uniform_map(net, "nmap2", (0.5, 0.5, 1.0))  # the unperturbed normal
    assert np.abs(r.numpyArray()[..., :3] - flat).max() < 1e-3


def test_alpha_page(net):
    cam = (0.3, -0.2, 0.8)
    mat = _plane(net, emitr=0.5, alphamode=False, alphafront=0.9, alphaside=0.2, rolloff=2.0)
    a = _render(net, cam).numpyArray()
    ndv = _unit(np.asarray(cam) - _points(cam))[..., 2]
    assert np.abs(a[..., 3] - (0.2 + 0.7 * ndv ** 2.0)).max() < TOL
    mat.par.alphamode = True
    assert np.allclose(net.op("render1").numpyArray()[..., 3], 0.9, atol=1e-6)


def test_defaults_and_pages(net):
    mat = net.create(td.pbrMAT)
    assert mat.par.metallic == 1 and mat.par.specularlevel == 0.5
    assert mat.par.basecolorr == 1 and mat.par.ambientocclusion == 1 and mat.par.emitr == 0
    assert mat.par.metallicchannelsource == "b" and mat.par.roughnesschannelsource == "g"
    assert mat.par.ambientocclusionchannelsource.menuNames == ["r", "g", "b", "a"]
    pages = {p.name: p.page.name for p in mat.pars()}
    assert pages["basecolorr"] == pages["normalmap"] == pages["emitmapfilter"] == "RGB"
    assert pages["alphafront"] == "Alpha" and pages["depthtest"] == "Common"
    assert td.pbrMAT in td.families["MAT"]
    with pytest.raises(ValueError):
        mat.par.roughnesschannelsource = "x"
    mat.par.metallic = 3.0  # clamped to [0, 1]
    assert mat.par.metallic == 1.0


def test_bad_input(net):
    mat = _plane(net)
    r = _render(net)
    mat.par.basecolormap = "nothing"
    with pytest.raises(td.tdError, match="map 'nothing' names no operator"):
        r.numpyArray()
    mat.par.basecolormap = "cam1"
    with pytest.raises(td.tdError, match="not a TOP"):
        r.numpyArray()
    mat.par.basecolormap = ""
    env = net.create(td.environmentlightCOMP, "light_env")
    env.par.envlightmap = "nothing"
    with pytest.raises(td.tdError, match="envlightmap 'nothing' names no operator"):
        r.numpyArray()
    env.par.envlightmap = "cam1"
    with pytest.raises(td.tdError, match="envlightmap 'cam1' is not a TOP"):
        r.numpyArray()
    env.par.envlightmap = "render1"  # the render it lights
    with pytest.raises(td.tdError, match="cycle"):
        r.numpyArray()
    m = _uniform_map(net, "envmap1", (0.5, 0.5, 0.5))
    env.par.envlightmap = m
    for i in range(4):
        net.create(td.environmentlightCOMP, "light_env%d" % i).par.envlightmap = m
    with pytest.raises(td.tdError, match="more than 4 environment lights with maps"):
        r.numpyArray()
    for i in range(4):
        net.op("light_env%d" % i).par.envlightmap = ""  # without maps they are one uniform sum: any number
    assert r.numpyArray().shape == (H, W, 4)


def test_environment_lights_without_maps_add_up(net):
    cam = (0.0, 0.0, 2.0)
    _plane(net, metallic=0.3, roughness=0.5)
    r = _render(net, cam)
    for i, c in enumerate([(0.1, 0.2, 0.3), (0.3, 0.1, 0.0), (0.05, 0.05, 0.05), (0.2, 0.0, 0.4), (0.1, 0.1, 0.1)]):
        env = net.create(td.environmentlightCOMP, "light_env%d" % i)
        env.par.cr, env.par.cg, env.par.cb = c
    a = r.numpyArray()[..., :3]
    want = _uniform_env(_points(cam), cam, (1, 1, 1), 0.3, 0.5, light=(0.75, 0.45, 0.85))
    assert np.abs(a - want).max() < TOL


def test_the_example_scene_writes_an_image(tmp_path, capsys):
    import importlib.util
    import pathlib

    from PIL import Image

    path = pathlib.Path(__file__).resolve().parent.parent / "examples" / "pbr_scene.py"
    spec = importlib.util.spec_from_file_location("pbr_scene_example", path)
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    out = tmp_path / "pbr.png"
    try:
        assert example.main(["--out", str(out), "--width", "240", "--height", "135"]) == 0
    finally:
        td.root.op("pbr_scene").destroy()
    img = np.asarray(Image.open(out))
    assert img.shape == (135, 240, 4)
    assert len(np.unique(img.reshape(-1, 4), axis=0)) > 100  # shaded, not flat
    assert str(out) in capsys.readouterr().out


def test_a_polished_metal_mirrors_the_environment(net):
    """Roughness 0 reads the specular map's sharp level along the reflected direction r = 2 (n.v) n - v:
    on an orthographic view from +z, the sphere's -x side reflects directions with x < 0 (the bright
    half), its +x side the dark half; at n.v near 1 the specular term of a white metal is A + B ~ 1.
    Rough, the reflection blurs: the two sides come closer together."""
    r, env = _sphere_scene(net)
    mat = net.op("pbr1")
    mat.par.metallic, mat.par.roughness = 1.0, 0.0
    env.par.envlightmap = _half_map(net)
    a = r.numpyArray()
    covered = np.nonzero(a[H, :, 3] > 0)[0]
    x0, x1 = W - (W - covered[0]) // 2, W + (covered[-1] - W) // 2  # halfway to the rims: n.x = -/+0.5
    a_b = _env_brdf(0.0, math.sqrt(0.75))
    assert a[H, x0, 0] == pytest.approx(a_b[0] + a_b[1], abs=0.03) and a[H, x1, 0] < 0.02
    mat.par.roughness = 1.0
    b = r.numpyArray()
    assert 0.05 < b[H, x1, 0] < b[H, x0, 0] < a[H, x0, 0] - 0.05
