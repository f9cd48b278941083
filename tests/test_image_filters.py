"""flipTOP, transformTOP, resolutionTOP, blurTOP: each output pixel against its formula applied in
NumPy to the input's own image (read back as float32)."""
import numpy as np
import pytest

import td_render as td

W, H = 24, 16


def _source(net, shape=(H, W, 4)):
    """A scriptTOP holding random float32 pixels: every texel distinct."""
    s = net.create(td.scriptTOP)
    a = np.random.default_rng(3).uniform(0, 1, shape).astype(np.float32)
    s.copyNumpyArray(a)
    return s, a


def _wire(net, cls, src):
    t = net.create(cls)
    t.inputConnectors[0].connect(src)
    return t


@pytest.mark.parametrize("fx,fy", [(0, 0), (1, 0), (0, 1), (1, 1)])
def test_flip(net, fx, fy):
    s, a = _source(net)
    f = _wire(net, td.flipTOP, s)
    f.par.flipx, f.par.flipy = fx, fy
    want = a[:, ::-1] if fx else a
    want = want[::-1] if fy else want
    assert np.array_equal(f.numpyArray(), want)


def _transform_ref(a, tx=0.0, ty=0.0, rot=0.0, sx=1.0, sy=1.0, px=0.5, py=0.5):
    """Nearest-texel reference of transformTOP's mapping (extend 'zero')."""
    h, w = a.shape[:2]
    size = np.array([w, h], float)
    ys, xs = np.mgrid[0:h, 0:w]
    q = np.stack([xs + 0.5, ys + 0.5], -1) - 0.5 * size
    piv = (np.array([px, py]) - 0.5) * size
    d = q - piv - np.array([tx, ty]) * size
    c, s_ = np.cos(np.radians(rot)), np.sin(np.radians(rot))
    d = np.stack([c * d[..., 0] + s_ * d[..., 1], -s_ * d[..., 0] + c * d[..., 1]], -1)
    d = d / np.array([sx, sy])
    uv = (d + piv) / size + 0.5
    tex = np.floor(uv * size).astype(int)
    inside = (uv >= 0).all(-1) & (uv <= 1).all(-1)
    tx_, ty_ = np.clip(tex[..., 0], 0, w - 1), np.clip(tex[..., 1], 0, h - 1)
    out = a[ty_, tx_]
    out[~inside] = 0
    return out, uv * size


@pytest.mark.parametrize("pars", [
    {"tx": 0.25}, {"ty": -0.125}, {"sx": 2.0, "sy": 0.4}, {"rot": 90.0}, {"rot": 30.0, "px": 0.25, "py": 0.75},
    {"tx": 0.1, "ty": 0.2, "rot": -45.0, "sx": 1.5, "sy": 1.25},
])
def test_transform(net, pars):
    s, a = _source(net)
    t = _wire(net, td.transformTOP, s)
    t.par.inputfiltertype = "nearest"
    names = {"tx": "tx", "ty": "ty", "rot": "rotate", "sx": "sx", "sy": "sy", "px": "px", "py": "py"}
    for k, v in pars.items():
        setattr(t.par, names[k], v)
    want, coords = _transform_ref(a, **pars)
    got = t.numpyArray()
    # pixels whose source lands within 1e-3 of a texel edge may round either way on the GPU
    frac = coords - np.floor(coords)
    safe = ((frac > 1e-3) & (frac < 1 - 1e-3)).all(-1)
    assert safe.mean() > 0.5
    assert np.array_equal(got[safe], want[safe])


