"""sample(): one texel, pixel or normalised coordinates, equal to numpyArray()'s texel."""
import math

import numpy as np
import pytest

import td_render as td


@pytest.fixture
def gradient(sphere_scene):
    r = sphere_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 64, 48
    return r


def test_sample_equals_numpyarray_texel(gradient):
    a = gradient.numpyArray()
    for x, y in [(0, 0), (32, 24), (40, 20), (63, 47), (10, 30)]:
        assert gradient.sample(x=x, y=y) == tuple(float(c) for c in a[y, x])


def test_normalised_and_mixed_coordinates(gradient):
    a = gradient.numpyArray()
    assert gradient.sample(u=0.5, v=0.5) == tuple(float(c) for c in a[24, 32])
    assert gradient.sample(x=25, v=0.5) == tuple(float(c) for c in a[24, 25])
    assert gradient.sample(u=1.0, y=0) == tuple(float(c) for c in a[0, 63])  # u=1 is the last column
    assert gradient.sample(x=31.9, y=23.5) == tuple(float(c) for c in a[23, 31])  # floor
    assert gradient.sample(25, 30) == tuple(float(c) for c in a[30, 25])  # positional x, y


@pytest.mark.parametrize("token", ["mono16float", "rg32float", "a8fixed", "monoalpha16fixed", "rgb32float"])
def test_sample_expands_channels(gradient, token):
    gradient.par.format = token
    a = gradient.numpyArray()
    s = gradient.sample(x=32, y=24)
    t = [float(c) for c in a[24, 32]]
    expected = {"mono16float": lambda: [t[0], t[0], t[0], 1.0], "rg32float": lambda: [t[0], t[1], 0.0, 1.0],
                "a8fixed": lambda: [0.0, 0.0, 0.0, t[0]], "monoalpha16fixed": lambda: [t[0], t[0], t[0], t[1]],
                "rgb32float": lambda: t + [1.0]}[token]()
    assert list(s) == expected


def test_sample_sees_changes_and_does_not_rerender(gradient, sphere_scene):
    before = gradient.sample(x=32, y=24)
    cooks = gradient.totalCooks
    gradient.sample(x=1, y=1)
    assert gradient.totalCooks == cooks
    sphere_scene["mat"].par.diffr = 0.0
    after = gradient.sample(x=32, y=24)
    assert after[0] < before[0] and gradient.totalCooks == cooks + 1


@pytest.mark.parametrize("kwargs,name", [
    (dict(y=1), "x"), (dict(x=1), "y"), (dict(), "x"), (dict(x=64, y=0), "x"), (dict(x=-1, y=0), "x"),
    (dict(x=0, y=48), "y"), (dict(u=1.01, y=0), "u"), (dict(u=-0.01, y=0), "u"), (dict(x=0, v=2), "v"),
    (dict(x=math.nan, y=0), "x"), (dict(x=0, y=math.inf), "y"), (dict(u=math.nan, y=0), "u"),
    (dict(x=1, u=0.5, y=0), "x"), (dict(x=1, y=1, z=1), "z"), (dict(x=1, y=1, w=1.5), "w"),
    (dict(x=10**30, y=0), "x"),
])
def test_bad_coordinates_name_the_argument(gradient, kwargs, name):
    with pytest.raises(ValueError, match=name):
        gradient.sample(**kwargs)


@pytest.mark.parametrize("value", ["1", None, [1], object()])
def test_wrong_coordinate_types(gradient, value):
    if value is None:
        with pytest.raises(ValueError):
            gradient.sample(x=value, y=0)
    else:
        with pytest.raises(TypeError):
            gradient.sample(x=value, y=0)


def test_depth_coordinates_of_a_2d_top(gradient):
    a = gradient.numpyArray()
    assert gradient.sample(x=3, y=4, z=0) == tuple(float(c) for c in a[4, 3])
    assert gradient.sample(x=3, y=4, w=0.7) == tuple(float(c) for c in a[4, 3])


def test_sample_of_failing_cook_raises_tderror(net):
    r = net.create(td.renderTOP)
    r.par.camera = "none"
    with pytest.raises(td.tdError, match="none"):
        r.sample(x=0, y=0)
