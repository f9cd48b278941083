"""noiseTOP: deterministic for a seed; its documented formula checked by combining images of the
same noise (octaves against single-octave images at the octave's period, the exponent against
exponent 1, translation against a shift of pixels), and the value distributions' bounds."""
import numpy as np
import pytest

import td_render as td

W, H = 64, 48


def _noise(net, **pars):
    n = net.create(td.noiseTOP)
    n.par.resolutionw, n.par.resolutionh = W, H
    n.par.format = "rgba32float"
    for k, v in pars.items():
        setattr(n.par, k, v)
    return n


TYPES = ["random", "hermite", "simplex2d", "simplex3d"]


@pytest.mark.parametrize("kind", TYPES)
def test_same_seed_same_image_other_seed_other_image(net, kind):
    a = _noise(net, type=kind, seed=3).numpyArray()
    assert np.array_equal(a, _noise(net, type=kind, seed=3).numpyArray())
    b = _noise(net, type=kind, seed=4).numpyArray()
    assert np.abs(a - b).mean() > 0.02
    assert np.all(a[..., 3] == 1.0)


@pytest.mark.parametrize("kind", TYPES)
def test_values_stay_within_offset_plus_minus_amp(net, kind):
    a = _noise(net, type=kind, amp=0.3, offset=0.6, harmon=3).numpyArray()[..., 0]
    assert a.min() >= 0.6 - 0.3 - 1e-6 and a.max() <= 0.6 + 0.3 + 1e-6
    assert a.std() > 0.01  # not flat


def test_mono_and_colour(net):
    mono = _noise(net).numpyArray()
    assert np.array_equal(mono[..., 0], mono[..., 1]) and np.array_equal(mono[..., 0], mono[..., 2])
    col = _noise(net, mono=False, seed=5).numpyArray()
    assert np.abs(col[..., 0] - col[..., 1]).mean() > 0.02
    # channel c uses seed + c: the green of seed 5 is the red of seed 6
    assert np.array_equal(col[..., 1], _noise(net, seed=6).numpyArray()[..., 0])


def test_random_is_uniform(net):
    n = _noise(net, type="random", harmon=0)
    n.par.resolutionw, n.par.resolutionh = 256, 256
    v = n.numpyArray()[..., 0].ravel()  # offset 0.5 + amp 0.5 * (2u - 1) = u
    assert abs(v.mean() - 0.5) < 0.01 and abs(v.var() - 1 / 12) < 0.004
    hist = np.histogram(v, bins=10, range=(0, 1))[0] / v.size
    assert np.abs(hist - 0.1).max() < 0.01


@pytest.mark.parametrize("kind", ["hermite", "simplex2d", "simplex3d"])
def test_octaves_are_the_weighted_mean_of_single_octaves(net, kind):
    base = dict(type=kind, amp=1.0, offset=0.0, period=0.5, harmon=0)
    a = _noise(net, **base).numpyArray()[..., 0].astype(np.float64)
    b = _noise(net, **dict(base, period=0.25)).numpyArray()[..., 0]  # p * 2: spread 2
    g = 0.6
    both = _noise(net, **dict(base, harmon=1, gain=g)).numpyArray()[..., 0]
    assert np.abs(both - (a + g * b) / (1 + g)).max() < 1e-5


def test_exponent(net):
    lin = _noise(net, type="hermite", exp=1.0, amp=0.5, offset=0.25).numpyArray()[..., 0].astype(np.float64)
    f = (lin - 0.25) / 0.5
    sq = _noise(net, type="hermite", exp=2.0, amp=0.5, offset=0.25).numpyArray()[..., 0]
    assert np.abs(sq - (0.25 + 0.5 * np.sign(f) * f ** 2)).max() < 1e-5


@pytest.mark.parametrize("kind", ["hermite", "simplex3d"])
def test_translate_shifts_the_image(net, kind):
    a = _noise(net, type=kind).numpyArray()
    b = _noise(net, type=kind, tx=8 / H, ty=-4 / H).numpyArray()  # 8 pixels left, 4 up
    assert np.abs(b[4:, : W - 8] - a[: H - 4, 8:]).max() < 1e-3
    c = _noise(net, type=kind, tz=0.37).numpyArray()
    assert np.abs(c - a).mean() > 0.01


def test_period_zero_is_an_error(net):
    n = _noise(net, period=0.0)
    with pytest.raises(td.tdError, match="period must not be 0"):
        n.numpyArray()
    assert "period" in n.errors()
