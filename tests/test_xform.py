"""Object COMP transforms: the Xform and Pre-Xform pages, parents, lookat and the Python members,
against matrices built here with NumPy from TouchDesigner's documented definitions (T * R * S for
'srt', R = Rz * Ry * Rx for 'xyz', pre * xform, parent * local)."""
import itertools
import math

import numpy as np
import pytest

import td_render as td

RNG = np.random.default_rng(11)
XORDS = ["srt", "str", "rst", "rts", "tsr", "trs"]
RORDS = ["xyz", "xzy", "yxz", "yzx", "zxy", "zyx"]


def rot(axis, deg):
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    i, j = (axis + 1) % 3, (axis + 2) % 3
    m = np.eye(4)
    m[i, i], m[j, j], m[j, i], m[i, j] = c, c, s, -s
    return m


def trans(v):
    m = np.eye(4)
    m[:3, 3] = v
    return m


def compose(xord, rord, t, r, s, p):
    """TouchDesigner's documented composition: the first letter of xord applied first."""
    R = np.eye(4)
    for axis in rord:  # 'xyz': R = Rz * Ry * Rx
        k = "xyz".index(axis)
        R = rot(k, r[k]) @ R
    parts = {"t": trans(t), "r": R, "s": np.diag([*s, 1.0])}
    M = np.eye(4)
    for letter in xord:
        M = parts[letter] @ M
    return trans(p) @ M @ trans(-np.asarray(p))


def random_pars(o, prefix=""):
    t, r, s, p = RNG.uniform(-3, 3, 3), RNG.uniform(-170, 170, 3), RNG.uniform(0.3, 2, 3), RNG.uniform(-1, 1, 3)
    u = RNG.uniform(0.5, 1.5)
    for k, axis in enumerate("xyz"):
        o.par[prefix + "t" + axis] = t[k]
        o.par[prefix + "r" + axis] = r[k]
        o.par[prefix + "s" + axis] = s[k]
        o.par[prefix + "p" + axis] = p[k]
    o.par[prefix + "scale"] = u
    return t, r, s * u, p


def A(m):
    return np.array(np.asarray(m))


@pytest.mark.parametrize("xord,rord", list(itertools.product(XORDS, RORDS)))
def test_transform_follows_the_documented_orders(net, xord, rord):
    geo = net.create(td.geometryCOMP)
    geo.par.xord, geo.par.rord = xord, rord
    t, r, s, p = random_pars(geo)
    assert np.allclose(A(geo.transform()), compose(xord, rord, t, r, s, p))
    assert np.allclose(A(geo.localTransform), compose(xord, rord, t, r, s, p))  # pre is the identity


@pytest.mark.parametrize("xord,rord", list(itertools.product(XORDS, ["xyz", "zxy", "yzx"])))
def test_set_transform_round_trips(net, xord, rord):
    """A matrix an object of these orders can have is given back exactly by setTransform(), with
    the target's own pivot and uniform scale kept."""
    src, dst = net.create(td.geometryCOMP), net.create(td.geometryCOMP)
    for o in (src, dst):
        o.par.xord, o.par.rord = xord, rord
    random_pars(src)
    dst.par.px, dst.par.py, dst.par.pz, dst.par.scale = 0.25, -0.5, 1.0, 2.0
    m = src.transform()
    dst.setTransform(m)
    assert np.allclose(A(dst.transform()), A(m), atol=1e-9)
    assert (dst.par.px.eval(), dst.par.scale.eval(), dst.par.xord.eval()) == (0.25, 2.0, xord)
    # and from a NumPy array (rows), as numpyArray() gives it
    dst.setTransform(m.numpyArray())
    assert np.allclose(A(dst.transform()), A(m), atol=1e-9)


def test_set_transform_bad_input(net):
    geo = net.create(td.geometryCOMP)
    flat = td.Matrix()
    flat.scale(1, 0, 1)
    with pytest.raises(ValueError, match="singular"):
        geo.setTransform(flat)
    for bad in ("abc", 5, [1, 2, 3], None):
        with pytest.raises((TypeError, ValueError)):
            geo.setTransform(bad)
    with pytest.raises(TypeError):
        geo.relativeTransform(net)  # not an object COMP
    assert np.array_equal(A(geo.transform()), np.eye(4))  # nothing was set


