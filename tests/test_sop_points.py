"""sop.points / sop.prims on the generators: boxSOP's and sphereSOP's points and primitives against
their documented layouts (src/geom/box.c, sphere.c) computed here; Prim's center, min, max, size,
normal and direction from their definitions; pointArray(); Points and Prims as sequences; a
cooked SOP's points are read only and stay valid (reading that cook) whatever happens later."""
import math

import numpy as np
import pytest

import td_render as td

# box.c: per face the outward normal, then the directions u and v grow in; corners (u, v) CCW
FACES = [((1, 0, 0), (0, 0, -1), (0, 1, 0)), ((-1, 0, 0), (0, 0, 1), (0, 1, 0)),
         ((0, 1, 0), (1, 0, 0), (0, 0, -1)), ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
         ((0, 0, 1), (1, 0, 0), (0, 1, 0)), ((0, 0, -1), (-1, 0, 0), (0, 1, 0))]
CORNERS = [(0, 0), (1, 0), (1, 1), (0, 1)]


def _box_layout(center, size, scale):
    half = np.array(size, float) * scale / 2
    P, N, uv = [], [], []
    for n, fu, fv in FACES:
        for u, v in CORNERS:
            su, sv = 2 * u - 1, 2 * v - 1
            P.append(np.array(center) + (np.array(n) + su * np.array(fu) + sv * np.array(fv)) * half)
            N.append(n)
            uv.append((u, v, 0))
    return np.array(P), np.array(N, float), np.array(uv, float)


def _box(net, center=(0.5, -1.0, 2.0), size=(1.0, 2.0, 3.0), scale=1.5):
    b = net.create(td.boxSOP)
    b.par.tx, b.par.ty, b.par.tz = center
    b.par.sizex, b.par.sizey, b.par.sizez = size
    b.par.scale = scale
    return b, _box_layout(center, size, scale)


def test_box_points_follow_the_documented_layout(net):
    b, (P, N, uv) = _box(net)
    pts = b.points
    assert len(pts) == b.numPoints == 24 and pts.owner == b
    for i, p in enumerate(pts):
        assert p.index == i and p.owner == b
        assert np.allclose(tuple(p.P), P[i], atol=1e-6)
        assert np.allclose((p.x, p.y, p.z), P[i], atol=1e-6)
        assert np.allclose(p.N, N[i]) and np.allclose(p.uv, uv[i])
    assert pts[-1].index == 23
    with pytest.raises(IndexError):
        pts[24]
    with pytest.raises(IndexError):
        pts[-25]
    with pytest.raises(AttributeError, match="Cd"):
        pts[0].Cd  # the box has no colours


def test_box_prims_are_its_six_faces(net):
    center, size, scale = (0.5, -1.0, 2.0), (1.0, 2.0, 3.0), 1.5
    b, (P, _, _) = _box(net, center, size, scale)
    prims = b.prims
    assert len(prims) == b.numPrims == 6 and prims.owner == b
    half = np.array(size) * scale / 2
    for f, prim in enumerate(prims):
        n = np.array(FACES[f][0], float)
        assert prim.index == f and prim.closed and len(prim) == 4
        assert [v.point.index for v in prim] == [4 * f + c for c in range(4)]
        assert [v.index for v in prim] == [0, 1, 2, 3] and prim[1].prim.index == f
        corners = P[4 * f:4 * f + 4]
        assert np.allclose(tuple(prim.center), corners.mean(axis=0), atol=1e-6)
        assert np.allclose(tuple(prim.center), np.array(center) + n * half, atol=1e-6)
        assert np.allclose(tuple(prim.min), corners.min(axis=0), atol=1e-6)
        assert np.allclose(tuple(prim.max), corners.max(axis=0), atol=1e-6)
        assert np.allclose(tuple(prim.size), np.ptp(corners, axis=0), atol=1e-6)
        assert np.allclose(tuple(prim.normal), n, atol=1e-6)  # CCW seen from outside
        assert np.allclose(tuple(prim.direction), n, atol=1e-6)  # the box's centroid is its center
    assert b.numVertices == 24


