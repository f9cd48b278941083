"""td.Matrix, td.Position and td.Vector (TouchDesigner's tdu value types) against NumPy: every expected
value is built here from the definitions (rotation matrices, Rodrigues' formula, the quaternion
formula, NumPy's inverse and determinant), never pasted from a run."""
import copy
import math
import pickle

import numpy as np
import pytest

import td_render as td

RNG = np.random.default_rng(7)


def rot(axis, deg):
    """The right-handed rotation about x (0), y (1) or z (2) by deg degrees, 4x4."""
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    i, j = (axis + 1) % 3, (axis + 2) % 3
    m = np.eye(4)
    m[i, i], m[j, j], m[j, i], m[i, j] = c, c, s, -s
    return m


def trans(x, y, z):
    m = np.eye(4)
    m[:3, 3] = x, y, z
    return m


def scl(x, y, z):
    return np.diag([x, y, z, 1.0])


def rodrigues(axis, deg):
    k = np.asarray(axis, float) / np.linalg.norm(axis)
    a = math.radians(deg)
    K = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
    m = np.eye(4)
    m[:3, :3] = np.eye(3) + math.sin(a) * K + (1 - math.cos(a)) * K @ K
    return m


def A(m):
    return np.asarray(m)


def random_matrix():
    return td.Matrix(list(RNG.uniform(-2, 2, 16)))


# ---- construction and layout ----

def test_identity_zero_and_the_documented_column_layout():
    assert np.array_equal(A(td.Matrix()), np.eye(4))
    assert np.array_equal(A(td.Matrix(zero=True)), np.zeros((4, 4)))
    vals = list(range(1, 17))
    expected = np.array(vals, float).reshape(4, 4).T  # column by column: the docs' table
    for m in (td.Matrix(vals), td.Matrix(*vals), td.Matrix(vals[0:4], vals[4:8], vals[8:12], vals[12:16])):
        assert np.array_equal(A(m), expected)
        assert m.vals == [float(v) for v in vals]
        assert m.rows == expected.tolist() and m.cols == expected.T.tolist()
        assert m[0, 3] == 13 and m[3, 0] == 4


def test_nine_values_and_three_columns_fill_the_3x3_part():
    v = list(RNG.uniform(-1, 1, 9))
    expected = np.eye(4)
    expected[:3, :3] = np.array(v).reshape(3, 3).T
    assert np.allclose(A(td.Matrix(v)), expected)
    assert np.allclose(A(td.Matrix(*v)), expected)
    assert np.allclose(A(td.Matrix(v[0:3], v[3:6], v[6:9])), expected)


def test_quaternion_is_a_rotation():
    axis, deg = np.array([1.0, -2.0, 0.5]), 70.0
    k = axis / np.linalg.norm(axis)
    h = math.radians(deg) / 2
    q = [*(k * math.sin(h)), math.cos(h)]  # (x, y, z, w)
    assert np.allclose(A(td.Matrix(q)), rodrigues(axis, deg))
    assert td.Matrix([0, 0, 0, 1]) == td.Matrix()


def test_numpy_interop_both_ways():
    m = random_matrix()
    a = np.asarray(m)
    assert a.dtype == np.float64 and a.shape == (4, 4) and not a.flags.writeable
    assert all(a[r, c] == m[r, c] for r in range(4) for c in range(4))
    b = m.numpyArray()
    assert b.flags.c_contiguous and b.flags.writeable and np.array_equal(a, b)
    b[0, 0] = 99.0
    assert m[0, 0] != 99.0  # a copy
    assert td.Matrix(b) != m and td.Matrix(a) == m and td.Matrix(m) == m and m.copy() == m
    assert np.array_equal(np.asarray(td.Position(1, 2, 3)), [1, 2, 3])
    assert np.array_equal(np.asarray(td.Vector(4, 5, 6)), [4, 5, 6])


def test_entries_set_and_vals_assign():
    m = td.Matrix()
    m[0, 3] = 5.0
    assert np.array_equal(A(m), trans(5, 0, 0))
    m.vals = list(range(16))
    assert np.array_equal(A(m), np.arange(16, dtype=float).reshape(4, 4).T)


