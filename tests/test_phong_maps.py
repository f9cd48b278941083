"""phongMAT's texture maps against TouchDesigner's Phong Lighting Equation, expected values computed
here: the diffuse map multiplies the diffuse colour, the specular map the specular colour, the emit
map the emit colour, the colour map the whole sum and the alpha, the alpha map's red channel the
alpha; a normal map replaces the normal in the surface's tangent frame.

A box's +z face has u along +x and v along +y from its (-x, -y) corner (src/geom/box.c). The face
(2 x 2, at z = FACE_Z) sits under an orthographic camera, so each pixel's world point and (u, v) are
known; with nearest filtering a map's value there is exactly its texel (the map's image is read back
and indexed here). rgba32float everywhere keeps the values exact to float precision."""
import math

import numpy as np
import pytest

import td_render as td

W = H = 32
OW = 4.0
MW, MH = 32, 16
FACE_Z = 0.005
TOL = 2e-4


def _map(net, name="map1", left=(0.9, 0.2, 0.5, 1.0), corner=(0.3, 0.8, 0.6, 1.0), rest=(0.1, 0.4, 0.7, 1.0)):
    """A render with structure: `left` on its left half, `corner` on its top-right quadrant, the
    camera's background `rest` elsewhere."""
    for part, color, tx, ty, sx, sy in (("a", left, -0.5, 0.0, 1.0, 2.0), ("b", corner, 0.5, 0.5, 1.0, 1.0)):
        geo = net.create(td.geometryCOMP, name + part)
        b = geo.create(td.boxSOP)
        b.par.sizex, b.par.sizey, b.par.sizez = sx, sy, 0.01
        geo.par.tx, geo.par.ty = tx, ty
        mat = net.create(td.constantMAT, name + part + "_mat")
        mat.par.colorr, mat.par.colorg, mat.par.colorb, mat.par.alpha = color
        geo.par.material = mat
    cam = net.create(td.cameraCOMP, name + "cam")
    cam.par.projection = "ortho"
    cam.par.orthowidth = 2.0
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = rest
    m = net.create(td.renderTOP, name)
    m.par.camera, m.par.geometry, m.par.lights = name + "cam", name + "a " + name + "b", ""
    m.par.resolutionw, m.par.resolutionh = MW, MH
    m.par.outputaspect, m.par.aspect1, m.par.aspect2 = "custom", 1, 1  # the ortho box is square
    m.par.format = "rgba32float"
    return m


def _uniform(net, name, rgba):
    """A map of one colour: a render of nothing over the camera's background."""
    cam = net.create(td.cameraCOMP, name + "cam")
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = rgba
    m = net.create(td.renderTOP, name)
    m.par.camera, m.par.geometry, m.par.lights = name + "cam", "", ""
    m.par.resolutionw, m.par.resolutionh = 8, 8
    m.par.format = "rgba32float"
    return m


def _scene(net, maps=(), rx=0.0, light=True, **mat_pars):
    """The lit face with a phongMAT (every colour 0 but what is given) whose maps name the TOPs given
    (nearest filtering), a distant light tilted by rx (if light), the render."""
    geo = net.create(td.geometryCOMP, "geo1")
    b = geo.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 2.0
    b.par.sizez = 2 * FACE_Z
    mat = net.create(td.phongMAT, "phong1")
    for c in "rgb":
        for name in ("diff", "amb", "spec", "emit", "constant", "spec2"):
            mat.par[name + c] = 0.0
    for k, v in mat_pars.items():
        mat.par[k] = v
    for par, top in maps:
        mat.par[par] = top
        mat.par[par + "filter"] = "nearest"
    geo.par.material = mat
    if light:
        lt = net.create(td.lightCOMP, "light1")
        lt.par.lighttype = "distant"
        lt.par.rx = rx
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    cam.par.tz = 3.0
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.camera, r.par.geometry, r.par.lights = "cam1", "geo1", "light1" if light else ""
    r.par.format = "rgba32float"
    return r, mat


def _grid():
    """World x, y of every pixel centre and the face's (u, v) there, (H, W) each, row 0 the bottom."""
    s = (np.arange(W) + 0.5) / W * OW - OW / 2
    x, y = np.meshgrid(s, s)
    return x, y, (x + 1.0) / 2.0, (y + 1.0) / 2.0


def _inside():
    x, y, u, v = _grid()
    return (u > 0) & (u < 1) & (v > 0) & (v < 1)


def _texels(mapimg):
    """The map's nearest texel at every pixel's (u, v): (H, W, 4)."""
    _, _, u, v = _grid()
    rows, cols = mapimg.shape[:2]
    return mapimg[np.clip((v * rows).astype(int), 0, rows - 1), np.clip((u * cols).astype(int), 0, cols - 1)]