def test_sphere_points_and_quads(net):
    s = net.create(td.sphereSOP)
    rows, cols, c, r = 3, 5, (1.0, 2.0, -1.0), (2.0, 1.0, 0.5)
    s.par.rows, s.par.cols = rows, cols
    s.par.tx, s.par.ty, s.par.tz = c
    s.par.radx, s.par.rady, s.par.radz = r
    assert len(s.points) == (rows + 1) * (cols + 1)
    for p in s.points:
        i, j = divmod(p.index, cols + 1)
        # src/geom/sphere.c: row i from the bottom pole up, theta the angle from +y
        theta, phi = math.pi * (1 - i / rows), math.pi + 2 * math.pi * j / cols
        d = np.array([math.sin(theta) * math.sin(phi), math.cos(theta), math.sin(theta) * math.cos(phi)])
        assert np.allclose(tuple(p.P), np.array(c) + np.array(r) * d, atol=1e-5)
        n = d / np.array(r)
        assert np.allclose(p.N, n / np.linalg.norm(n), atol=1e-5)
        assert np.allclose(p.uv, (j / cols, i / rows, 0), atol=1e-6)
    assert len(s.prims) == rows * cols
    w = cols + 1
    for prim in s.prims:
        i, j = divmod(prim.index, cols)
        a = i * w + j
        # src/geom/lattice.c: (i, j) (i, j+1) (i+1, j+1) (i+1, j), counter-clockwise from outside
        assert [v.point.index for v in prim] == [a, a + 1, a + w + 1, a + w]
        ps = np.array([tuple(v.point.P) for v in prim])
        assert np.allclose(tuple(prim.center), ps.mean(axis=0), atol=1e-5)


def test_newell_normal_and_direction_of_a_sphere_band(net):
    s = net.create(td.sphereSOP)
    s.par.rows, s.par.cols = 4, 8
    for prim in s.prims:
        ps = np.array([tuple(v.point.P) for v in prim])
        # Newell's formula, written out: twice the polygon's vector area
        n = np.zeros(3)
        for k in range(len(ps)):
            a, b = ps[k], ps[(k + 1) % len(ps)]
            n += np.cross(a, b)
        n /= np.linalg.norm(n)
        assert np.allclose(tuple(prim.normal), n, atol=1e-5)
        assert np.dot(n, ps.mean(axis=0)) > 0  # outward
        centroid = np.array([tuple(p.P) for p in s.points]).mean(axis=0)
        d = ps.mean(axis=0) - centroid
        assert np.allclose(tuple(prim.direction), d / np.linalg.norm(d), atol=1e-5)


def test_point_array_is_a_copy_of_each_attribute(net):
    b, (P, N, uv) = _box(net)
    got = b.pointArray()
    assert got.dtype == np.float32 and got.shape == (24, 3)
    assert np.allclose(got, P, atol=1e-6)
    assert np.array_equal(b.pointArray("N"), N.astype(np.float32))
    assert np.array_equal(b.pointArray(attrib="uv"), uv.astype(np.float32))
    got[:] = 7  # a copy: the SOP is unchanged
    assert np.allclose(b.pointArray(), P, atol=1e-6)
    with pytest.raises(KeyError, match=r"no attribute 'Cd'.*'P', 'N', 'uv'"):
        b.pointArray("Cd")
    with pytest.raises(TypeError):
        b.pointArray(3)


def test_cooked_points_are_read_only(net):
    b, _ = _box(net)
    p = b.points[0]
    with pytest.raises(AttributeError, match="read-only"):
        p.P = (1, 2, 3)
    with pytest.raises(AttributeError, match="read-only"):
        p.x = 1.0
    with pytest.raises(AttributeError, match="read-only"):
        p.N = (0, 0, 1)
    with pytest.raises(AttributeError, match="read-only"):
        b.prims[0][0].point = 3
    with pytest.raises(AttributeError):
        p.index = 3


def test_points_read_their_cook_whatever_happens_later(net):
    b, (P, _, _) = _box(net)
    pts, p, prim = b.points, b.points[5], b.prims[2]
    b.par.sizex = 10.0  # a new cook: the old objects keep the old geometry
    assert np.allclose(tuple(p.P), P[5], atol=1e-6)
    assert np.allclose(tuple(pts[5].P), P[5], atol=1e-6)
    assert not np.allclose(tuple(b.points[5].P), P[5])
    b.destroy()  # and the SOP itself gone: still readable, never a crash
    assert np.allclose(tuple(p.P), P[5], atol=1e-6)
    assert len(pts) == 24 and len(prim) == 4 and prim[0].point.index == 8
    assert "Point(" in repr(p) and "Prim(" in repr(prim) and "Vertex(" in repr(prim[0])
    with pytest.raises(td.tdError):
        b.points


def test_types_are_not_made_from_python():
    for t in (td.Point, td.Prim, td.Vertex, td.Points, td.Prims):
        with pytest.raises(TypeError):
            t()