# ---- operations ----

@pytest.mark.parametrize("from_right", [False, True])
def test_translate_rotate_scale_left_and_right(from_right):
    base = random_matrix()
    B = base.numpyArray()
    cases = [
        (lambda m: m.translate(1, -2, 3, fromRight=from_right), trans(1, -2, 3)),
        (lambda m: m.rotate(10, 20, 30, fromRight=from_right), rot(2, 30) @ rot(1, 20) @ rot(0, 10)),
        (lambda m: m.scale(2, 3, 4, fromRight=from_right), scl(2, 3, 4)),
        (lambda m: m.rotateOnAxis([1, 1, 0], 40, fromRight=from_right), rodrigues([1, 1, 0], 40)),
    ]
    for op, t in cases:
        m = base.copy()
        assert op(m) is None
        assert np.allclose(A(m), B @ t if from_right else t @ B)


def test_pivot_rotates_and_scales_about_the_point():
    p = (0.5, 5.0, -1.0)
    around = trans(*p) @ rot(2, 90) @ trans(*(-np.array(p)))
    for pivot in (list(p), td.Position(*p), td.Vector(*p)):
        m = td.Matrix()
        m.rotate(0, 0, 90, pivot=pivot)
        assert np.allclose(A(m), around)
    m = td.Matrix()
    m.scale(2, 1, 2, pivot=p)
    assert np.allclose(A(m), trans(*p) @ scl(2, 1, 2) @ trans(*(-np.array(p))))
    assert np.allclose(A(m) @ [*p, 1.0], [*p, 1.0])  # the pivot stays put


def test_invert_transpose_determinant():
    m = random_matrix()
    M = m.numpyArray()  # a copy (np.asarray(m) is a view that follows m)
    assert np.allclose(A(m.getInverse()), np.linalg.inv(M))
    assert np.allclose(A(m.getTranspose()), M.T)
    assert m.determinant() == pytest.approx(np.linalg.det(M))
    assert A(m).tolist() == M.tolist()  # the get* forms leave m alone
    m.invert()
    assert np.allclose(A(m), np.linalg.inv(M))
    m.transpose()
    assert np.allclose(A(m), np.linalg.inv(M).T)
    m.identity()
    assert np.array_equal(A(m), np.eye(4))


def test_singular_invert_is_a_clear_error():
    m = td.Matrix()
    m.scale(1, 0, 1)
    with pytest.raises(ValueError, match="singular"):
        m.invert()
    with pytest.raises(ValueError, match="singular"):
        m.getInverse()
    with pytest.raises(ValueError, match="singular"):
        m.decompose()


def test_products_with_matrices_positions_and_vectors():
    a, b = random_matrix(), random_matrix()
    assert np.allclose(A(a * b), A(a) @ A(b))
    assert np.allclose(A(a + b), A(a) + A(b)) and np.allclose(A(a - b), A(a) - A(b))
    m = td.Matrix()
    m.rotate(0, 90, 0)
    m.translate(1, 2, 3)
    M = m.numpyArray()
    p = m * td.Position(1, 0, 0)
    v = m * td.Vector(1, 0, 0)
    assert isinstance(p, td.Position) and isinstance(v, td.Vector)
    assert np.allclose(list(p), (M @ [1, 0, 0, 1])[:3])  # w = 1: translated
    assert np.allclose(list(v), (M @ [1, 0, 0, 0])[:3])  # w = 0: not
    # a projective matrix: the position is divided by w
    proj = td.Matrix()
    proj.projectionFovX(60, 16, 9, 0.5, 100)
    q = proj * td.Position(0.3, -0.2, -4.0)
    h = A(proj) @ [0.3, -0.2, -4.0, 1.0]
    assert np.allclose(list(q), h[:3] / h[3])
    # in place: p *= M is p = M * p
    p2 = td.Position(1, 0, 0)
    p2 *= m
    assert p2 == p
    v2 = td.Vector(1, 0, 0)
    v2 *= m
    assert v2 == v