def test_pre_xform_multiplies_on_the_left(net):
    geo = net.create(td.nullCOMP)
    geo.par.pxord, geo.par.prord = "trs", "zyx"
    pt, pr, ps, pp = random_pars(geo, prefix="p")
    t, r, s, p = random_pars(geo)
    pre, xform = compose("trs", "zyx", pt, pr, ps, pp), compose("srt", "xyz", t, r, s, p)
    assert np.allclose(A(geo.preTransform()), pre)
    assert np.allclose(A(geo.localTransform), pre @ xform)
    assert np.allclose(A(geo.worldTransform), pre @ xform)
    geo.par.pxform = False
    assert np.allclose(A(geo.localTransform), xform)
    assert np.allclose(A(geo.preTransform()), pre)  # the page's matrix either way
    other = net.create(td.nullCOMP)
    other.par.pxord, other.par.prord = "trs", "zyx"
    other.setPreTransform(td.Matrix(pre))
    assert np.allclose(A(other.preTransform()), pre) and np.allclose(A(other.transform()), np.eye(4))


def test_children_inherit_their_parents_transforms(net):
    outer = net.create(td.nullCOMP, "null1")
    geo = outer.create(td.geometryCOMP, "geo1")
    inner = geo.create(td.geometryCOMP, "geo2")
    light = inner.create(td.lightCOMP, "light1")
    mats = []
    for o in (outer, geo, inner, light):
        o.par.rord = RNG.choice(RORDS)
        t, r, s, p = random_pars(o)
        mats.append(compose("srt", o.par.rord.eval(), t, r, s, p))
    world = np.eye(4)
    for o, m in zip((outer, geo, inner, light), mats):
        world = world @ m
        assert np.allclose(A(o.worldTransform), world)
    assert np.allclose(A(light.localTransform), mats[-1])
    # the transform from one object to another: self.world * rel == target.world
    rel = outer.relativeTransform(light)
    assert np.allclose(A(outer.worldTransform) @ A(rel), A(light.worldTransform))


def test_parent_transform_source(net):
    holder = net.create(td.nullCOMP, "holder")
    holder.par.tx, holder.par.rz = 2.0, 30.0
    other = net.create(td.nullCOMP, "other")
    other.par.ty, other.par.sx = -1.0, 3.0
    geo = holder.create(td.geometryCOMP, "geo1")
    geo.par.tz = 0.5
    local = trans([0, 0, 0.5])
    geo.par.parentxformsrc = "worldorigin"
    assert np.allclose(A(geo.worldTransform), local)
    geo.par.parentxformsrc = "specify"
    geo.par.parentobject = "../other"  # relative to geo's network, holder
    assert np.allclose(A(geo.worldTransform), A(other.worldTransform) @ local)
    geo.par.parentobject = other  # an OP works too
    assert np.allclose(A(geo.worldTransform), A(other.worldTransform) @ local)
    geo.par.parentobject = ""  # nothing specified: the world origin
    assert np.allclose(A(geo.worldTransform), local)
    geo.par.parentxformsrc = "hierarchy"
    assert np.allclose(A(geo.worldTransform), A(holder.worldTransform) @ local)
    geo.par.parentxformsrc = "specify"
    geo.par.parentobject = "../nothere"
    with pytest.raises(td.tdError, match="geo1.*parentobject '../nothere' names no operator"):
        geo.worldTransform


def forward_axis(o):
    return {"posx": [1, 0, 0], "negx": [-1, 0, 0], "posy": [0, 1, 0], "negy": [0, -1, 0],
            "posz": [0, 0, 1], "negz": [0, 0, -1]}[o.par.forwarddir.eval()]


