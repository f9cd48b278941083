"""noiseSOP: keeps its input's counts, moves points along their normals by at most |offset| + amp
(its formula), deterministically; the other attributes; errors. Points are read through a
soptoCHOP (positions and normals as channels)."""
import numpy as np
import pytest

import td_render as td


def points(net, sop):
    """(P, N) of sop's points as (n, 3) arrays, read with a soptoCHOP."""
    s = net.create(td.soptoCHOP)
    s.par.sop = sop.path
    s.par.normal = True
    a = s.numpyArray().astype(np.float64)
    s.destroy()
    return a[0:3].T, a[3:6].T


def attr(net, sop, **toggles):
    s = net.create(td.soptoCHOP)
    s.par.sop = sop.path
    s.par.position = False
    for k, v in toggles.items():
        setattr(s.par, k, v)
    a = s.numpyArray().astype(np.float64)
    s.destroy()
    return a


@pytest.fixture
def geo(net):
    return net.create(td.geometryCOMP)


def noisy(geo, src, **pars):
    n = geo.create(td.noiseSOP)
    n.setInputs([src])
    for k, v in pars.items():
        setattr(n.par, k, v)
    return n


@pytest.mark.parametrize("amp,offset", [(1, 0), (0.3, 0.2), (2, -0.5)])
def test_points_move_along_normals_within_the_amplitude(net, geo, amp, offset):
    sphere = geo.create(td.sphereSOP)
    n = noisy(geo, sphere, amp=amp, offset=offset, period=0.7, harmon=3)
    assert (n.numPoints, n.numPrims, n.numVertices) == (sphere.numPoints, sphere.numPrims, sphere.numVertices)
    p0, n0 = points(net, sphere)
    p1, _ = points(net, n)
    d = p1 - p0
    along = np.einsum("ij,ij->i", d, n0)  # the signed distance moved along the input normal
    assert np.all(np.abs(along - offset) <= amp + 1e-5)  # |n - offset| <= amp
    np.testing.assert_allclose(d, along[:, None] * n0, atol=1e-5)  # and only along it
    assert np.ptp(along) > 0.01 * amp


def test_deterministic_and_seeded(net, geo):
    box = geo.create(td.boxSOP)
    a = points(net, noisy(geo, box, seed=5))[0]
    b = points(net, noisy(geo, box, seed=5))[0]
    c = points(net, noisy(geo, box, seed=6))[0]
    assert np.array_equal(a, b) and not np.allclose(a, c)


def test_zero_amplitude_keeps_positions_and_recomputes_normals(net, geo):
    sphere = geo.create(td.sphereSOP)
    n = noisy(geo, sphere, amp=0)
    p0, n0 = points(net, sphere)
    p1, n1 = points(net, n)
    assert np.array_equal(p0, p1)
    # the recomputed normals are unit and close to the sphere's smooth ones
    assert np.allclose(np.linalg.norm(n1, axis=1), 1, atol=1e-5)
    assert np.min(np.einsum("ij,ij->i", n0, n1)) > 0.9


def test_transform_moves_the_noise_space(net, geo):
    box = geo.create(td.boxSOP)
    base = points(net, noisy(geo, box))[0]
    moved = points(net, noisy(geo, box, tx=0.37))[0]
    assert not np.allclose(base, moved)
    # translating the input by t and the noise space by -t gives the same displacement
    shifted = geo.create(td.boxSOP)
    shifted.par.tx = 0.37
    d0 = points(net, noisy(geo, box))[0] - points(net, box)[0]
    d1 = points(net, noisy(geo, shifted, tx=-0.37))[0] - points(net, shifted)[0]
    np.testing.assert_allclose(d0, d1, atol=1e-5)


def test_colour_alpha_uv_attributes(net, geo):
    box = geo.create(td.boxSOP)
    cd = attr(net, noisy(geo, box, attribute="cd", amp=0.25), colorrgb=True, coloralpha=True)
    assert np.all(np.abs(cd[0:3] - 1) <= 0.25 + 1e-6) and np.all(cd[3] == 1)  # white plus noise, alpha kept
    assert not np.allclose(cd[0], cd[1])  # each component its own seed
    al = attr(net, noisy(geo, box, attribute="alpha", amp=0.1, offset=-0.5), coloralpha=True)
    assert np.all(np.abs(al[0] - 0.5) <= 0.1 + 1e-6)
    uv0 = attr(net, box, textureuv=True, texturew=True)
    uv1 = attr(net, noisy(geo, box, attribute="uv", amp=0.2), textureuv=True, texturew=True)
    assert np.all(np.abs(uv1[0:2] - uv0[0:2]) <= 0.2 + 1e-6) and np.array_equal(uv1[2], uv0[2])
    p0 = points(net, box)[0]
    nrm = noisy(geo, box, attribute="n", amp=0.5)
    p1, n1 = points(net, nrm)
    assert np.array_equal(p0, p1) and np.allclose(np.linalg.norm(n1, axis=1), 1, atol=1e-5)


def test_errors(net, geo):
    n = geo.create(td.noiseSOP)
    with pytest.raises(td.tdError, match=n.path + ": .*needs an input"):
        n.numPoints
    assert "needs an input" in n.errors()
    n.setInputs([geo.create(td.boxSOP)])
    n.par.period = 0
    with pytest.raises(td.tdError, match="period"):
        n.numPoints
    n.par.period = 1
    assert n.numPoints == 24
    with pytest.raises(ValueError):
        n.par.harmon = 33
    with pytest.raises(ValueError):
        n.par.exp = -1
    n.bypass = True
    assert n.numPoints == 24


def test_extreme_values_saturate(net, geo):
    n = noisy(geo, geo.create(td.boxSOP), amp=1e300, period=1e-300, tx=1e300)
    p, _ = points(net, n)
    assert n.numPoints == 24 and not np.any(np.isnan(p))