def test_projection_matrices_follow_the_pinhole_and_vulkan_depth():
    fov, near, far = 50.0, 0.5, 40.0
    m = td.Matrix()
    m.projectionFovX(fov, 1920, 1080, near, far)
    t = math.tan(math.radians(fov / 2))
    for x, y, z in [(1.0, 0.5, -3.0), (-2.0, 1.0, -10.0)]:
        p = m * td.Position(x, y, z)
        assert p.x == pytest.approx(x / (-z * t))
        assert p.y == pytest.approx(y * (1920 / 1080) / (-z * t))
    assert (m * td.Position(0, 0, -near)).z == pytest.approx(0.0, abs=1e-12)
    assert (m * td.Position(0, 0, -far)).z == pytest.approx(1.0)
    f = td.Matrix()
    f.projectionFrustum(-t * near, t * near, -t * near, t * near, near, far)
    g = td.Matrix()
    g.projectionFovX(fov, 1, 1, near, far)
    assert np.allclose(A(f), A(g))


def test_lookat_places_minus_z_toward_the_target():
    eye, target, up = np.array([0.0, 0.0, -5.0]), np.array([0.0, 5.0, 5.0]), np.array([0.0, 1.0, 0.0])
    m = td.Matrix()
    m.lookat(td.Position(*eye), target.tolist(), td.Vector(*up))
    M = A(m)
    d = (target - eye) / np.linalg.norm(target - eye)
    assert np.allclose(M[:3, 3], eye)
    assert np.allclose(M[:3, :3] @ [0, 0, -1], d)
    assert np.allclose(M[:3, :3].T @ M[:3, :3], np.eye(3))  # a rotation
    assert np.linalg.det(M[:3, :3]) == pytest.approx(1.0)
    assert np.dot(M[:3, 1], np.cross(d, up)) == pytest.approx(0.0, abs=1e-12) and M[1, 1] > 0
    with pytest.raises(ValueError, match="same point"):
        m.lookat([1, 1, 1], [1, 1, 1], [0, 1, 0])


def test_decompose_gives_the_srt_xyz_parameters():
    for _ in range(20):
        s = RNG.uniform(0.2, 3, 3) * RNG.choice([1, -1])
        r = RNG.uniform(-180, 180, 3)
        t = RNG.uniform(-5, 5, 3)
        M = trans(*t) @ rot(2, r[2]) @ rot(1, r[1]) @ rot(0, r[0]) @ scl(*s)
        (s2, r2, t2) = td.Matrix(M).decompose()
        again = trans(*t2) @ rot(2, r2[2]) @ rot(1, r2[1]) @ rot(0, r2[0]) @ scl(*s2)
        assert np.allclose(again, M, atol=1e-9)
        assert np.allclose(t2, t) and np.allclose(np.abs(s2), np.abs(s))
        assert -90 <= r2[1] <= 90


def test_equality_hash_copy_pickle_repr():
    m = random_matrix()
    assert m == td.Matrix(m.vals) and not (m != td.Matrix(m.vals)) and m != td.Matrix()
    with pytest.raises(TypeError):
        hash(m)
    for other in (copy.copy(m), copy.deepcopy(m), pickle.loads(pickle.dumps(m)), eval(repr(m), {"Matrix": td.Matrix})):
        assert other == m and other is not m
    p = td.Position(1, 2, 3)
    assert pickle.loads(pickle.dumps(p)) == p and eval(repr(p), {"Position": td.Position}) == p
    v = td.Vector(1, 2, 3)
    assert copy.deepcopy(v) == v and v != td.Position(1, 2, 3)


@pytest.mark.parametrize("args, kwargs, error", [
    (("abc",), {}, TypeError),
    ((1, 2), {}, TypeError),
    (([1, 2, 3],), {}, ValueError),
    (([1] * 17,), {}, ValueError),
    (([[1, 0, 0, 0]] * 4,), {}, TypeError),  # ambiguous: rows or columns?
    ((np.eye(3),), {}, ValueError),
    (([1, 2], [3, 4], [5, 6]), {}, ValueError),
    ((["a"] * 16,), {}, TypeError),
    (tuple("abcdefghijklmnop"), {}, TypeError),
    (([0, 0, 0, 0],), {}, ValueError),  # a zero quaternion
    ((), {"nope": 1}, TypeError),
])
def test_bad_matrix_arguments(args, kwargs, error):
    with pytest.raises(error):
        td.Matrix(*args, **kwargs)