def _ndl(rx):
    """n.l of the +z face under a distant light tilted by rx (toward the light: (0, -sin, cos))."""
    return max(math.cos(math.radians(rx)), 0.0)


def _structured(mapimg):
    assert len(np.unique(mapimg[..., :3].reshape(-1, 3), axis=0)) == 3  # three regions, three colours


def test_the_colormap_multiplies_the_whole_sum_and_the_alpha(net):
    m = _map(net, left=(0.9, 0.2, 0.5, 0.6))
    e, c, d = np.array([0.2, 0.3, 0.1]), np.array([0.05, 0.1, 0.15]), np.array([0.5, 0.4, 0.3])
    r, mat = _scene(net, maps=[("colormap", m)], rx=30.0, emitr=e[0], emitg=e[1], emitb=e[2],
                    constantr=c[0], constantg=c[1], constantb=c[2], diffr=d[0], diffg=d[1], diffb=d[2])
    img, mapimg = r.numpyArray(), m.numpyArray()
    _structured(mapimg)
    t = _texels(mapimg)
    inside = _inside()
    want = (e + c + d * _ndl(30.0)) * t[..., :3]
    assert np.abs(img[inside][:, :3] - want[inside]).max() < TOL
    assert np.abs(img[inside][:, 3] - t[inside][:, 3]).max() < TOL  # alphafront 1 * the map's alpha
    assert (t[inside][:, 3] < 0.7).any() and (t[inside][:, 3] > 0.9).any()


def test_the_diffuse_map_multiplies_the_diffuse_colour_only(net):
    m = _map(net, corner=(0.3, 0.8, 0.6, 0.25))
    e, d = np.array([0.1, 0.2, 0.05]), np.array([0.8, 0.6, 0.9])
    r, mat = _scene(net, maps=[("diffusemap", m)], rx=40.0, emitr=e[0], emitg=e[1], emitb=e[2],
                    diffr=d[0], diffg=d[1], diffb=d[2], ambr=0.3, ambg=0.3, ambb=0.3)
    amb = net.create(td.ambientlightCOMP, "amb1")
    amb.par.cr, amb.par.cg, amb.par.cb = 0.5, 0.25, 1.0
    r.par.lights = "light1 amb1"
    img, mapimg = r.numpyArray(), m.numpyArray()
    _structured(mapimg)
    t = _texels(mapimg)
    inside = _inside()
    # ambient * the ambient light takes the amb parameter, not the map
    want = e + 0.3 * np.array([0.5, 0.25, 1.0]) + d * t[..., :3] * _ndl(40.0)
    assert np.abs(img[inside][:, :3] - want[inside]).max() < TOL
    assert np.all(img[inside][:, 3] == 1.0)  # the map's alpha is ignored


def test_the_specular_map_multiplies_the_first_lobe_only(net):
    m = _map(net)
    cam = np.array([0.0, 0.0, 3.0])
    spec, spec2, d = np.array([0.8, 0.6, 0.4]), np.array([0.1, 0.2, 0.3]), np.array([0.2, 0.1, 0.3])
    r, mat = _scene(net, maps=[("specmap", m)], light=False, specr=spec[0], specg=spec[1], specb=spec[2],
                    shininess=8.0, spec2r=spec2[0], spec2g=spec2[1], spec2b=spec2[2], shininess2=3.0,
                    diffr=d[0], diffg=d[1], diffb=d[2])
    pos = np.array([0.7, 0.4, 1.2])
    lt = net.create(td.lightCOMP, "light1")
    lt.par.tx, lt.par.ty, lt.par.tz = pos
    r.par.lights = "light1"
    img, mapimg = r.numpyArray(), m.numpyArray()
    t = _texels(mapimg)[..., :3]
    x, y, _, _ = _grid()
    p = np.stack([x, y, np.full_like(x, FACE_Z)], axis=-1)
    unit = lambda a: a / np.linalg.norm(a, axis=-1, keepdims=True)
    l, v = unit(pos - p), unit(cam - p)
    ndl = np.maximum(l[..., 2], 0.0)[..., None]
    ndh = np.maximum(unit(l + v)[..., 2], 0.0)[..., None]
    want = d * ndl + np.where(ndl > 0, spec * t * ndh ** 8.0 + spec2 * ndh ** 3.0, 0.0)
    inside = _inside()
    assert np.abs(img[inside][:, :3] - want[inside]).max() < TOL
    assert (spec * t * ndh ** 8.0)[inside].max() > 0.1  # the highlight is there to be mapped


