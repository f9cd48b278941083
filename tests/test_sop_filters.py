"""SOPs that take inputs (transformSOP, mergeSOP, nullSOP, inSOP, outSOP) and the SOP Display and
Render flags: one SOP of a network holds each. Expected bounds and silhouettes come from the
Transform page's matrix written out here (pivot, transform and rotate orders) and from the camera's
projection (imagetools.project); per-point attributes and normals are checked in plain C
(tests/c/test_geom_filters.c), their rendering here against a geometryCOMP's own transform."""
import itertools
import math

import numpy as np
import pytest

import td_render as td
from imagetools import assert_mask_within_one_pixel, hull, project

XORDS = ["srt", "str", "rst", "rts", "tsr", "trs"]
RORDS = ["xyz", "xzy", "yxz", "yzx", "zxy", "zyx"]
COLOR = np.array([204 / 255, 51 / 255, 102 / 255, 1.0], np.float32)
BG = np.array([0.0, 0.0, 51 / 255, 1.0], np.float32)


def translate(t):
    m = np.eye(4)
    m[:3, 3] = t
    return m


def scale(s):
    return np.diag([s[0], s[1], s[2], 1.0])


def rotate(axis, degrees):
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    i, j = [(1, 2), (2, 0), (0, 1)][axis]
    m = np.eye(4)
    m[i, i], m[i, j], m[j, i], m[j, j] = c, -s, s, c
    return m


def transform_matrix(xord="srt", rord="xyz", t=(0, 0, 0), r=(0, 0, 0), s=(1, 1, 1), p=(0, 0, 0), uniform=1.0):
    """The Transform page's matrix: the rotations applied in rord's order, the scale, rotation and
    translation in xord's order (first letter first), all about the pivot."""
    rot = np.eye(4)
    for a in rord:  # "xyz": x applied first, so R = Rz Ry Rx
        axis = "xyz".index(a)
        rot = rotate(axis, r[axis]) @ rot
    parts = {"s": scale([v * uniform for v in s]), "r": rot, "t": translate(t)}
    m = np.eye(4)
    for step in xord:
        m = parts[step] @ m
    return translate(p) @ m @ translate([-v for v in p])


def corners(size=(1, 1, 1), center=(0, 0, 0)):
    return [np.array([center[i] + sg[i] * size[i] / 2 for i in range(3)] + [1.0])
            for sg in itertools.product((-1, 1), repeat=3)]


def expected_bounds(m, size=(1, 1, 1), center=(0, 0, 0)):
    pts = np.array([(m @ c)[:3] for c in corners(size, center)])
    return pts.min(axis=0), pts.max(axis=0)


def assert_bounds(sop, lo, hi, tol=1e-5):
    b = sop.computeBounds()
    assert np.allclose(tuple(b.min), lo, atol=tol) and np.allclose(tuple(b.max), hi, atol=tol), (tuple(b.min),
                                                                                                 tuple(b.max), lo, hi)


# ---- transformSOP ----

def test_transform_defaults(net):
    t = net.create(td.geometryCOMP).create(td.transformSOP)
    assert (t.par.xord.eval(), t.par.rord.eval()) == ("srt", "xyz")
    assert [t.par[n].eval() for n in ("tx", "ty", "tz", "rx", "ry", "rz", "px", "py", "pz")] == [0.0] * 9
    assert [t.par[n].eval() for n in ("sx", "sy", "sz", "scale")] == [1.0] * 4
    assert t.par.vlength.eval() is True and t.par.group.eval() == "" and t.par.postscale.eval() == "peraxis"
    assert t.par.postxord.menuNames == ["st", "ts"] and t.par.postscalex.menuNames[-1] == "referenceprop"
    assert t.par.xord.menuNames == XORDS and t.par.rord.menuNames == RORDS
    assert (t.minInputs, t.maxInputs, t.isFilter) == (1, 2, True)


