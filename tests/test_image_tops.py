"""Image TOPs (constantTOP, nullTOP, levelTOP, compositeTOP): every expected pixel comes from the
operator's documented formula applied in NumPy to its inputs' own images, read back as float32."""
import numpy as np
import pytest

import td_render as td

W, H = 64, 48


def _lit_sphere(net, name="render1", bg=(0.2, 0.1, 0.05, 1.0)):
    """A structured float image: a phong-lit sphere over a coloured background (rgba32float)."""
    geo = net.create(td.geometryCOMP, name + "_geo")
    geo.create(td.sphereSOP)
    cam = net.create(td.cameraCOMP, name + "_cam")
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = bg
    net.create(td.lightCOMP, name + "_light").par.tx = 3.0
    r = net.create(td.renderTOP, name)
    r.par.camera, r.par.geometry, r.par.lights = cam.name, geo.name, name + "_light"
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    return r


def _constant(net, rgba, name=None, fmt="rgba32float"):
    c = net.create(td.constantTOP, name)
    c.par.colorr, c.par.colorg, c.par.colorb, c.par.alpha = rgba
    c.par.resolutionw, c.par.resolutionh = W, H
    c.par.format = fmt
    return c


# ---- constantTOP ----

def test_constant_defaults_white_256():
    net = td.root.create(td.baseCOMP, "t_constant_defaults")
    try:
        c = net.create(td.constantTOP)
        a = c.numpyArray()
        assert a.shape == (256, 256, 4) and c.pixelFormatName == "rgba8fixed"
        assert np.all(a == 1.0)
    finally:
        net.destroy()


def test_constant_colour_quantised_per_format(net):
    rgba = (0.2, 0.4, 0.6, 0.8)
    c = _constant(net, rgba, fmt="rgba8fixed")
    assert np.array_equal(c.numpyArray()[3, 5], np.round(np.array(rgba) * 255).astype(np.float32) / 255)
    c.par.format = "rgba32float"
    assert np.allclose(c.numpyArray(), np.array(rgba, np.float32), atol=0)
    c.par.format = "mono32float"
    assert c.numpyArray().shape == (H, W, 1) and np.allclose(c.numpyArray(), 0.2)


def test_constant_rgba_units_and_premultiply(net):
    c = _constant(net, (51.0, 102.0, 255.0, 127.5))
    c.par.rgbaunit = "u256"
    assert np.allclose(c.numpyArray()[0, 0], np.array([51, 102, 255, 127.5]) / 255, atol=1e-6)
    c.par.rgbaunit = "u65536"
    c.par.colorr = 65535.0
    assert np.isclose(c.numpyArray()[0, 0, 0], 1.0, atol=1e-6)
    c.par.rgbaunit = "u1"
    c.par.colorr, c.par.colorg, c.par.colorb, c.par.alpha = 0.8, 0.6, 0.4, 0.5
    c.par.multrgbbyalpha = True
    assert np.allclose(c.numpyArray()[0, 0], [0.4, 0.3, 0.2, 0.5], atol=1e-6)


def test_constant_takes_its_inputs_size(net):
    r = _lit_sphere(net)
    c = _constant(net, (1, 0, 0, 1))
    c.par.format = "useinput"
    c.inputConnectors[0].connect(r)
    assert (c.width, c.height, c.pixelFormatName) == (W, H, "rgba32float")
    c.par.outputresolution = "custom"
    assert (c.width, c.height) == (W, H)  # its own resolution parameters, set to W x H
    c.par.resolutionw = 10
    assert c.numpyArray().shape == (H, 10, 4)


# ---- nullTOP and the Common page ----

def test_null_is_its_input_exactly(net):
    r = _lit_sphere(net)
    n = net.create(td.nullTOP)
    n.inputConnectors[0].connect(r)
    assert np.array_equal(n.numpyArray(), r.numpyArray())
    assert (n.width, n.height, n.pixelFormatName) == (W, H, "rgba32float")