def test_the_emit_map_multiplies_the_emit_colour(net):
    m = _map(net)
    e, d = np.array([0.5, 0.7, 0.9]), np.array([0.1, 0.2, 0.3])
    r, mat = _scene(net, maps=[("emitmap", m)], rx=20.0, emitr=e[0], emitg=e[1], emitb=e[2],
                    diffr=d[0], diffg=d[1], diffb=d[2])
    img, mapimg = r.numpyArray(), m.numpyArray()
    t = _texels(mapimg)
    inside = _inside()
    want = e * t[..., :3] + d * _ndl(20.0)
    assert np.abs(img[inside][:, :3] - want[inside]).max() < TOL
    assert np.all(img[inside][:, 3] == 1.0)


def test_the_alpha_map_multiplies_alpha_by_its_red_channel(net):
    m = _map(net, left=(0.25, 0.9, 0.9, 1.0), corner=(0.75, 0.0, 0.0, 0.5), rest=(0.0, 1.0, 1.0, 1.0))
    r, mat = _scene(net, maps=[("alphamap", m)], emitr=0.4, emitg=0.5, emitb=0.6, alphafront=0.8)
    img, mapimg = r.numpyArray(), m.numpyArray()
    t = _texels(mapimg)
    inside = _inside()
    assert np.abs(img[inside][:, 3] - 0.8 * t[inside][:, 0]).max() < TOL
    assert {round(float(a), 3) for a in img[inside][:, 3]} == {0.2, 0.6, 0.0}  # red 0.25, 0.75, 0
    assert np.abs(img[inside][:, :3] - [0.4, 0.5, 0.6]).max() < TOL  # colour untouched


def test_maps_sample_a_uniform_render_and_each_one_is_compiled_in_alone(net):
    u = _uniform(net, "flat", (0.5, 0.25, 0.75, 1.0))
    e, d = np.array([0.2, 0.4, 0.6]), np.array([0.6, 0.5, 0.4])
    r, mat = _scene(net, rx=0.0, emitr=e[0], emitg=e[1], emitb=e[2], diffr=d[0], diffg=d[1], diffb=d[2])
    k = np.array([0.5, 0.25, 0.75])
    inside = _inside()
    base = r.numpyArray()[inside][:, :3]
    assert np.abs(base - (e + d)).max() < TOL
    for par, want in (("colormap", (e + d) * k), ("diffusemap", e + d * k), ("emitmap", e * k + d)):
        mat.par[par] = u
        got = r.numpyArray()[inside][:, :3]
        assert np.abs(got - want).max() < TOL, par
        mat.par[par] = ""


def test_a_flat_normal_map_changes_nothing(net):
    flat = _uniform(net, "flat", (0.5, 0.5, 1.0, 1.0))
    r, mat = _scene(net, rx=35.0, diffr=0.7, diffg=0.5, diffb=0.3, specr=0.5, specg=0.5, specb=0.5)
    before = r.numpyArray()
    mat.par.normalmap = flat
    after = r.numpyArray()
    assert np.abs(after - before).max() < 1e-5
    assert before[_inside()][:, 0].min() > 0.4


@pytest.mark.parametrize("bumpscale", [1.0, 0.5, 2.0])
@pytest.mark.parametrize("ry", [0.0, 30.0])
def test_a_tilted_normal_map_tilts_the_lambert_term(net, bumpscale, ry):
    m_ts = np.array([0.3, 0.6, 0.74])
    m_ts /= np.linalg.norm(m_ts)  # the map's normal in the face's tangent frame (u, v, n)
    tilted = _uniform(net, "tilted", tuple(m_ts * 0.5 + 0.5) + (1.0,))
    d = np.array([0.9, 0.7, 0.5])
    r, mat = _scene(net, maps=[("normalmap", tilted)], rx=35.0, diffr=d[0], diffg=d[1], diffb=d[2],
                    bumpscale=bumpscale)
    net.op("geo1").par.ry = ry
    img = r.numpyArray()
    texel = tilted.numpyArray()[0, 0, :3] * 2.0 - 1.0  # what the map holds, read back
    a = math.radians(ry)
    rot = np.array([[math.cos(a), 0, math.sin(a)], [0, 1, 0], [-math.sin(a), 0, math.cos(a)]])
    t, b, n = rot @ [1.0, 0, 0], rot @ [0, 1.0, 0], rot @ [0, 0, 1.0]  # +u, +v, the face's normal
    nn = bumpscale * (texel[0] * t + texel[1] * b) + texel[2] * n
    nn /= np.linalg.norm(nn)
    l = np.array([0.0, -math.sin(math.radians(35.0)), math.cos(math.radians(35.0))])
    want = d * max(float(nn @ l), 0.0)
    flat = d * max(float(n @ l), 0.0)
    covered = img[..., 3] > 0
    assert covered.sum() > 100
    assert np.abs(img[covered][:, :3] - want).max() < 1e-4
    assert np.abs(want - flat).max() > 0.05  # the tilt is visible