@pytest.mark.parametrize("xord", XORDS)
def test_transform_orders_and_pivot_move_the_bounds(net, xord):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    box.par.sizex, box.par.sizey, box.par.sizez = 2, 1, 0.5
    box.par.tx = 0.25
    t = geo.create(td.transformSOP)
    t.setInputs([box])
    t.par.xord = xord
    for rord in RORDS:
        values = dict(t=(1, -2, 0.5), r=(30, -50, 70), s=(1.5, 0.5, 2), p=(0.3, -0.4, 0.2), uniform=1.25)
        t.par.rord = rord
        t.par.tx, t.par.ty, t.par.tz = values["t"]
        t.par.rx, t.par.ry, t.par.rz = values["r"]
        t.par.sx, t.par.sy, t.par.sz = values["s"]
        t.par.px, t.par.py, t.par.pz = values["p"]
        t.par.scale = values["uniform"]
        m = transform_matrix(xord, rord, **values)
        assert_bounds(t, *expected_bounds(m, (2, 1, 0.5), (0.25, 0, 0)))
    assert (t.numPoints, t.numPrims, t.numVertices) == (box.numPoints, box.numPrims, box.numVertices)


def test_transform_pivot_scales_toward_it(net):
    # the page's own example: a pivot at (-1, -1, 0) and scale 0.5 slide the geometry toward it
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    t = geo.create(td.transformSOP)
    t.setInputs([box])
    t.par.px, t.par.py = -1, -1
    t.par.scale = 0.5
    assert_bounds(t, (-0.75, -0.75, -0.25), (-0.25, -0.25, 0.25))


def test_transform_without_input_and_bypassed(net):
    geo = net.create(td.geometryCOMP)
    t = geo.create(td.transformSOP)
    assert (t.numPoints, t.numPrims) == (0, 0)
    box = geo.create(td.boxSOP)
    box.par.sizex = 3
    t.setInputs([box])
    t.par.ty = 5
    assert_bounds(t, (-1.5, 4.5, -0.5), (1.5, 5.5, 0.5))
    t.bypass = True
    assert_bounds(t, (-1.5, -0.5, -0.5), (1.5, 0.5, 0.5))
    t.bypass = False
    assert_bounds(t, (-1.5, 4.5, -0.5), (1.5, 5.5, 0.5))


def lit_scene(net):
    """A phong-lit scene: a light off to one side so that shading depends on the normals."""
    mat = net.create(td.phongMAT)
    mat.par.diffr = mat.par.diffg = mat.par.diffb = 0.8
    mat.par.specr = mat.par.specg = mat.par.specb = 0.0
    light = net.create(td.lightCOMP)
    light.par.tx, light.par.ty, light.par.tz = 3, 2, 4
    net.create(td.cameraCOMP)
    render = net.create(td.renderTOP)
    render.par.resolutionw, render.par.resolutionh = 160, 120
    return mat, render


def test_transform_normals_shade_as_the_comp_transform_does(net):
    """A box turned, then stretched, by a transformSOP shades like the same box under a
    geometryCOMP with the same transform: the SOP's inverse-transpose normals match the renderer's
    (normals transformed by the matrix itself would not: the stretch shears the faces)."""
    mat, render = lit_scene(net)
    values = dict(t=(0.2, -0.1, 0), r=(25, 40, 10), s=(1.6, 0.7, 1.2))
    geo = net.create(td.geometryCOMP)
    geo.par.material = mat
    box = geo.create(td.boxSOP)
    t = geo.create(td.transformSOP)
    t.setInputs([box])
    t.par.tx, t.par.ty, t.par.tz = values["t"]
    t.par.rx, t.par.ry, t.par.rz = values["r"]
    t.par.sx, t.par.sy, t.par.sz = values["s"]
    t.par.xord = geo.par.xord = "rst"  # scaled after turning: a shear of the box's faces
    by_sop = render.numpyArray()
    t.par.tx = t.par.ty = t.par.rx = t.par.ry = t.par.rz = 0
    t.par.sx = t.par.sy = t.par.sz = 1
    geo.par.tx, geo.par.ty, geo.par.tz = values["t"]
    geo.par.rx, geo.par.ry, geo.par.rz = values["r"]
    geo.par.sx, geo.par.sy, geo.par.sz = values["s"]
    by_comp = render.numpyArray()
    inside = np.any(by_comp != by_comp[0, 0], axis=-1)
    assert inside.sum() > 1000
    # three faces seen, each a different shade: the normals matter
    assert len(np.unique(np.round(by_comp[inside][:, 0], 2))) >= 3
    diff = np.abs(by_sop - by_comp).max(axis=-1)
    assert np.percentile(diff[inside], 99) < 2 / 255 and (diff > 4 / 255).sum() < 0.01 * inside.sum()


