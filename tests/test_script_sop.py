"""scriptSOP: onCook builds geometry with appendPoint / appendPoly (a quad and a triangle render
where their corners say, seen by an ortho camera), setGeometry (the bulk path: the same image from
arrays, every attribute round trip, and clear errors for bad arrays), copy() of an input; Points made
in onCook turn stale when it returns or clear() runs; hostile callbacks give errors on the SOP."""
import sys
import types

import numpy as np
import pytest

import td_render as td

W = H = 32
OW = 4.0  # ortho width: pixel px's centre is at x = (px + 0.5) / W * OW - OW / 2
QUAD = [(-1.5, -0.5), (-0.5, -0.5), (-0.5, 0.5), (-1.5, 0.5)]  # counter-clockwise seen from +z
TRI = [(0.25, -1.0), (1.75, -1.0), (0.25, 1.0)]


@pytest.fixture
def probe(monkeypatch):
    """A plain module the callbacks import: arguments in, counters out (storing on an OP would
    change the network)."""
    p = types.SimpleNamespace(args=(), kwargs={}, cooks=0, setups=0, kept=None)
    monkeypatch.setitem(sys.modules, "_script_sop_probe", p)
    return p


def _script(net, text, parent=None):
    parent = parent or net
    s = parent.create(td.scriptSOP, "script1")
    d = net.create(td.textDAT, "script1_callbacks")
    d.text = text
    s.par.callbacks = d.path
    return s, d


APPEND = """
def onCook(scriptOp):
    scriptOp.clear()
    quad = scriptOp.appendPoly(4)
    for i, (x, y) in enumerate(%r):
        quad[i].point.P = (x, y, 0)
    tri = scriptOp.appendPoly(3, closed=True, addPoints=False)
    for i, (x, y) in enumerate(%r):
        p = scriptOp.appendPoint()
        p.x, p.y, p.z = x, y, 0.0
        tri[i].point = p
""" % (QUAD, TRI)


def _inside(poly, x, y):
    """Is (x, y) inside the convex counter-clockwise polygon, by more than half a pixel?"""
    margin = OW / W
    for (ax, ay), (bx, by) in zip(poly, poly[1:] + poly[:1]):
        ex, ey = bx - ax, by - ay
        if (ex * (y - ay) - ey * (x - ax)) / np.hypot(ex, ey) < margin:
            return False
    return True


def _outside(poly, x, y):
    margin = OW / W
    for (ax, ay), (bx, by) in zip(poly, poly[1:] + poly[:1]):
        ex, ey = bx - ax, by - ay
        if (ex * (y - ay) - ey * (x - ax)) / np.hypot(ex, ey) < -margin:
            return True
    return False