@pytest.mark.parametrize("fwd", ["posx", "negx", "posy", "negy", "posz", "negz"])
@pytest.mark.parametrize("lookup", ["off", "on", "quat", "roll"])
def test_lookat_points_the_forward_axis_at_the_target(net, fwd, lookup):
    target = net.create(td.nullCOMP, "target")
    target.par.tx, target.par.ty, target.par.tz = 1.5, -2.0, 0.7
    obj = net.create(td.geometryCOMP, "geo1")
    obj.par.tx, obj.par.ty, obj.par.tz = -1.0, 0.5, 3.0
    obj.par.sx, obj.par.sy, obj.par.sz = 2.0, 0.5, 1.5
    obj.par.forwarddir, obj.par.lookup = fwd, lookup
    obj.par.upx, obj.par.upy, obj.par.upz = 0.3, 1.0, 0.2
    obj.par.roll = 25.0
    obj.par.lookat = "target"
    W = A(obj.worldTransform)
    pos, tgt = np.array([-1.0, 0.5, 3.0]), np.array([1.5, -2.0, 0.7])
    d = (tgt - pos) / np.linalg.norm(tgt - pos)
    assert np.allclose(W[:3, 3], pos)  # it stays where it is
    f = W[:3, :3] @ forward_axis(obj)
    assert np.allclose(f / np.linalg.norm(f), d)  # and faces the target
    assert np.allclose(np.linalg.norm(W[:3, :3], axis=0), [2.0, 0.5, 1.5])  # its scale is kept
    up_axis = [0, 0, 1] if fwd in ("posy", "negy") else [0, 1, 0]
    u = W[:3, :3] @ up_axis
    u /= np.linalg.norm(u)
    if lookup in ("off", "on"):
        # the up axis lies in the plane of the look direction and the up vector, leaning toward it
        up = np.array([0.3, 1.0, 0.2]) if lookup == "on" else np.array([0.0, 1.0, 0.0])
        assert np.dot(u, np.cross(d, up)) == pytest.approx(0.0, abs=1e-9) and np.dot(u, up) > 0
    if lookup == "roll":
        obj.par.lookup = "off"
        u_off = A(obj.worldTransform)[:3, :3] @ up_axis
        u_off /= np.linalg.norm(u_off)
        assert math.degrees(math.acos(np.clip(np.dot(u, u_off), -1, 1))) == pytest.approx(25.0)


def test_quat_lookat_turns_the_least(net):
    target = net.create(td.nullCOMP, "target")
    target.par.tx = 5.0
    obj = net.create(td.cameraCOMP, "cam1")  # at z = 5, looking down -Z
    obj.par.tz = 0.0
    obj.par.rz = 40.0  # a roll about the view axis that a shortest turn toward +x keeps sideways
    obj.par.lookup = "quat"
    before = A(obj.worldTransform)
    obj.par.lookat = target
    after = A(obj.worldTransform)
    # the turn is a rotation about the axis across -Z and +X (i.e. about y) by 90 degrees
    assert np.allclose(after[:3, :3], rot(1, -90)[:3, :3] @ before[:3, :3])


def test_lookat_errors_name_the_object(net):
    cam = net.create(td.cameraCOMP, "cam1")
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    cam.par.lookat = "nothing"
    with pytest.raises(td.tdError, match="cam1: lookat 'nothing' names no operator"):
        cam.worldTransform
    cam.par.lookat = "geo1/box1"
    with pytest.raises(td.tdError, match="cam1: lookat 'geo1/box1' is not an object COMP"):
        cam.worldTransform
    cam.par.lookat, geo.par.lookat = "geo1", "cam1"  # a looks at b, b at a
    with pytest.raises(td.tdError, match="depends on itself"):
        cam.worldTransform
    with pytest.raises(td.tdError, match="depends on itself"):
        geo.worldTransform
    geo.par.lookat = ""
    cam.par.lookat = "cam1"  # at itself
    with pytest.raises(td.tdError, match="depends on itself"):
        cam.worldTransform
    # an object looking at its own child depends on itself through the child's parent
    inner = geo.create(td.nullCOMP, "null1")
    geo.par.lookat = "geo1/null1"
    with pytest.raises(td.tdError, match="depends on itself"):
        inner.worldTransform
    del box


def test_unknown_tokens_are_value_errors(net):
    geo = net.create(td.geometryCOMP)
    for name, bad in [("forwarddir", "up"), ("lookup", "yes"), ("parentxformsrc", "constrain"),
                      ("pxord", "rts1"), ("prord", "xxy")]:
        with pytest.raises(ValueError):
            geo.par[name] = bad
    assert geo.par.forwarddir.menuNames == ["posx", "negx", "posy", "negy", "posz", "negz"]
    assert geo.par.lookup.menuNames == ["off", "on", "quat", "roll"]
    assert geo.par.parentxformsrc.menuNames == ["hierarchy", "specify", "worldorigin"]


def test_geometry_render_page(net):
    geo = net.create(td.geometryCOMP)
    assert geo.par.render.eval() in (True, 1) and geo.par.drawpriority.eval() == 0
    assert [p.name for p in geo.pars("wcolor?")] == ["wcolorr", "wcolorg", "wcolorb"]
    assert geo.par.lightmask.eval() == "" and geo.par.pickpriority.page.name == "Render"
    assert [p.name for p in net.create(td.nullCOMP).pages[0].pars][:2] == ["xord", "rord"]