def test_transform_vlength_off_leaves_normals_scaled(net):
    """Normals Maintain Length off: a scaled box's normals are not unit; the phongMAT renormalises,
    so the image is the same (the difference is in N, checked in C)."""
    mat, render = lit_scene(net)
    geo = net.create(td.geometryCOMP)
    geo.par.material = mat
    box = geo.create(td.boxSOP)
    t = geo.create(td.transformSOP)
    t.setInputs([box])
    t.par.sx, t.par.ry = 2, 30
    on = render.numpyArray()
    t.par.vlength = False
    off = render.numpyArray()
    assert np.abs(on - off).max() < 2 / 255


# ---- mergeSOP ----

def test_merge_counts_are_sums_and_bounds_the_union(net):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    sphere = geo.create(td.sphereSOP)
    sphere.par.rows, sphere.par.cols = 4, 6
    sphere.par.tx = 3
    moved = geo.create(td.transformSOP)
    moved.setInputs([box])
    moved.par.ty = -2
    merge = geo.create(td.mergeSOP)
    parts = [box, sphere, moved, box]
    merge.setInputs(parts)
    for member in ("numPoints", "numPrims", "numVertices"):
        assert getattr(merge, member) == sum(getattr(p, member) for p in parts)
    lo = np.min([tuple(p.computeBounds().min) for p in parts], axis=0)
    hi = np.max([tuple(p.computeBounds().max) for p in parts], axis=0)
    assert_bounds(merge, lo, hi)
    assert lo[1] == -2.5 and hi[0] > 3.5
    assert (merge.minInputs, merge.maxInputs) == (1, 64)
    assert len(merge.pars()) == 0


def test_merge_order_and_no_inputs(net):
    geo = net.create(td.geometryCOMP)
    merge = geo.create(td.mergeSOP)
    assert (merge.numPoints, merge.numPrims) == (0, 0)
    a, b = geo.create(td.boxSOP), geo.create(td.sphereSOP)
    b.par.rows, b.par.cols = 2, 3
    merge.setInputs([a, b])
    n1 = merge.numPoints
    merge.setInputs([b, a])
    assert merge.numPoints == n1 == a.numPoints + b.numPoints


def test_merge_of_many_inputs(net):
    geo = net.create(td.geometryCOMP)
    boxes = []
    for i in range(64):
        b = geo.create(td.boxSOP)
        b.par.tx = i
        boxes.append(b)
    merge = geo.create(td.mergeSOP)
    merge.setInputs(boxes)
    assert merge.numPoints == 64 * 24 and merge.numPrims == 64 * 6
    assert_bounds(merge, (-0.5, -0.5, -0.5), (63.5, 0.5, 0.5))
    with pytest.raises(Exception):
        merge.setInputs(boxes + [geo.create(td.boxSOP)])


def test_merged_pieces_render_where_each_would(net):
    """A merge of two boxes draws exactly what the two boxes draw from two geometryCOMPs."""
    mat, render = lit_scene(net)

    def boxes(parent):
        a, b = parent.create(td.boxSOP), parent.create(td.boxSOP)
        b.par.tx, b.par.ty, b.par.scale = 1.2, 0.5, 0.6
        return a, b

    geo = net.create(td.geometryCOMP)
    geo.par.material = mat
    merge = geo.create(td.mergeSOP)
    merge.setInputs(list(boxes(geo)))
    merge.render = True
    merged = render.numpyArray()
    geo.render = False
    pair = [net.create(td.geometryCOMP), net.create(td.geometryCOMP)]
    for g in pair:
        g.par.material = mat
    a, _ = boxes(pair[0])
    a.render = True
    boxes(pair[1])
    separate = render.numpyArray()
    assert np.any(separate != separate[0, 0], axis=-1).sum() > 1000
    assert np.abs(merged - separate).max() < 2 / 255


# ---- chains and rendering ----

def chain(net):
    geo = net.create(td.geometryCOMP)
    mat = net.create(td.constantMAT)
    mat.par.colorr, mat.par.colorg, mat.par.colorb = COLOR[:3]
    geo.par.material = mat
    box = geo.create(td.boxSOP)
    t = geo.create(td.transformSOP)
    t.setInputs([box])
    null = geo.create(td.nullSOP)
    null.setInputs([t])
    out = geo.create(td.outSOP)
    out.setInputs([null])
    cam = net.create(td.cameraCOMP)
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = BG
    render = net.create(td.renderTOP)
    render.par.resolutionw, render.par.resolutionh = 320, 240
    return geo, box, t, null, out, render