def _render(net, geo):
    mat = net.create(td.constantMAT, "mat1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = 1.0, 0.5, 0.25
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    return r


def _check_shapes(img):
    inside = outside = 0
    for py in range(H):
        for px in range(W):
            x, y = (px + 0.5) / W * OW - OW / 2, (py + 0.5) / H * OW - OW / 2
            covered = img[py, px, 3] > 0.5
            if _inside(QUAD, x, y) or _inside(TRI, x, y):
                assert covered and np.allclose(img[py, px, :3], (1.0, 0.5, 0.25)), (px, py)
                inside += 1
            elif _outside(QUAD, x, y) and _outside(TRI, x, y):
                assert not covered, (px, py)
                outside += 1
    assert inside > 40 and outside > 500


def test_a_quad_and_a_triangle_render_where_their_points_are(net):
    geo = net.create(td.geometryCOMP, "geo1")
    s, _ = _script(net, APPEND, geo)
    assert (s.numPoints, s.numPrims, s.numVertices) == (7, 2, 7)
    assert [len(p) for p in s.prims] == [4, 3] and all(p.closed for p in s.prims)
    assert [v.point.index for v in s.prims[1]] == [4, 5, 6]
    assert np.allclose(s.pointArray()[:4, :2], QUAD) and np.allclose(s.pointArray()[4:, :2], TRI)
    _check_shapes(_render(net, geo).numpyArray())


def test_set_geometry_renders_the_same_shapes(net, probe):
    geo = net.create(td.geometryCOMP, "geo1")
    P = np.array([(x, y, 0.0) for x, y in QUAD + TRI])
    probe.args = (P,)
    probe.kwargs = dict(triangles=np.array([[0, 1, 2], [0, 2, 3], [4, 5, 6]]))
    s, _ = _script(net, "import _script_sop_probe as p\n"
                        "def onCook(scriptOp):\n    scriptOp.setGeometry(*p.args, **p.kwargs)\n", geo)
    assert (s.numPoints, s.numPrims) == (7, 3)
    _check_shapes(_render(net, geo).numpyArray())


BULK = "import _script_sop_probe as p\ndef onCook(scriptOp):\n    scriptOp.setGeometry(*p.args, **p.kwargs)\n"


def test_set_geometry_round_trips_every_attribute(net, probe):
    rng = np.random.default_rng(3)
    n = 50
    P = rng.uniform(-2, 2, (n, 3))  # float64: converted to float32
    N = rng.uniform(-1, 1, (n, 3)).astype(np.float32)
    uv = rng.uniform(0, 1, (n, 2)).astype(np.float32)  # w is 0
    Cd = rng.uniform(0, 1, (n, 3)).astype(np.float32)  # alpha is 1
    polygons = np.arange(n - 2, dtype=np.int16)
    sizes = [3, 4, 5, 36]
    probe.args = (P,)
    probe.kwargs = dict(N=N, uv=uv, Cd=Cd, polygons=polygons, sizes=sizes)
    s, _ = _script(net, BULK)
    assert np.array_equal(s.pointArray(), P.astype(np.float32))
    assert np.array_equal(s.pointArray("N"), N)
    assert np.array_equal(s.pointArray("uv"), np.concatenate([uv, np.zeros((n, 1), np.float32)], axis=1))
    assert np.array_equal(s.pointArray("Cd"), np.concatenate([Cd, np.ones((n, 1), np.float32)], axis=1))
    assert [len(p) for p in s.prims] == sizes and s.numVertices == n - 2
    assert [v.point.index for v in s.prims[2]] == list(range(7, 12))
    assert np.allclose(tuple(s.points[7].P), P[7].astype(np.float32))
    probe.kwargs = {}
    probe.args = (np.arange(12).reshape(4, 3),)  # integers convert; points only
    td.advance()
    assert (s.numPoints, s.numPrims) == (4, 0)
    assert np.array_equal(s.pointArray(), np.arange(12, dtype=np.float32).reshape(4, 3))


P4 = np.zeros((4, 3))


@pytest.mark.parametrize("args,kwargs,exc,match", [
    ((np.zeros((4, 2)),), {}, ValueError, r"P has shape \(4, 2\); it needs \(m, 3\)"),
    ((np.zeros(12),), {}, ValueError, "P has shape"),
    ((np.zeros((4, 3), complex),), {}, TypeError, "P has dtype complex128"),
    ((np.array([["a", "b", "c"]]),), {}, TypeError, "dtype <U1"),
    ((np.array([[0, 0, 0], [np.nan, 0, 0]]),), {}, ValueError, r"P\[1\] is not finite"),
    ((np.array([[0, 0, 0], [0, 0, 0], [0, np.inf, 0]]),), {}, ValueError, r"P\[2\] is not finite"),
    ((P4,), dict(triangles=[[0, 1, 4]]), ValueError, r"triangles\[0, 2\] is 4: out of range \(4 points\)"),
    ((P4,), dict(triangles=[[0, 1, 2], [0, -1, 2]]), ValueError, r"triangles\[1, 1\] is -1: negative"),
    ((P4,), dict(triangles=[[0.0, 1.0, 2.0]]), TypeError, "triangles has dtype float64; indices must be integers"),
    ((P4,), dict(triangles=[0, 1, 2]), ValueError, "triangles has shape"),
    ((P4,), dict(N=np.zeros((3, 3))), ValueError, r"N has shape \(3, 3\); it needs \(n, 3\) with n = 4"),
    ((P4,), dict(uv=np.zeros((4, 4))), ValueError, r"uv has shape \(4, 4\); it needs \(n, 2 or 3\)"),
    ((P4,), dict(Cd=np.zeros((4, 2))), ValueError, "Cd has shape"),
    ((P4,), dict(polygons=[0, 1, 2]), ValueError, "polygons and sizes go together"),
    ((P4,), dict(polygons=[0, 1, 2, 3], sizes=[3]), ValueError, "sum to something other than len"),
    ((P4,), dict(polygons=[0, 1, 2, 3], sizes=[2, 2]), ValueError, r"sizes\[0\] is 2"),
    ((P4,), dict(polygons=[0, 1, 5], sizes=[3]), ValueError, r"polygons\[2\] is 5: out of range"),
    ((P4,), dict(triangles=[[0, 1, 2]], polygons=[0, 1, 2], sizes=[3]), ValueError, "not both"),
    (("nope",), {}, TypeError, "dtype <U4"),
])
def test_set_geometry_errors(net, probe, args, kwargs, exc, match):
    probe.args, probe.kwargs = args, kwargs
    s, _ = _script(net, BULK)
    with pytest.raises(exc, match=match):
        s.numPoints
    assert "setGeometry()" in s.errors()
    probe.args, probe.kwargs = (P4,), {}
    assert s.numPoints == 4 and s.errors() == ""  # the next good cook clears the error


def test_the_api_is_for_on_cook_only(net):
    s, _ = _script(net, "")
    for call in (s.clear, s.appendPoint, lambda: s.appendPoly(3), lambda: s.setGeometry(P4),
                 lambda: s.copy(net.create(td.boxSOP))):
        with pytest.raises(td.tdError, match="only be called while the scriptSOP cooks"):
            call()
    with pytest.raises(ValueError, match="at least 3 vertices"):
        s.appendPoly(2)
    with pytest.raises(ValueError, match="at least 2 vertices"):
        s.appendPoly(1, closed=False)


def test_points_made_in_on_cook_go_stale(net, probe):
    s, _ = _script(net, """
import _script_sop_probe as p
def onCook(scriptOp):
    scriptOp.clear()
    a = scriptOp.appendPoint()
    a.P = (1, 2, 3)
    pts = scriptOp.points
    assert len(pts) == 1 and pts[0].P == a.P and scriptOp.numPoints == 1
    poly = scriptOp.appendPoly(3)
    assert len(pts) == 4  # reads the cook's geometry as it grows
    p.kept = (a, pts, poly, poly[0], scriptOp.prims)
    scriptOp.clear()
    try:
        a.x
    except Exception as e:
        p.after_clear = e
    b = scriptOp.appendPoint()
    b.P = (4, 5, 6)
""")
    assert s.numPoints == 1 and tuple(s.points[0].P) == (4, 5, 6)
    assert isinstance(probe.after_clear, td.tdError) and "cleared" in str(probe.after_clear)
    a, pts, poly, vertex, prims = probe.kept
    for use in (lambda: a.P, lambda: setattr(a, "x", 1.0), lambda: len(pts), lambda: pts[0], lambda: poly.center,
                lambda: len(poly), lambda: vertex.point, lambda: len(prims), lambda: a.N):
        with pytest.raises(td.tdError, match="has ended"):
            use()
    assert a.index == 0 and a.owner == s  # what needs no geometry still reads


def test_point_attributes_are_settable_and_checked(net, probe):
    s, _ = _script(net, """
import _script_sop_probe as p
def onCook(scriptOp):
    scriptOp.clear()
    a, b = scriptOp.appendPoint(), scriptOp.appendPoint()
    b.N = (0, 0, 1)
    b.uv = (0.5, 0.25)
    b.Cd = (1, 0, 0)
    p.errors = []
    for name, value in (("P", (1, 2)), ("P", (float("nan"), 0, 0)), ("x", "a"), ("N", (1, 2)), ("uv", (1,)),
                        ("Cd", (1, 2)), ("Cd", 5), ("z", float("inf"))):
        try:
            setattr(a, name, value)
        except (TypeError, ValueError) as e:
            p.errors.append(type(e).__name__)
""")
    assert s.numPoints == 2
    assert probe.errors == ["TypeError", "ValueError", "TypeError", "ValueError", "ValueError", "ValueError",
                            "TypeError", "ValueError"]
    a, b = s.points
    assert a.N == (0, 0, 0) and a.uv == (0, 0, 0) and a.Cd == (1, 1, 1, 1)  # the defaults where unset
    assert b.N == (0, 0, 1) and b.uv == (0.5, 0.25, 0) and b.Cd == (1, 0, 0, 1)


def test_the_geometry_persists_between_cooks_until_cleared(net):
    s, d = _script(net, "def onCook(scriptOp):\n    p = scriptOp.appendPoint()\n    p.x = scriptOp.numPoints\n")
    assert s.numPoints == 1
    assert s.numPoints == 1  # nothing changed: no cook
    td.advance()  # a change anywhere (a new frame is one) cooks it again
    assert s.numPoints == 2
    assert list(s.pointArray()[:, 0]) == [1.0, 2.0]
    s.cook(force=True)
    assert s.numPoints == 3 and s.totalCooks == 3
    d.text = "def onCook(scriptOp):\n    pass\n"
    assert s.numPoints == 3  # cooked, untouched: the previous cook's geometry
    assert s.totalCooks == 4
    d.text = "def onCook(scriptOp):\n    scriptOp.clear()\n"
    assert s.numPoints == 0


def test_inputs_and_copy(net):
    box = net.create(td.boxSOP, "box1")
    s, _ = _script(net, """
def onCook(scriptOp):
    scriptOp.copy(scriptOp.inputs[0])
    for p in scriptOp.points:
        p.y = p.y + 10
""")
    s.setInputs([box])
    assert s.numPoints == 24 and s.numPrims == 6
    want = box.pointArray() + np.array([0, 10, 0], np.float32)
    assert np.array_equal(s.pointArray(), want)
    assert np.array_equal(s.pointArray("N"), box.pointArray("N"))
    assert [v.point.index for v in s.prims[3]] == [v.point.index for v in box.prims[3]]
    box.par.sizex = 4  # the input rebuilt: the script reads it on its next cook
    assert np.allclose(s.pointArray()[:, 0], box.pointArray()[:, 0])


def test_setup_parameters_pulse(net, probe):
    s, _ = _script(net, """
import _script_sop_probe as p
def onSetupParameters(scriptOp):
    p.setups += 1
def onCook(scriptOp):
    p.cooks += 1
""")
    s.numPoints
    assert (probe.setups, probe.cooks) == (0, 1)
    s.par.setuppars.pulse()
    assert probe.setups == 1 and probe.cooks == 2
    td.advance()
    s.numPoints
    assert (probe.setups, probe.cooks) == (1, 3)


HOSTILE = [
    ("def onCook(scriptOp):\n    raise RuntimeError('boom')\n", RuntimeError, "boom"),
    ("def onCook(scriptOp:\n", SyntaxError, "never closed|invalid syntax|was never closed"),
    ("raise KeyError('at import')\n", KeyError, "at import"),
    ("def onCook(scriptOp):\n    scriptOp.cook(force=True)\n", td.tdError, "already cooking"),
    ("def onCook(scriptOp):\n    scriptOp.parent().parent().op('render1').numpyArray()\n", td.tdError, "already cooking"),
    ("def onCook(scriptOp):\n    scriptOp.appendPoly(3, addPoints=False)\n", td.tdError,
     "primitive 0: vertex 0 is out of range"),
    ("def onCook(scriptOp):\n    scriptOp.copy(scriptOp)\n", ValueError, "cannot copy itself"),
    ("def onCook(scriptOp):\n    scriptOp.clear()\n    scriptOp.appendPoly(3)[0].point = 7\n", IndexError,
     "point 7 is out of range"),
]


@pytest.mark.parametrize("text,exc,match", HOSTILE)
def test_hostile_callbacks_are_errors_of_the_sop(net, text, exc, match):
    geo = net.create(td.geometryCOMP, "geo1")
    s, _ = _script(net, text, geo)
    r = _render(net, geo)
    with pytest.raises(exc, match=match):
        s.numPoints
    assert s.errors() != ""
    with pytest.raises(Exception):
        r.numpyArray()


def test_a_callback_that_destroys_the_sop_or_its_dat(net, probe):
    s, d = _script(net, """
import _script_sop_probe as p
def onCook(scriptOp):
    p.kept = scriptOp.appendPoint()
    op('script1_callbacks').destroy()   # its text already runs
    scriptOp.appendPoint()
""")
    assert s.numPoints == 2 and not d.valid
    td.advance()
    with pytest.raises(td.tdError, match="names no operator"):
        s.numPoints
    s2, _ = _script(net, """
import _script_sop_probe as p
def onCook(scriptOp):
    p.kept = scriptOp.appendPoint()
    scriptOp.destroy()
    scriptOp.appendPoint()
""", net.create(td.baseCOMP, "inner"))
    with pytest.raises(td.tdError):
        s2.numPoints
    assert not s2.valid
    with pytest.raises(td.tdError):
        probe.kept.P


def test_a_callback_that_changes_its_own_callbacks(net, probe):
    s, d = _script(net, """
def onCook(scriptOp):
    scriptOp.par.callbacks = ''
    op('script1_callbacks').text = 'def onCook(scriptOp):\\n    raise RuntimeError(1)\\n'
    scriptOp.clear()
    scriptOp.appendPoint()
""")
    assert s.numPoints == 1
    assert s.numPoints == 1  # no callbacks now: the geometry persists