def _bilinear(img, ow, oh):
    """Sample img (rows bottom-up, as numpyArray gives) at the output's pixel centres, clamped."""
    h, w = img.shape[:2]
    u = (np.arange(ow) + 0.5) / ow * w - 0.5
    v = (np.arange(oh) + 0.5) / oh * h - 0.5
    x0 = np.clip(np.floor(u).astype(int), 0, w - 1)
    y0 = np.clip(np.floor(v).astype(int), 0, h - 1)
    x1, y1 = np.clip(x0 + 1, 0, w - 1), np.clip(y0 + 1, 0, h - 1)
    fx = np.clip(u - np.floor(u), 0, 1)[None, :, None]
    fy = np.clip(v - np.floor(v), 0, 1)[:, None, None]
    fx = np.where((u < 0)[None, :, None], 0.0, fx)
    fy = np.where((v < 0)[:, None, None], 0.0, fy)
    top = img[y0][:, x0] * (1 - fx) + img[y0][:, x1] * fx
    bot = img[y1][:, x0] * (1 - fx) + img[y1][:, x1] * fx
    return top * (1 - fy) + bot * fy


def _nearest(img, ow, oh):
    h, w = img.shape[:2]
    x = np.minimum(((np.arange(ow) + 0.5) / ow * w).astype(int), w - 1)
    y = np.minimum(((np.arange(oh) + 0.5) / oh * h).astype(int), h - 1)
    return img[y][:, x]


# nearest: sizes whose pixel centres never fall on an input texel's edge (64 (2j + 1) / (2 * 192) and
# 48 (2i + 1) / (2 * 160) are never whole), where nearest could round either way
@pytest.mark.parametrize("filt,ow,oh", [("nearest", 192, 160), ("linear", 192, 160), ("linear", 37, 29)])
def test_null_resize_matches_numpy(net, filt, ow, oh):
    r = _lit_sphere(net)
    n = net.create(td.nullTOP)
    n.inputConnectors[0].connect(r)
    n.par.outputresolution = "custom"
    n.par.resolutionw, n.par.resolutionh = ow, oh
    n.par.inputfiltertype = filt
    src, got = r.numpyArray(), n.numpyArray()
    want = _nearest(src, ow, oh) if filt == "nearest" else _bilinear(src, ow, oh)
    assert got.shape == (oh, ow, 4)
    # linear: the GPU's filter weights have 8 fractional bits
    assert np.abs(got - want).max() < (1e-6 if filt == "nearest" else 2e-3)


@pytest.mark.parametrize("mode,k", [("half", 0.5), ("quarter", 0.25), ("2x", 2.0), ("eighth", 0.125)])
def test_common_resolution_fractions_of_the_input(net, mode, k):
    r = _lit_sphere(net)
    n = net.create(td.nullTOP)
    n.inputConnectors[0].connect(r)
    n.par.outputresolution = mode
    assert (n.width, n.height) == (round(W * k), round(H * k))


def test_common_fit_and_limit_keep_the_aspect(net):
    r = _lit_sphere(net)  # 64 x 48
    n = net.create(td.nullTOP)
    n.inputConnectors[0].connect(r)
    n.par.resolutionw, n.par.resolutionh = 32, 32
    n.par.outputresolution = "fit"
    assert (n.width, n.height) == (32, 24)
    n.par.resolutionw, n.par.resolutionh = 128, 256
    assert (n.width, n.height) == (128, 96)
    n.par.outputresolution = "limit"  # only shrinks
    assert (n.width, n.height) == (64, 48)
    n.par.resolutionw = 16
    assert (n.width, n.height) == (16, 12)


def test_common_format_converts(net):
    r = _lit_sphere(net)
    n = net.create(td.nullTOP)
    n.inputConnectors[0].connect(r)
    n.par.format = "rgba8fixed"
    src, got = r.numpyArray(), n.numpyArray()
    assert n.pixelFormatName == "rgba8fixed"
    assert np.abs(got - np.round(np.clip(src, 0, 1) * 255) / 255).max() <= 1 / 255 + 1e-6