def silhouette(m, width, height, shrink):
    """The pixels inside the convex hull of the box's corners under m, projected by the default
    camera (tz 5, horizontal fov 45)."""
    outline = hull([project((m @ c)[:3], width, height) for c in corners()])
    xs, ys = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
    inside = np.ones((height, width), bool)
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1]):
        ex, ey = x1 - x0, y1 - y0
        inside &= (ex * (ys - y0) - ey * (xs - x0)) / math.hypot(ex, ey) > shrink
    return inside


def covered(a):
    is_box = np.all(a == COLOR, axis=-1)
    assert np.all(is_box | np.all(a == BG, axis=-1)), "pixels neither the material nor the background"
    return is_box


def test_chain_renders_where_the_geometry_says(net):
    geo, box, t, null, out, render = chain(net)
    assert out.render and out.display and not any(s.render or s.display for s in (box, t, null))
    t.par.tx, t.par.ty = 0.8, -0.3
    t.par.rz, t.par.ry = 30, 20
    t.par.sx = 1.5
    m = transform_matrix(t=(0.8, -0.3, 0), r=(0, 20, 30), s=(1.5, 1, 1))
    assert_mask_within_one_pixel(covered(render.numpyArray()), lambda s: silhouette(m, 320, 240, s))
    # the render flag on the box instead: the untransformed box
    box.render = True
    assert not out.render
    assert_mask_within_one_pixel(covered(render.numpyArray()), lambda s: silhouette(np.eye(4), 320, 240, s))


def test_chain_cooks_only_downstream_of_a_change(net):
    geo, box, t, null, out, render = chain(net)
    ops = (box, t, null, out)
    render.numpyArray()
    base = [o.totalCooks for o in ops]
    render.numpyArray()
    assert [o.totalCooks for o in ops] == base  # nothing changed: nothing cooks
    t.par.tx = 0.5
    render.numpyArray()
    assert [o.totalCooks - n for o, n in zip(ops, base)] == [0, 1, 1, 1]
    box.par.sizex = 0.5
    render.numpyArray()
    assert [o.totalCooks - n for o, n in zip(ops, base)] == [1, 2, 2, 2]
    null.bypass = True
    assert_bounds(out, (0.25, -0.5, -0.5), (0.75, 0.5, 0.5))


def test_in_and_out_sops_pass_their_input(net):
    geo = net.create(td.geometryCOMP)
    i = geo.create(td.inSOP)
    assert (i.numPoints, i.numPrims) == (0, 0)  # no COMP input connectors yet: empty
    assert i.par.label.eval() == "" and geo.create(td.outSOP).par.label.eval() == ""
    box = geo.create(td.boxSOP)
    box.par.sizey = 2
    i.setInputs([box])
    o = geo.create(td.outSOP)
    o.setInputs([i])
    assert o.numPoints == 24 and tuple(o.computeBounds().size) == (1.0, 2.0, 1.0)
    assert len(geo.create(td.nullSOP).pars()) == 0


# ---- flags ----

def test_flags_radio_among_sibling_sops(net):
    geo = net.create(td.geometryCOMP)
    a = geo.create(td.boxSOP)
    assert a.render and a.display
    b = geo.create(td.sphereSOP)
    assert b.render and b.display and not a.render and not a.display  # the new SOP takes them
    a.render = True
    assert a.render and not b.render and b.display and not a.display  # each flag on its own
    a.display = True
    assert a.display and not b.display
    a.render = False
    assert not a.render and not b.render  # off is off: nobody gets it
    b.render = True
    assert b.render and not a.render
    # another network and other families are not affected
    other = net.create(td.geometryCOMP)
    c = other.create(td.boxSOP)
    assert c.render and b.render and geo.render and other.render
    top = geo.create(td.constantTOP)
    assert top.render and b.render


@pytest.mark.parametrize("cls", td.families["SOP"], ids=lambda c: c.__name__)
def test_every_sop_type_follows_the_flag_rule(net, cls):
    geo = net.create(td.geometryCOMP)
    first = geo.create(td.boxSOP)
    made = geo.create(cls)
    assert made.render and made.display and not first.render and not first.display
    first.render = True
    assert not made.render