def test_bad_matrix_use():
    m = td.Matrix()
    for key in ((4, 0), (0, -1)):
        with pytest.raises(IndexError):
            m[key]
    for key in (0, "a", (0, 1, 2), (0.5, 1)):
        with pytest.raises(TypeError):
            m[key]
    with pytest.raises(TypeError):
        m[0, 0] = "x"
    with pytest.raises(ValueError):
        m.vals = [1, 2, 3]
    with pytest.raises(TypeError):
        m.translate("x", 0, 0)
    with pytest.raises(TypeError):
        m.rotate(1, 2, 3, pivot=[1, 2])
    with pytest.raises(ValueError, match="zero"):
        m.rotateOnAxis([0, 0, 0], 10)
    with pytest.raises(TypeError):
        m * 2.0
    with pytest.raises(TypeError):
        td.Position(1, 2, 3) * m  # only M * p is defined
    with pytest.raises(ValueError, match="read-only"):
        np.asarray(m)[0, 0] = 1.0  # the exported buffer is read-only
    with pytest.raises(ValueError):
        m.projectionFovX(0, 1, 1, 0.1, 10)
    assert m == td.Matrix()  # nothing above changed it


# ---- Position and Vector ----

def test_position_and_vector_construction_and_members():
    for cls in (td.Position, td.Vector):
        assert list(cls()) == [0, 0, 0] and list(cls(2.5)) == [2.5] * 3
        p = cls(1, 2, 3)
        assert (p.x, p.y, p.z) == (1, 2, 3) and list(cls([1, 2, 3])) == [1, 2, 3]
        assert list(cls(td.Position(4, 5, 6))) == [4, 5, 6] and list(cls(td.Vector(7, 8, 9))) == [7, 8, 9]
        assert len(p) == 3 and p[2] == 3 and p[-1] == 3
        p[1] = 7
        p.z = -1
        assert list(p) == [1, 7, -1]
        assert list(abs(cls(-1, 2, -3))) == [1, 2, 3] and list(-cls(1, -2, 3)) == [-1, 2, -3]
        q = p.copy()
        q.x = 100
        assert p.x == 1
        with pytest.raises(IndexError):
            p[3]
        for bad in (("a",), (1, 2), ([1, 2],), (1, 2, "z")):
            with pytest.raises(TypeError):
                cls(*bad)


def test_arithmetic_follows_touchdesigners_rules():
    P, V = td.Position, td.Vector
    p, q, v, w = P(1, 2, 3), P(4, 6, 8), V(1, 0, -1), V(2, 2, 2)
    cases = [
        (p + v, P, [2, 2, 2]), (v + p, P, [2, 2, 2]), (p - v, P, [0, 2, 4]), (q - p, V, [3, 4, 5]),
        (v + w, V, [3, 2, 1]), (v - w, V, [-1, -2, -3]), (p * 2, P, [2, 4, 6]), (2 * p, P, [2, 4, 6]),
        (p + 1, P, [2, 3, 4]), (1 + p, P, [2, 3, 4]), (p - 1, P, [0, 1, 2]), (1 - p, P, [0, -1, -2]),
        (p / 2, P, [0.5, 1, 1.5]), (v * w, V, [2, 0, -2]), (p * q, P, [4, 12, 24]), (w / 4, V, [0.5] * 3),
    ]
    for got, cls, want in cases:
        assert type(got) is cls and list(got) == want
    for bad in (lambda: v - p, lambda: p + q, lambda: p * v, lambda: 1 / p, lambda: p + "a"):
        with pytest.raises(TypeError):
            bad()
    with pytest.raises(ZeroDivisionError):
        p / 0
    r = P(1, 1, 1)
    r += v
    r -= 1
    r *= 2
    r /= 4
    assert list(r) == [0.5, 0, -0.5]
    with pytest.raises(TypeError):
        r -= p  # a Position minus a Position is a Vector: not in place