# ---- levelTOP ----

def _level(c, invert=0.0, black=0.0, bright=1.0, contrast=1.0, gamma=1.0, opacity=1.0):
    v = c[..., :3]
    v = v + (1 - 2 * v) * invert
    v = (v - black) / max(1 - black, 1e-6)
    v = v * bright
    v = (v - 0.5) * contrast + 0.5
    v = np.sign(v) * np.abs(v) ** (1 / gamma)
    return np.concatenate([v, c[..., 3:]], axis=-1) * opacity


@pytest.mark.parametrize("pars", [
    {"bright": 1.7}, {"contrast": 1.6}, {"gamma": 2.2}, {"invert": 1.0}, {"invert": 0.3}, {"black": 0.1},
    {"opacity": 0.4}, {"bright": 0.8, "contrast": 1.3, "gamma": 0.7, "black": 0.05, "invert": 0.2, "opacity": 0.9},
])
def test_level_formula(net, pars):
    r = _lit_sphere(net)
    lv = net.create(td.levelTOP)
    lv.inputConnectors[0].connect(r)
    names = {"invert": "invert", "black": "blacklevel", "bright": "brightness1", "contrast": "contrast",
             "gamma": "gamma1", "opacity": "opacity"}
    for k, v in pars.items():
        setattr(lv.par, names[k], v)
    want = _level(r.numpyArray().astype(np.float64), **pars)
    assert np.abs(lv.numpyArray() - want).max() < 1e-4


def test_level_needs_an_input_and_a_positive_gamma(net):
    lv = net.create(td.levelTOP, "level1")
    with pytest.raises(td.tdError, match="level1: it needs an input TOP"):
        lv.numpyArray()
    assert "needs an input" in lv.errors()
    lv.inputConnectors[0].connect(_constant(net, (1, 1, 1, 1)))
    with pytest.raises(ValueError):
        lv.par.gamma1 = -1.0
    lv.par.gamma1.expr = "0.0"
    with pytest.raises(td.tdError, match="gamma1 must be > 0"):
        lv.numpyArray()


# ---- compositeTOP ----

def _ops():
    return {
        "add": lambda a, b: a + b,
        "subtract": lambda a, b: a - b,
        "multiply": lambda a, b: a * b,
        "divide": lambda a, b: a / b,
        "average": lambda a, b: (a + b) / 2,
        "maximum": np.maximum,
        "minimum": np.minimum,
        "screen": lambda a, b: 1 - (1 - a) * (1 - b),
        "difference": lambda a, b: np.concatenate([np.abs(a[..., :3] - b[..., :3]), np.ones_like(a[..., 3:])], -1),
        "over": lambda a, b: b + a * (1 - b[..., 3:]),
        "under": lambda a, b: a + b * (1 - a[..., 3:]),
        "inside": lambda a, b: b * a[..., 3:],
        "outside": lambda a, b: b * (1 - a[..., 3:]),
        "atop": lambda a, b: b * a[..., 3:] + a * (1 - b[..., 3:]),
        "xor": lambda a, b: b * (1 - a[..., 3:]) + a * (1 - b[..., 3:]),
    }


@pytest.mark.parametrize("operand", sorted(_ops()))
def test_composite_operation(net, operand):
    a = _lit_sphere(net, "ra", bg=(0.2, 0.1, 0.05, 1.0))
    b = _lit_sphere(net, "rb", bg=(0.3, 0.6, 0.9, 0.5))
    b.op("rb_light").par.tx = -3.0  # lit from the other side
    a.op("ra_geo").par.tx = 0.4
    comp = net.create(td.compositeTOP)
    comp.inputConnectors[0].connect(a)
    comp.inputConnectors[1].connect(b)
    comp.par.operand = operand
    ia, ib = a.numpyArray().astype(np.float64), b.numpyArray().astype(np.float64)
    want = _ops()[operand](ia, ib + (1e-3 if operand == "divide" else 0.0))
    if operand == "divide":
        comp.inputConnectors[1].connect(_constant(net, (0.5, 0.25, 0.8, 0.5)))
        want = ia / np.array([0.5, 0.25, 0.8, 0.5])
    got = comp.numpyArray()
    assert got.shape == (H, W, 4) and comp.pixelFormatName == "rgba32float"
    assert np.abs(got - want).max() < 1e-4