def test_copies_and_restored_states_keep_one_holder(net):
    geo = net.create(td.geometryCOMP)
    a, b = geo.create(td.boxSOP), geo.create(td.boxSOP)
    a.render = True  # b keeps display, a has render
    copy = geo.copy(b)  # b's state has render off: the holder keeps it
    assert a.render and not copy.render and copy.display and not b.display
    copy2 = geo.copy(a)  # a's state has render on: the copy takes it, as turning it on would
    assert copy2.render and not a.render
    geo2 = net.copy(geo)  # a copied network: the same SOP holds each flag
    held = {s.name: (s.render, s.display) for s in geo.children}
    assert {s.name: (s.render, s.display) for s in geo2.children} == held
    assert sum(s.render for s in geo2.children) == 1 and sum(s.display for s in geo2.children) == 1


def test_change_type_keeps_the_flags_in_the_network(net):
    geo = net.create(td.geometryCOMP)
    a, b = geo.create(td.boxSOP), geo.create(td.boxSOP)
    assert b.render
    b2 = b.changeType(td.sphereSOP)
    assert b2.render and not a.render
    top = geo.create(td.constantTOP)
    assert top.render
    s = top.changeType(td.nullSOP)  # a TOP becoming a SOP does not take the SOPs' flags
    assert not s.render and b2.render


def test_only_the_render_flag_sop_is_drawn(net):
    geo, box, t, null, out, render = chain(net)
    extra = geo.create(td.boxSOP)
    extra.par.tx = 1.2  # created last: it alone is drawn now
    m = transform_matrix(t=(1.2, 0, 0))
    assert_mask_within_one_pixel(covered(render.numpyArray()), lambda s: silhouette(m, 320, 240, s))
    out.render = True
    assert_mask_within_one_pixel(covered(render.numpyArray()), lambda s: silhouette(np.eye(4), 320, 240, s))


def test_moving_the_flags_cooks_nothing(net):
    """Which SOP is shown and rendered changes what a render draws, not any SOP's geometry."""
    geo, box, t, null, out, render = chain(net)
    before = render.numpyArray()
    ops = (box, t, null, out)
    base = [o.totalCooks for o in ops]
    extra = geo.create(td.boxSOP)
    extra.par.sizex = 0.1
    assert not np.array_equal(render.numpyArray(), before)
    out.render = True
    t.display = True
    assert np.array_equal(render.numpyArray(), before)
    assert [o.totalCooks for o in ops] == base


# ---- hostile expressions ----

def test_expression_destroying_the_input_mid_cook(net):
    geo, box, t, null, out, render = chain(net)
    t.par.tx.expr = "op('%s').destroy() or 0.5" % box.path
    try:
        out.numPoints  # the box cooked before the expression ran; its mesh is held
    except td.tdError:
        pass
    assert not box.valid
    with pytest.raises(td.tdError, match="transform1: par tx"):  # the expression now fails, clearly
        render.numpyArray()
    assert "par tx" in t.errors()
    t.par.tx = 0.5
    render.numpyArray()  # the chain has lost its input: an empty transform, no crash
    assert out.numPoints == 0


def test_expression_destroying_the_sop_itself(net):
    geo, box, t, null, out, render = chain(net)
    t.par.tx.expr = "op('%s').destroy() or 0.5" % t.path
    with pytest.raises(td.tdError):
        render.numpyArray()
    assert not t.valid
    render.numpyArray()
    assert out.numPoints == 0


def test_expression_destroying_the_merge_and_rewiring(net):
    geo = net.create(td.geometryCOMP)
    a, b = geo.create(td.boxSOP), geo.create(td.boxSOP)
    merge = geo.create(td.mergeSOP)
    merge.setInputs([a, b])
    b.par.tx.expr = "op('%s').setInputs([]) or 1" % merge.path  # rewired while its inputs cook
    n = merge.numPoints
    assert n in (0, 48)
    assert merge.numPoints == 0  # the next cook sees the new wiring
    a.par.tx.expr = "op('%s').destroy() or 1" % merge.path
    merge.setInputs([a])
    with pytest.raises(td.tdError):
        merge.numPoints
    assert not merge.valid


def test_expression_destroying_the_geometry_mid_render(net):
    geo, box, t, null, out, render = chain(net)
    t.par.tx.expr = "op('%s').destroy() or 0" % geo.path
    try:
        render.numpyArray()
    except td.tdError:
        pass
    assert not geo.valid
    render.numpyArray()
