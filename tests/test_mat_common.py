"""The MAT Common page in renders: blending against the blend equation, depth test, function and
writing, alpha test cut-outs, the MAT's cull face and polygon offset, wireframe, and renderTOP's
'sortedblending' order. Squares face an orthographic camera (width OW) at the default tz = 5 over
an opaque blue background; rgba32float keeps every value exact."""
import numpy as np
import pytest

import td_render as td

W = H = 32
OW = 4.0
BG = np.array([0.0, 0.0, 1.0, 1.0])


def _square(net, name, color, alpha=1.0, z=0.0, half=1.0, **common):
    geo = net.create(td.geometryCOMP, name)
    b = geo.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 2 * half
    b.par.sizez = 0.0
    geo.par.tz = z
    mat = net.create(td.constantMAT, name + "_mat")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = color
    mat.par.alpha = alpha
    for k, v in common.items():
        mat.par[k] = v
    geo.par.material = mat
    return geo, mat


def _render(net, geometry):
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = BG
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    r.par.geometry = geometry
    return r


def _centre(r):
    return r.numpyArray()[H // 2, W // 2]


FACTORS = {
    "zero": lambda s, d, c: np.zeros(4), "one": lambda s, d, c: np.ones(4),
    "sa": lambda s, d, c: np.full(4, s[3]), "omsa": lambda s, d, c: np.full(4, 1 - s[3]),
    "da": lambda s, d, c: np.full(4, d[3]), "omda": lambda s, d, c: np.full(4, 1 - d[3]),
    "dcol": lambda s, d, c: d, "omdcol": lambda s, d, c: 1 - d, "scol": lambda s, d, c: s, "omscol": lambda s, d, c: 1 - s,
    "constantcol": lambda s, d, c: c, "omconstantcol": lambda s, d, c: 1 - c,
    "constanta": lambda s, d, c: np.full(4, c[3]), "omconstanta": lambda s, d, c: np.full(4, 1 - c[3]),
}
OPS = {"add": lambda a, b: a + b, "subtract": lambda a, b: a - b, "revsubtract": lambda a, b: b - a,
       "minimum": lambda a, b: np.minimum(a, b), "maximum": lambda a, b: np.maximum(a, b)}


def _blend(src, dst, op, sf, df, const=np.zeros(4)):
    """OpenGL's blend equation (min and max ignore the factors)."""
    if op in ("minimum", "maximum"):
        return OPS[op](src, dst)
    return OPS[op](src * FACTORS[sf](src, dst, const), dst * FACTORS[df](src, dst, const))


@pytest.mark.parametrize("op,sf,df", [
    ("add", "sa", "omsa"), ("add", "one", "one"), ("subtract", "one", "sa"), ("revsubtract", "sa", "one"),
    ("minimum", "one", "one"), ("maximum", "one", "one"), ("add", "dcol", "zero"), ("add", "omda", "scol"),
    ("add", "constantcol", "omconstanta"),
])
def test_blending_follows_the_blend_equation(net, op, sf, df):
    src = np.array([0.8, 0.4, 0.2, 0.5])
    const = np.array([0.25, 0.5, 0.75, 0.4])
    _, mat = _square(net, "geo1", src[:3], alpha=src[3], blending=True, blendop=op, srcblend=sf, destblend=df)
    mat.par.blendconstantr, mat.par.blendconstantg, mat.par.blendconstantb, mat.par.blendconstanta = const
    r = _render(net, "geo1")
    assert np.allclose(_centre(r), _blend(src, BG, op, sf, df, const), atol=1e-6)


def test_separate_alpha_function(net):
    src = np.array([1.0, 0.0, 0.0, 0.5])
    _square(net, "geo1", src[:3], alpha=src[3], blending=True, separatealphafunc=True, blendopa="add",
            srcblenda="zero", destblenda="zero")
    r = _render(net, "geo1")
    want = _blend(src, BG, "add", "sa", "omsa")
    want[3] = 0.0
    assert np.allclose(_centre(r), want, atol=1e-6)


def test_blending_off_writes_the_colour(net):
    _square(net, "geo1", (1.0, 0.5, 0.0), alpha=0.5)
    assert np.allclose(_centre(_render(net, "geo1")), [1.0, 0.5, 0.0, 0.5])


def test_depth_test_function_and_writing(net):
    # near (z = 1) red drawn first, far (z = -1) green after
    _, near = _square(net, "geoa", (1.0, 0.0, 0.0), z=1.0)
    _, far = _square(net, "geob", (0.0, 1.0, 0.0), z=-1.0)
    r = _render(net, "geoa geob")
    assert np.allclose(_centre(r)[:3], [1, 0, 0])
    far.par.depthtest = False  # the far square ignores the near one's depth
    assert np.allclose(_centre(r)[:3], [0, 1, 0])
    far.par.depthtest = True
    near.par.depthwriting = False  # the near one leaves no depth to hide the far one
    assert np.allclose(_centre(r)[:3], [0, 1, 0])
    near.par.depthwriting = True
    far.par.depthfunc = "greater"  # passes only behind what is there: behind the near square
    assert np.allclose(_centre(r)[:3], [0, 1, 0])
    corner = r.numpyArray()[H // 2, 1]
    assert np.allclose(corner, BG)  # outside the near square the far one is nearer than the clear depth 1
    far.par.depthfunc = "always"
    assert np.allclose(_centre(r)[:3], [0, 1, 0])
    far.par.depthfunc = "lessorequal"
    assert np.allclose(_centre(r)[:3], [1, 0, 0])


@pytest.mark.parametrize("func,threshold,keep", [
    ("greaterorequal", 0.5, False), ("greaterorequal", 0.3, True), ("greater", 0.3, False), ("less", 0.5, True),
    ("lessorequal", 0.3, True), ("less", 0.3, False),
])
def test_alpha_test_cuts_out(net, func, threshold, keep):
    _square(net, "geo1", (1.0, 1.0, 1.0), alpha=0.3, alphatest=True, alphafunc=func, alphathreshold=threshold)
    c = _centre(_render(net, "geo1"))
    assert np.allclose(c, [1.0, 1.0, 1.0, 0.3] if keep else BG, atol=1e-6)


def test_the_materials_cull_face_overrides_the_renders(net):
    _, mat = _square(net, "geo1", (1.0, 0.0, 0.0))  # two coincident faces: one front, one back
    r = _render(net, "geo1")
    mat.par.cullface = "bothfaces"
    assert np.allclose(_centre(r), BG)
    mat.par.cullface = "userender"
    r.par.cullface = "bothfaces"
    assert np.allclose(_centre(r), BG)
    mat.par.cullface = "neither"
    assert np.allclose(_centre(r)[:3], [1, 0, 0])


def test_the_materials_polygon_offset(net):
    _, mat = _square(net, "geo1", (1.0, 0.0, 0.0))
    r = _render(net, "geo1")
    d = net.create(td.depthTOP, "depth1")
    d.par.rendertop = r
    base = float(d.numpyArray()[H // 2, W // 2, 0])
    mat.par.polygonoffset = True
    mat.par.polygonoffsetfactor, mat.par.polygonoffsetunits = 0.0, 4000.0
    pushed = float(d.numpyArray()[H // 2, W // 2, 0])
    assert 0.5 * 4000 * 2 ** -24 <= pushed - base <= 2.0 * 4000 * 2 ** -24


def test_wireframe_draws_the_edges_only(net):
    _, mat = _square(net, "geo1", (1.0, 1.0, 1.0), half=1.0)
    r = _render(net, "geo1")
    filled = np.all(r.numpyArray()[..., :3] == 1.0, axis=-1)
    mat.par.wireframe = "tesselated"
    wire = np.all(r.numpyArray()[..., :3] == 1.0, axis=-1)
    assert 0 < wire.sum() < filled.sum() // 2  # the edges and diagonals of 16 x 16 pixels
    assert not wire[H // 2, W // 2 - 5] and not wire[H // 2 - 5, W // 2]  # inside the triangles, off the diagonals
    edge = (1.0 / OW + 0.5) * W  # the square's right edge, world x = 1
    assert wire[:, int(edge) - 1: int(edge) + 1].any()


def test_sortedblending_draws_blended_geometry_far_to_near(net):
    # named near first: sorted, the far square is drawn first and the near one blends over it;
    # unsorted (orderind: stored), the near one writes depth first and hides the far one
    near_c, far_c = np.array([1.0, 0.0, 0.0, 0.5]), np.array([0.0, 1.0, 0.0, 0.5])
    _square(net, "geoa", near_c[:3], alpha=0.5, z=1.0, blending=True)
    _square(net, "geob", far_c[:3], alpha=0.5, z=-1.0, blending=True)
    r = _render(net, "geoa geob")
    over = lambda s, d: _blend(s, d, "add", "sa", "omsa")
    assert np.allclose(_centre(r), over(near_c, over(far_c, BG)), atol=1e-6)
    r.par.transparency = "orderind"
    assert np.allclose(_centre(r), over(near_c, BG), atol=1e-6)
    # opaque geometry is drawn before blended geometry whatever the order it is named in
    r.par.transparency = "sortedblending"
    _square(net, "geoc", (1.0, 1.0, 1.0), z=-2.0)
    r.par.geometry = "geoa geob geoc"
    assert np.allclose(_centre(r), over(near_c, over(far_c, np.array([1.0, 1.0, 1.0, 1.0]))), atol=1e-6)


def test_bad_tokens(net):
    _, mat = _square(net, "geo1", (1.0, 1.0, 1.0))
    for par, token in (("srcblend", "scol"), ("destblend", "dcol"), ("blendop", "mul"), ("depthfunc", "never"),
                       ("alphafunc", "equal"), ("wireframe", "on"), ("cullface", "back")):
        with pytest.raises(ValueError):
            mat.par[par] = token