def test_composite_folds_inputs_in_order_and_swaps(net):
    cols = [(0.6, 0.0, 0.0, 0.6), (0.0, 0.3, 0.0, 0.3), (0.0, 0.0, 0.8, 0.8)]  # premultiplied
    comp = net.create(td.compositeTOP)
    for i, c in enumerate(cols):
        comp.inputConnectors[i].connect(_constant(net, c))
    over = _ops()["over"]
    stack = [np.array(c) for c in cols]
    want = over(over(stack[0], stack[1]), stack[2])
    assert np.allclose(comp.numpyArray()[0, 0], want, atol=1e-6)
    comp.par.swaporder = True
    want = over(over(stack[2], stack[1]), stack[0])
    assert np.allclose(comp.numpyArray()[0, 0], want, atol=1e-6)
    comp.par.operand = "subtract"
    comp.par.swaporder = False
    assert np.allclose(comp.numpyArray()[0, 0], stack[0] - stack[1] - stack[2], atol=1e-6)


def test_composite_takes_input_zeros_size(net):
    comp = net.create(td.compositeTOP)
    small = _constant(net, (1, 0, 0, 1))
    small.par.resolutionw, small.par.resolutionh = 8, 4
    comp.inputConnectors[0].connect(small)
    comp.inputConnectors[1].connect(_lit_sphere(net))
    assert (comp.width, comp.height) == (8, 4)


# ---- chains ----

def test_chain_recooks_only_what_changed(net):
    r = _lit_sphere(net)
    lv = net.create(td.levelTOP)
    lv.inputConnectors[0].connect(r)
    n = net.create(td.nullTOP)
    n.inputConnectors[0].connect(lv)
    first = n.numpyArray()
    cooks = (r.totalCooks, lv.totalCooks, n.totalCooks)
    n.numpyArray()
    assert (r.totalCooks, lv.totalCooks, n.totalCooks) == cooks  # nothing changed: nothing cooks
    lv.par.brightness1 = 0.5
    got = n.numpyArray()
    assert (r.totalCooks, lv.totalCooks, n.totalCooks) == (cooks[0], cooks[1] + 1, cooks[2] + 1)
    assert np.allclose(got, _level(first.astype(np.float64), bright=0.5), atol=1e-4)
    r.op("render1_light").par.tx = -3.0
    n.numpyArray()
    assert (r.totalCooks, lv.totalCooks, n.totalCooks) == (cooks[0] + 1, cooks[1] + 2, cooks[2] + 2)


def test_a_render_reads_a_chain_as_its_colormap(net):
    c = _constant(net, (0.25, 0.5, 1.0, 1.0), fmt="rgba8fixed")
    lv = net.create(td.levelTOP)
    lv.inputConnectors[0].connect(c)
    lv.par.brightness1 = 0.5
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    mat = net.create(td.constantMAT)
    mat.par.colormap = lv
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = 32, 32
    centre = r.numpyArray()[16, 16]
    want = np.round(np.array([0.125, 0.25, 0.5, 1.0]) * 255) / 255  # the level's 8-bit image
    assert np.abs(centre - want).max() <= 1 / 255 + 1e-6