def test_vector_methods_against_numpy():
    a, b = RNG.uniform(-3, 3, 3), RNG.uniform(-3, 3, 3)
    va, vb = td.Vector(*a), td.Vector(*b)
    assert va.dot(vb) == pytest.approx(a @ b)
    assert np.allclose(list(va.cross(vb)), np.cross(a, b))
    assert va.length() == pytest.approx(np.linalg.norm(a)) and va.lengthSquared() == pytest.approx(a @ a)
    assert va.distance(vb) == pytest.approx(np.linalg.norm(a - b))
    cos = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
    assert va.angle(vb) == pytest.approx(math.degrees(math.acos(cos)))
    assert np.allclose(list(va.lerp(vb, 0.25)), a * 0.75 + b * 0.25)
    n = va.copy()
    n.normalize()
    assert np.allclose(list(n), a / np.linalg.norm(a))
    z = td.Vector()
    z.normalize()
    assert list(z) == [0, 0, 0]
    # slerp of unit vectors turns by t times the angle between them, staying unit
    u1, u2 = td.Vector(1, 0, 0), td.Vector(0, 1, 0)
    s = u1.slerp(u2, 1 / 3)
    assert np.allclose(list(s), [math.cos(math.pi / 6), math.sin(math.pi / 6), 0])
    # project onto the plane of two vectors removes the normal part; reflect mirrors it
    p = td.Vector(1, 2, 3)
    p.project([1, 0, 0], [0, 1, 0])
    assert list(p) == [1, 2, 0]
    r = td.Vector(1, -1, 0)
    r.reflect([0, 2, 0])
    assert list(r) == [1, 1, 0]
    with pytest.raises(ValueError):
        td.Vector(1, 2, 3).project([1, 0, 0], [2, 0, 0])
    sv = td.Vector(1, 2, 3)
    sv.scale(2, 0, -1)
    sp = td.Position(1, 2, 3)
    sp.scale(2, 0, -1)
    sp.translate(1, 1, 1)
    assert list(sv) == [2, 0, -3] and list(sp) == [3, 1, -2]


def test_tdu_namespace_and_star_import():
    assert td.tdu.Matrix is td.Matrix and td.tdu.Position is td.Position and td.tdu.Vector is td.Vector
    names = {}
    exec("from td_render import *\nm = tdu.Matrix()\nm.translate(1, 2, 3)\nout = m * tdu.Position()", names)
    assert list(names["out"]) == [1, 2, 3] and "Matrix" in names


def test_unit_square_to_quad_is_the_projective_map_of_the_corners():
    bl, br, tl, tr = (0.1, 0.2), (2.0, -0.3), (-0.4, 1.5), (1.6, 2.2)
    m = td.Matrix()
    m.mapUnitSquareToQuad(*bl, *br, *tl, *tr)
    for (u, v), want in [((0, 0), bl), ((1, 0), br), ((0, 1), tl), ((1, 1), tr)]:
        p = m * td.Position(u, v, 0)
        assert (p.x, p.y) == pytest.approx(want)
    # a projective map keeps lines: the square's centre goes to where the quad's diagonals cross
    a, b, c, d = map(np.array, (bl, tr, br, tl))
    s = np.linalg.solve(np.c_[b - a, c - d], c - a)[0]
    centre = m * td.Position(0.5, 0.5, 0)
    assert (centre.x, centre.y) == pytest.approx(tuple(a + s * (b - a)))
    back = td.Matrix()
    back.mapQuadToUnitSquare(*bl, *br, *tl, *tr)
    q = back * td.Position(*tr, 0)
    assert (q.x, q.y) == pytest.approx((1.0, 1.0))
    with pytest.raises(ValueError, match="degenerate"):
        m.mapUnitSquareToQuad(0, 0, 1, 0, 2, 0, 3, 0)


def test_project_and_clip():
    m = td.Matrix()
    m.projectionFovX(90, 1, 1, 1.0, 10.0)  # x = -z at the edge
    inside = m.projectAndClip(td.Position(0.5, -0.5, -2.0))
    assert isinstance(inside, td.Position) and (inside.x, inside.y) == pytest.approx((0.25, -0.25))
    for outside in ([3.0, 0, -2.0], [0, 0, 2.0], [0, 0, -0.5], [0, 0, -20.0]):
        assert m.projectAndClip(outside) is None