def test_bad_maps_are_errors(net):
    r, mat = _scene(net, emitr=1.0)
    mat.par.normalmap = "nothing"
    with pytest.raises(td.tdError, match="phong1: normalmap 'nothing' names no operator"):
        r.numpyArray()
    assert "normalmap 'nothing' names no operator" in r.errors()
    mat.par.normalmap = ""
    mat.par.specmap = "cam1"
    with pytest.raises(td.tdError, match="specmap 'cam1' is not a TOP"):
        r.numpyArray()
    mat.par.specmap = "geo1"
    with pytest.raises(td.tdError, match="specmap 'geo1' is not a TOP"):
        r.numpyArray()
    mat.par.specmap = "render1"  # itself
    with pytest.raises(td.tdError, match="cycle"):
        r.numpyArray()
    mat.par.specmap = ""
    assert np.abs(r.numpyArray()[H // 2, W // 2] - [1, 0, 0, 1]).max() < TOL


def _rotation(rx, ry, rz):
    """envmaprotate's turn of the environment: about x, then y, then z (degrees)."""
    x, y, z = (math.radians(a) for a in (rx, ry, rz))
    mx = np.array([[1, 0, 0], [0, math.cos(x), -math.sin(x)], [0, math.sin(x), math.cos(x)]])
    my = np.array([[math.cos(y), 0, math.sin(y)], [0, 1, 0], [-math.sin(y), 0, math.cos(y)]])
    mz = np.array([[math.cos(z), -math.sin(z), 0], [math.sin(z), math.cos(z), 0], [0, 0, 1]])
    return mz @ my @ mx


def test_the_environment_map_adds_its_reflection_after_the_colour_map(net):
    env = _uniform(net, "env", (0.25, 0.5, 0.125, 1.0))
    cm = _uniform(net, "cm", (0.5, 0.5, 0.5, 1.0))
    e = np.array([0.4, 0.2, 0.6])
    r, mat = _scene(net, maps=[("envmap", env), ("colormap", cm)], light=False, emitr=e[0], emitg=e[1],
                    emitb=e[2], envmapcolorr=2.0, envmapcolorg=1.0, envmapcolorb=4.0)
    inside = _inside()
    got = r.numpyArray()[inside][:, :3]
    assert np.abs(got - (e * 0.5 + np.array([0.25, 0.5, 0.125]) * [2.0, 1.0, 4.0])).max() < TOL


@pytest.mark.parametrize("rotate", [(0.0, 172.0, 0.0), (20.0, 200.0, 10.0)])
def test_the_environment_map_is_looked_up_along_the_reflected_view(net, rotate):
    env = _map(net, "env")  # 32 x 16: an equirectangular image with three regions
    r, mat = _scene(net, maps=[("envmap", env)], light=False, envmaprotatex=rotate[0], envmaprotatey=rotate[1],
                    envmaprotatez=rotate[2])
    img, envimg = r.numpyArray(), env.numpyArray()
    x, y, _, _ = _grid()
    p = np.stack([x, y, np.full_like(x, FACE_Z)], axis=-1)
    v = np.array([0.0, 0.0, 3.0]) - p
    v /= np.linalg.norm(v, axis=-1, keepdims=True)  # toward the camera's position
    refl = v * [-1.0, -1.0, 1.0]  # reflect(-v, +z)
    d = refl @ _rotation(*rotate)  # R^T r for each pixel: the environment turned by R
    u = 0.5 + np.arctan2(d[..., 0], -d[..., 2]) / (2 * math.pi)
    w = 0.5 + np.arcsin(np.clip(d[..., 1], -1, 1)) / math.pi
    fu, fw = u * MW, w * MH
    clear = (np.abs(fu - np.round(fu)) > 1e-3) & (np.abs(fw - np.round(fw)) > 1e-3)  # off texel edges
    want = envimg[np.clip(fw.astype(int), 0, MH - 1), np.clip(fu.astype(int), 0, MW - 1)][..., :3]
    sel = _inside() & clear
    assert sel.sum() > 100
    assert np.abs(img[sel][:, :3] - want[sel]).max() < TOL
    assert len(np.unique(want[sel].reshape(-1, 3), axis=0)) >= 2  # the reflection crosses regions