def test_bad_inputs(net):
    comp = net.create(td.compositeTOP, "comp1")
    with pytest.raises(td.tdError, match="comp1: it needs an input TOP"):
        comp.numpyArray()
    lv = net.create(td.levelTOP, "lv")
    n = net.create(td.nullTOP, "n")
    lv.inputConnectors[0].connect(n)
    with pytest.raises(ValueError, match="cycle"):
        n.inputConnectors[0].connect(lv)
    with pytest.raises(td.tdError, match="n: it needs an input TOP"):
        lv.numpyArray()  # the input's own error, raised through the reader
    with pytest.raises(ValueError, match="families differ"):
        n.inputConnectors[0].connect(net.create(td.geometryCOMP, "geo1"))


# ---- npasses ----

def test_npasses_feed_back_into_input_zero(net):
    r = _lit_sphere(net)
    lv = net.create(td.levelTOP)
    lv.inputConnectors[0].connect(r)
    lv.par.brightness1 = 0.5
    lv.par.npasses = 3
    src = r.numpyArray().astype(np.float64)
    want = _level(_level(_level(src, bright=0.5), bright=0.5), bright=0.5)
    assert np.abs(lv.numpyArray() - want).max() < 1e-5
    comp = net.create(td.compositeTOP)
    comp.inputConnectors[0].connect(r)
    comp.inputConnectors[1].connect(_constant(net, (0.1, 0.2, 0.3, 0.0)))
    comp.par.operand = "add"
    comp.par.npasses = 4  # input 0 is the last pass; input 1 stays
    want = src + 4 * np.array([0.1, 0.2, 0.3, 0.0])
    assert np.abs(comp.numpyArray() - want).max() < 1e-5


# ---- the TOP API and flags on image TOPs ----

def test_whole_top_api_on_an_image_top(net, tmp_path):
    c = _constant(net, (0.2, 0.4, 0.6, 1.0), fmt="rgba8fixed")
    lv = net.create(td.levelTOP)
    lv.inputConnectors[0].connect(c)
    lv.par.brightness1 = 1.3  # no result falls half-way between two 8-bit steps
    want = np.round(np.array([0.2, 0.4, 0.6, 1.0]) * 255) / 255 * np.array([1.3, 1.3, 1.3, 1.0])
    want = np.round(np.clip(want, 0, 1) * 255) / 255
    assert np.allclose(lv.sample(x=3, y=4), want, atol=1e-6)
    assert lv.numpyArray(delayed=True) is None  # the first delayed read starts one: nothing yet
    arr = lv.numpyArray(delayed=True)
    assert arr is not None and np.allclose(arr[0, 0], want, atol=1e-6)
    path = tmp_path / "level.png"
    lv.save(str(path))
    assert path.stat().st_size > 0
    data = lv.saveByteArray(".png")
    assert bytes(data[:8]) == b"\x89PNG\r\n\x1a\n"


def test_bypass_passes_input_zero_through(net):
    r = _lit_sphere(net)
    lv = net.create(td.levelTOP)
    lv.inputConnectors[0].connect(r)
    lv.par.brightness1 = 0.25
    lv.par.outputresolution = "half"
    lv.bypass = True
    got = lv.numpyArray()
    assert np.array_equal(got, r.numpyArray()) and (lv.width, lv.height) == (W, H)
    lv.bypass = False
    assert lv.numpyArray().shape == (H // 2, W // 2, 4)


def test_chanmask_keeps_input_zeros_other_channels(net):
    r = _lit_sphere(net)
    lv = net.create(td.levelTOP)
    lv.inputConnectors[0].connect(r)
    lv.par.brightness1, lv.par.opacity = 0.5, 0.5
    lv.par.chanmask = 1 | 8  # R and A from the level, G and B the input's
    src = r.numpyArray().astype(np.float64)
    want = _level(src, bright=0.5, opacity=0.5)
    want[..., 1:3] = src[..., 1:3]
    assert np.abs(lv.numpyArray() - want).max() < 1e-5
    c = _constant(net, (0.2, 0.4, 0.6, 0.8))
    c.par.chanmask = 2  # a generator: the other channels are zero
    assert np.allclose(c.numpyArray()[0, 0], [0.0, 0.4, 0.0, 0.0], atol=1e-6)