def test_compute_bounds_in_world_space(net):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    box.par.sizex, box.par.sizey, box.par.sizez = 2.0, 1.0, 0.5
    geo.par.rz, geo.par.tx, geo.par.sy = 30.0, 1.0, 2.0
    child = geo.create(td.geometryCOMP, "geo2")
    child.par.tx = 4.0
    child.create(td.boxSOP, "box1")
    corners = np.array(list(itertools.product([-1, 1], [-0.5, 0.5], [-0.25, 0.25])))
    W = A(geo.worldTransform)
    pts = (W @ np.c_[corners, np.ones(8)].T).T[:, :3]
    cw = A(child.worldTransform)
    cpts = (cw @ np.c_[np.array(list(itertools.product([-0.5, 0.5], repeat=3))), np.ones(8)].T).T[:, :3]
    b = geo.computeBounds(recurse=False)
    assert np.allclose(b.min, pts.min(0)) and np.allclose(b.max, pts.max(0))
    assert np.allclose(b.center, (pts.min(0) + pts.max(0)) / 2) and np.allclose(b.size, np.ptp(pts, 0))
    assert b.min.x == pytest.approx(pts[:, 0].min())
    both = np.vstack([pts, cpts])
    b = geo.computeBounds()
    assert np.allclose(b.min, both.min(0)) and np.allclose(b.max, both.max(0))
    child.render = False  # computeBounds honours the Render flag by default, bounds() does not
    assert np.allclose(geo.computeBounds().max, pts.max(0))
    assert np.allclose(geo.bounds().max, both.max(0))
    empty = net.create(td.geometryCOMP)
    assert tuple(empty.computeBounds().size) == (0.0, 0.0, 0.0)


def test_camera_projection_matrices(net):
    cam = net.create(td.cameraCOMP)
    cam.par.fov, cam.par.near, cam.par.far = 60.0, 0.5, 50.0
    P = A(cam.projection(1920, 1080))
    t = math.tan(math.radians(30.0))
    for x, y, z in [(1.0, 0.4, -4.0), (-3.0, -1.0, -20.0)]:
        h = P @ [x, y, z, 1.0]
        assert h[0] / h[3] == pytest.approx(x / (-z * t))  # horizontal fov
        assert h[1] / h[3] == pytest.approx(y * (1920 / 1080) / (-z * t))
    assert (P @ [0, 0, -0.5, 1])[2] == pytest.approx(0.0, abs=1e-12)  # Vulkan depth: near 0, far 1
    h = P @ [0, 0, -50.0, 1]
    assert h[2] / h[3] == pytest.approx(1.0)
    assert np.allclose(A(cam.projectionInverse(1920, 1080)) @ P, np.eye(4))
    with pytest.raises(ValueError):
        cam.projection(0, 1080)
    with pytest.raises(TypeError):
        cam.projection("a", 1)
    cam.par.near = 100.0
    with pytest.raises(td.tdError, match="near"):
        cam.projection(1, 1)


def test_deep_chains_are_an_error_not_a_crash(net):
    """256 objects deep is the most a transform may depend on; 250 nested nulls work."""
    comp = net
    for _ in range(260):
        comp = comp.create(td.nullCOMP)
    with pytest.raises(td.tdError, match="more than 256"):
        comp.worldTransform
    shallow = net.create(td.nullCOMP)
    shallow.par.tx = 0.5
    for _ in range(249):
        shallow = shallow.create(td.nullCOMP)
        shallow.par.tx = 0.5
    assert np.asarray(shallow.worldTransform)[0, 3] == pytest.approx(125.0)


def test_expressions_that_destroy_objects_mid_transform(net):
    """A lookat target whose parameter expression destroys the looking object, or re-parents it:
    an answer or a tdError, never a crash."""
    cam = net.create(td.cameraCOMP, "cam1")
    target = net.create(td.nullCOMP, "target")
    target.par.tx.expr = "op(%r).destroy() or 1.0" % cam.path
    cam.par.lookat = "target"
    try:
        cam.worldTransform
    except td.tdError:
        pass
    assert not cam.valid
    geo = net.create(td.geometryCOMP, "geo1")
    other = net.create(td.nullCOMP, "other")
    geo.par.tx.expr = "op(%r).destroy() or 2.0" % other.path
    geo.par.parentxformsrc, geo.par.parentobject = "specify", "other"
    try:
        m = geo.worldTransform
        assert np.asarray(m)[0, 3] == pytest.approx(2.0)
    except td.tdError:
        pass
    assert not other.valid
