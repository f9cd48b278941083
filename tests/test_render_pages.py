"""renderTOP's Render, Advanced and Crop pages, each against what it must do (expected values
computed here). The scenes use an orthographic camera of width OW at the default tz = 5, so world x
maps to pixel (x / OW + 1/2) * W and a pixel's centre to world x = (px + 0.5) / W * OW - OW / 2."""
import numpy as np
import pytest

import td_render as td

W, H = 64, 48
OW = 4.0


def _scene(net, color=(1.0, 0.5, 0.25), alpha=1.0, half=0.5, fmt="rgba32float"):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = box.par.sizez = 2 * half
    mat = net.create(td.constantMAT, "mat1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = color
    mat.par.alpha = alpha
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = fmt
    return r, cam, geo, mat


def _covered(img):
    return img[..., 3] > 0.5


def _columns(mask):
    cols = np.flatnonzero(mask.any(axis=0))
    return cols.min(), cols.max()


def _rows(mask):
    rows = np.flatnonzero(mask.any(axis=1))
    return rows.min(), rows.max()


def _pixel_span(lo, hi, n, extent):
    """First and last pixel whose centre lies in world [lo, hi] on an axis of n pixels spanning extent."""
    centres = (np.arange(n) + 0.5) / n * extent - extent / 2
    inside = np.flatnonzero((centres > lo) & (centres < hi))
    return inside.min(), inside.max()


# ---- bgcolor: the render's laid over the camera's by the render's alpha ----

@pytest.mark.parametrize("render_bg,cam_bg", [
    ((0.0, 0.0, 0.0, 0.0), (0.2, 0.4, 0.6, 0.8)),   # the render's default: the camera's as it is
    ((0.9, 0.1, 0.3, 1.0), (0.2, 0.4, 0.6, 0.8)),   # an opaque render colour wins
    ((0.9, 0.1, 0.3, 0.25), (0.2, 0.4, 0.6, 0.5)),  # blended by the render's alpha
    ((0.5, 0.5, 0.5, 0.5), (0.0, 0.0, 0.0, 0.0)),
])
def test_bgcolor_is_combined_with_the_cameras(net, render_bg, cam_bg):
    r, cam, geo, _ = _scene(net)
    geo.render = False
    for k, c in enumerate("rgba"):
        r.par["bgcolor" + c] = render_bg[k]
        cam.par["bgcolor" + c] = cam_bg[k]
    ra = render_bg[3]
    want = [render_bg[k] * ra + cam_bg[k] * (1 - ra) for k in range(3)] + [ra + cam_bg[3] * (1 - ra)]
    assert np.allclose(r.numpyArray(), want, atol=1e-6)


def test_premultrgbbyalpha_multiplies_geometry_and_background(net):
    r, cam, _, _ = _scene(net, color=(1.0, 0.5, 0.25), alpha=0.5)
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.8, 0.6, 0.4, 0.25
    plain = r.numpyArray()
    r.par.premultrgbbyalpha = True
    pre = r.numpyArray()
    assert np.allclose(pre[..., :3], plain[..., :3] * plain[..., 3:], atol=1e-6)
    assert np.allclose(pre[..., 3], plain[..., 3])
    assert np.allclose(pre[H // 2, W // 2], [0.5, 0.25, 0.125, 0.5], atol=1e-6)


# ---- Crop page: done in the projection, the resolution unchanged ----

def _cropped_span(lo, hi, crop_lo, crop_hi, n, extent):
    """Pixels covered by world [lo, hi] once the fractions [crop_lo, crop_hi] of the axis fill it."""
    f_lo, f_hi = lo / extent + 0.5, hi / extent + 0.5  # as fractions of the uncropped axis
    a = (f_lo - crop_lo) / (crop_hi - crop_lo) * n
    b = (f_hi - crop_lo) / (crop_hi - crop_lo) * n
    inside = np.flatnonzero(((np.arange(n) + 0.5) > a) & ((np.arange(n) + 0.5) < b))
    return inside.min(), inside.max()


@pytest.mark.parametrize("unit", ["fraction", "pixels", "fractionaspect"])
def test_crop_shows_part_of_the_image_at_full_resolution(net, unit):
    r, _, _, _ = _scene(net, half=0.5)
    left, right, bottom, top = 0.3, 0.8, 0.2, 0.9  # fractions of the image
    to_unit = {"fraction": (lambda f, n: f), "pixels": (lambda f, n: f * n),
               # fractionaspect counts in units of the height on both axes
               "fractionaspect": (lambda f, n: f * n / H)}[unit]
    r.par.cropleft, r.par.cropright = to_unit(left, W), to_unit(right, W)
    r.par.cropbottom, r.par.croptop = to_unit(bottom, H), to_unit(top, H)
    for edge in ("left", "right", "bottom", "top"):
        r.par["crop" + edge + "unit"] = unit
    img = r.numpyArray()
    assert img.shape == (H, W, 4)
    mask = _covered(img)
    ext_y = OW * H / W
    assert _columns(mask) == _cropped_span(-0.5, 0.5, left, right, W, OW)
    assert _rows(mask) == _cropped_span(-0.5, 0.5, bottom, top, H, ext_y)


def test_a_crop_with_no_area_is_an_error(net):
    r, _, _, _ = _scene(net)
    r.par.cropleft, r.par.cropright = 0.6, 0.4
    with pytest.raises(td.tdError, match="crop"):
        r.numpyArray()
    assert "crop" in r.errors()


# ---- Advanced page ----

def _depth(net, r):
    d = net.create(td.depthTOP, "depth1")
    d.par.rendertop = r
    d.par.depthspace = "cameraspace"
    return d


def test_cullface_keeps_the_faces_it_should(net):
    r, _, geo, _ = _scene(net, half=0.5)  # a unit cube at the origin, the camera at z = 5
    r.par.depthformat = "float32"
    d = _depth(net, r)
    centre = (H // 2, W // 2)
    assert d.numpyArray()[centre] == pytest.approx(4.5, rel=1e-5)  # the front face
    r.par.cullface = "backfaces"
    assert d.numpyArray()[centre] == pytest.approx(4.5, rel=1e-5)
    r.par.cullface = "frontfaces"
    assert d.numpyArray()[centre] == pytest.approx(5.5, rel=1e-5)  # the back face, seen from inside
    r.par.cullface = "bothfaces"
    assert not _covered(r.numpyArray()).any()


def test_drawdepthonly_writes_depth_and_no_colour(net):
    r, cam, _, _ = _scene(net, half=0.5)
    cam.par.bgcolora = 0.0
    r.par.drawdepthonly = True
    r.par.depthformat = "float32"
    assert not r.numpyArray().any()
    assert _depth(net, r).numpyArray()[H // 2, W // 2] == pytest.approx(4.5, rel=1e-5)


def test_polygon_offset_pushes_depth_back_by_units(net):
    # a face parallel to the image has no slope: the offset is units * r, r the smallest resolvable
    # difference of a 24-bit fixed depth buffer (2 ** -24); input-space depth, read exactly as float
    r, _, _, _ = _scene(net, half=0.5)
    d = net.create(td.depthTOP, "depth1")
    d.par.rendertop = r
    base = float(d.numpyArray()[H // 2, W // 2, 0])
    r.par.polygonoffset = True
    r.par.polygonoffsetfactor, r.par.polygonoffsetunits = 0.0, 4000.0
    pushed = float(d.numpyArray()[H // 2, W // 2, 0])
    assert 0.5 * 4000 * 2 ** -24 <= pushed - base <= 2.0 * 4000 * 2 ** -24
    r.par.polygonoffsetunits = -4000.0
    assert float(d.numpyArray()[H // 2, W // 2, 0]) < base


def test_overridemat_replaces_every_material(net):
    r, _, _, _ = _scene(net, color=(1.0, 0.0, 0.0))
    green = net.create(td.constantMAT, "green")
    green.par.colorr, green.par.colorg, green.par.colorb = 0.0, 1.0, 0.0
    r.par.overridemat = "green"
    assert np.allclose(r.numpyArray()[H // 2, W // 2], [0.0, 1.0, 0.0, 1.0])
    r.par.overridemat = "nothing"
    with pytest.raises(td.tdError, match="material 'nothing' names no operator"):
        r.numpyArray()
    r.par.overridemat = ""
    assert np.allclose(r.numpyArray()[H // 2, W // 2], [1.0, 0.0, 0.0, 1.0])


def test_render_off_keeps_the_last_image_and_renderpulse_renders_one(net):
    r, _, geo, _ = _scene(net)
    before = r.numpyArray()
    r.par.render = False
    geo.par.tx = 1.0
    assert np.array_equal(r.numpyArray(), before)
    r.par.renderpulse.pulse()
    moved = r.numpyArray()
    assert not np.array_equal(moved, before)
    assert r.par.renderpulse.eval() == 0
    geo.par.tx = -1.0
    assert np.array_equal(r.numpyArray(), moved)


def test_render_off_from_the_start_is_an_empty_image(net):
    r, cam, _, _ = _scene(net)
    cam.par.bgcolora = 1.0
    r.par.render = False
    assert not r.numpyArray().any()


def test_dither_spreads_a_half_step_over_two_levels(net):
    # colour 100.5 / 255: without dither every pixel rounds to the same level; with the 4x4 ordered
    # dither half the pixels of every 4x4 block land on 100 and half on 101
    v = 100.5 / 255
    r, _, _, _ = _scene(net, color=(v, v, v), half=4.0, fmt="rgba8fixed")
    plain = np.round(r.numpyArray()[..., 0] * 255)
    assert len(np.unique(plain)) == 1
    r.par.dither = True
    dithered = np.round(r.numpyArray()[..., 0] * 255)
    assert set(np.unique(dithered)) == {100.0, 101.0}
    block = dithered[:4, :4]
    assert block.mean() == pytest.approx(100.5)
    r.par.format = "rgba32float"  # float formats: nothing to dither
    assert np.allclose(r.numpyArray()[..., 0], v, atol=1e-7)


def test_unsupported_render_modes_and_bad_tokens_are_clear_errors(net):
    r, _, _, _ = _scene(net)
    r.par.rendermode = "fisheye180"
    with pytest.raises(td.tdError, match="rendermode 'fisheye180' is not supported"):
        r.numpyArray()
    r.par.rendermode = "render2d"
    for par, token in (("cullface", "back"), ("depthformat", "fixed32"), ("transparency", "sorted"),
                       ("cropleftunit", "percent"), ("multicamerahint", "stereo")):
        with pytest.raises(ValueError):
            r.par[par] = token
    assert r.numpyArray().shape == (H, W, 4)


def test_renderpulse_is_a_pulse_parameter(net):
    r, _, _, _ = _scene(net)
    p = r.par.renderpulse
    assert p.isPulse and not p.isToggle and p.style == "Pulse" and p.eval() == 0
    assert not r.par.render.isPulse