def test_transform_extend_modes(net):
    s, a = _source(net)
    t = _wire(net, td.transformTOP, s)
    t.par.inputfiltertype = "nearest"
    t.par.tx = 0.5  # the left half of the output reads u in -0.5..0
    t.par.extend = "zero"
    assert not t.numpyArray()[:, : W // 2].any()
    t.par.extend = "hold"
    assert np.array_equal(t.numpyArray()[:, 1], a[:, 0])
    t.par.extend = "repeat"
    assert np.array_equal(t.numpyArray()[:, : W // 2], a[:, W // 2:])
    t.par.extend = "mirror"
    assert np.array_equal(t.numpyArray()[:, : W // 2], a[:, : W // 2][:, ::-1])


def test_resolution_high_quality_box_filter(net):
    s, a = _source(net, (H, W, 4))
    r = _wire(net, td.resolutionTOP, s)
    r.par.outputresolution = "quarter"  # 6 x 4: each pixel covers 4 x 4 texels exactly
    r.par.highqualresize = True
    want = a.reshape(H // 4, 4, W // 4, 4, 4).mean(axis=(1, 3))
    assert np.abs(r.numpyArray() - want).max() < 1e-5
    r.par.outputresolution = "custom"
    r.par.resolutionw, r.par.resolutionh = 10, 7  # footprints of 2.4 x 2.29 texels, weighted by cover
    got = r.numpyArray()
    ratio = np.array([W / 10, H / 7])
    want = np.zeros((7, 10, 4))
    for y in range(7):
        for x in range(10):
            lo, hi = np.array([x, y]) * ratio, np.array([x + 1, y + 1]) * ratio
            acc, wsum = 0, 0
            for ty in range(int(lo[1]), int(np.ceil(hi[1]))):
                for tx in range(int(lo[0]), int(np.ceil(hi[0]))):
                    cw = max(0, min(tx + 1, hi[0]) - max(tx, lo[0])) * max(0, min(ty + 1, hi[1]) - max(ty, lo[1]))
                    acc, wsum = acc + cw * a[ty, tx], wsum + cw
            want[y, x] = acc / wsum
    assert np.abs(got - want).max() < 1e-4
    r.par.highqualresize = False  # plain: one bilinear sample
    assert np.abs(r.numpyArray() - want).max() > 1e-3


def _blur_ref(a, size, kind="gaussian", extend="hold"):
    r = int(np.floor(size))
    k = np.arange(-r, r + 1)
    w = np.exp(-k.astype(float) ** 2 / (2 * (size / 3) ** 2)) if kind == "gaussian" else np.ones(len(k))
    w = w / w.sum()
    mode = {"hold": "edge", "zero": "constant", "repeat": "wrap", "mirror": "symmetric"}[extend]
    p = np.pad(a, ((0, 0), (r, r), (0, 0)), mode=mode)
    h = sum(w[i] * p[:, i: i + a.shape[1]] for i in range(len(k)))
    p = np.pad(h, ((r, r), (0, 0), (0, 0)), mode=mode)
    return sum(w[i] * p[i: i + a.shape[0]] for i in range(len(k)))


@pytest.mark.parametrize("size,kind,extend", [(3, "gaussian", "hold"), (5.5, "gaussian", "zero"), (2, "box", "hold"),
                                              (4, "box", "repeat"), (3, "gaussian", "mirror")])
def test_blur_separable(net, size, kind, extend):
    s, a = _source(net)
    b = _wire(net, td.blurTOP, s)
    b.par.size, b.par.type, b.par.extend = size, kind, extend
    want = _blur_ref(a.astype(np.float64), size, kind, extend)
    assert np.abs(b.numpyArray() - want).max() < 1e-5


def test_blur_npasses_repeat_it(net):
    s, a = _source(net)
    b = _wire(net, td.blurTOP, s)
    b.par.size, b.par.npasses = 2, 2
    want = _blur_ref(_blur_ref(a.astype(np.float64), 2), 2)
    assert np.abs(b.numpyArray() - want).max() < 1e-5


def test_bad_transform_scale(net):
    s, _ = _source(net)
    t = _wire(net, td.transformTOP, s, )
    t.name = "xf"
    t.par.sx = 0.0
    with pytest.raises(td.tdError, match="xf: sx and sy must not be 0"):
        t.numpyArray()


def test_select_in_out_pass_images_on(net):
    s, a = _source(net)
    sel = net.create(td.selectTOP, "sel")
    sel.par.top = s.name
    assert np.array_equal(sel.numpyArray(), a)
    sub = net.create(td.baseCOMP, "sub")
    far = sub.create(td.selectTOP)
    far.par.top = "../" + s.name  # relative to its own network
    i = sub.create(td.inTOP)
    i.inputConnectors[0].connect(far)
    o = sub.create(td.outTOP)
    o.inputConnectors[0].connect(i)
    assert np.array_equal(o.numpyArray(), a)
    sel.par.top = "nothere"
    with pytest.raises(td.tdError, match="sel: 'nothere' names no operator"):
        sel.numpyArray()
    sel.par.top = sub.name
    with pytest.raises(td.tdError, match="is not a TOP"):
        sel.numpyArray()
