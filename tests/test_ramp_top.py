"""rampTOP: values at known uv against the keys' piecewise-linear formula, per type, phase, period
and extend, with keys from a table DAT (TouchDesigner's pos r g b a header) or the default."""
import numpy as np
import pytest

import td_render as td

W, H = 40, 30


def _ramp(net, **pars):
    r = net.create(td.rampTOP, "ramp1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    for k, v in pars.items():
        setattr(r.par, k, v)
    return r


def _interp(t, pos, cols):
    t = np.asarray(t, float)
    return np.stack([np.interp(t, pos, cols[:, c]) for c in range(4)], -1)


def _t(kind):
    ys, xs = np.mgrid[0:H, 0:W] + 0.5
    c = np.stack([xs - W / 2, ys - H / 2], -1) / (H / 2)
    return {"horizontal": xs / W, "vertical": ys / H, "radial": np.hypot(c[..., 0], c[..., 1]),
            "circular": np.mod(np.arctan2(c[..., 1], c[..., 0]) / (2 * np.pi), 1.0)}[kind]


@pytest.mark.parametrize("kind", ["horizontal", "vertical", "radial", "circular"])
def test_default_keys_black_to_white(net, kind):
    r = _ramp(net, type=kind)
    want = _interp(np.clip(_t(kind), 0, 1), [0, 1], np.array([[0, 0, 0, 1], [1, 1, 1, 1.0]]))
    got = r.numpyArray()
    if kind == "circular":  # the seam at angle 0 may fall either side on the centre row
        ok = np.abs(_t(kind) - 0.5) < 0.49
        assert np.abs(got - want)[ok].max() < 1e-4
    else:
        assert np.abs(got - want).max() < 1e-4


def test_keys_from_a_table_dat_with_phase_and_period(net):
    keys = net.create(td.tableDAT, "ramp1_keys")
    keys.clear()
    keys.appendRow(["pos", "r", "g", "b", "a"])
    rows = [(0.6, 0, 1, 0, 1), (0.1, 1, 0, 0, 0.5), (0.9, 0, 0, 1, 1)]  # unsorted on purpose
    for row in rows:
        keys.appendRow(list(row))
    r = _ramp(net, dat="ramp1_keys", phase=0.1, period=2.0)
    srt = np.array(sorted(rows))
    t = np.clip(_t("horizontal") / 2.0 + 0.1, 0, 1)
    assert np.abs(r.numpyArray() - _interp(t, srt[:, 0], srt[:, 1:])).max() < 1e-4
    keys[1, "r"] = 0.25  # the first key row, pos 0.6; a change to the DAT re-cooks the ramp
    srt[1, 1] = 0.25
    assert np.abs(r.numpyArray() - _interp(t, srt[:, 0], srt[:, 1:])).max() < 1e-4


@pytest.mark.parametrize("extend", ["hold", "zero", "repeat", "mirror"])
def test_extend(net, extend):
    r = _ramp(net, period=0.5, extend=extend)  # t runs 0..2 across the image
    t = _t("horizontal") / 0.5
    cols = np.array([[0, 0, 0, 1], [1, 1, 1, 1.0]])
    if extend == "hold":
        want = _interp(np.clip(t, 0, 1), [0, 1], cols)
    elif extend == "zero":
        want = np.where((t > 1)[..., None], 0.0, _interp(t, [0, 1], cols))
    elif extend == "repeat":
        want = _interp(np.mod(t, 1), [0, 1], cols)
    else:
        want = _interp(1 - np.abs(np.mod(t, 2) - 1), [0, 1], cols)
    assert np.abs(r.numpyArray() - want).max() < 1e-4


def test_headerless_keys_and_bad_keys(net):
    keys = net.create(td.tableDAT, "k")
    keys.clear()
    keys.appendRow([0, 0, 0, 0])
    keys.appendRow([1, 0, 0.5, 1])  # no alpha column: 1
    r = _ramp(net, dat="k")
    got = r.numpyArray()[0, W - 1]
    assert np.allclose(got, [0, 0.5 * (W - 0.5) / W, (W - 0.5) / W, 1.0], atol=1e-5)
    keys[0, 1] = "abc"
    with pytest.raises(td.tdError, match="ramp1: its keys' row 0, column 1 is not a number"):
        r.numpyArray()
    r.par.dat = "nothere"
    with pytest.raises(td.tdError, match="names no operator"):
        r.numpyArray()
    t = net.create(td.textDAT, "t")
    r.par.dat = "t"
    with pytest.raises(td.tdError, match="is not a table DAT"):
        r.numpyArray()
    r.par.dat = ""
    r.par.period = 0
    with pytest.raises(td.tdError, match="period must not be 0"):
        r.numpyArray()
