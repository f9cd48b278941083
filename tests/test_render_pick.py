"""Picking: renderTOP.pick(u, v) and renderpickDAT find what lies under a point of the image. The
expected answers come from the scene's geometry and the camera's documented projection (the test
casts its own ray through each pixel centre), never from a run."""
import math

import pytest

import td_render as td

W, H = 96, 72
T = 1.0 / math.tan(math.radians(45.0) / 2.0)  # the default camera: horizontal fov 45, at z = 5


def ray(u, v):
    """The direction of the default camera's ray through (u, v) (it looks down -z from (0, 0, 5))."""
    return ((2 * u - 1) / T, (2 * v - 1) / (T * W / H), -1.0)


def scene(net, size=(1.0, 1.0, 1.0)):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    box.par.sizex, box.par.sizey, box.par.sizez = size
    net.create(td.cameraCOMP, "cam1")
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = W, H
    return geo, box, render


def test_pick_the_front_face_of_a_box(net):
    geo, _, render = scene(net)
    u, v = 0.53, 0.46
    hit = render.pick(u, v)
    assert hit is not None and hit.path == geo.path
    # the ray from (0, 0, 5) meets the front face z = 0.5 after 4.5 units along -z
    d = ray(u, v)
    expected = (d[0] * 4.5, d[1] * 4.5, 0.5)
    assert hit.position == pytest.approx(expected, abs=1e-6)
    assert hit.normal == pytest.approx((0.0, 0.0, 1.0), abs=1e-6)
    assert hit.depth == pytest.approx(math.dist(expected, (0.0, 0.0, 5.0)), abs=1e-6)
    # the +z face's layout (geom/box.c): u grows with x, v with y, (0, 0) at (-0.5, -0.5)
    assert hit.uv == pytest.approx((expected[0] + 0.5, expected[1] + 0.5, 0.0), abs=1e-6)
    assert hit.color == (1.0, 1.0, 1.0, 1.0) and hit.instance == 0


def test_picks_agree_with_the_rendered_coverage(net):
    geo, _, render = scene(net, size=(1.2, 0.8, 1.0))
    geo.par.ry = 35
    mat = net.create(td.constantMAT)
    geo.par.material = mat
    img = render.numpyArray()
    covered = img[..., 3] > 0.5
    assert 300 < covered.sum() < W * H // 2
    checked = 0
    for y in range(0, H, 5):
        for x in range(0, W, 5):
            around = covered[max(y - 1, 0):y + 2, max(x - 1, 0):x + 2]
            if around.all() != around.any():
                continue  # on the silhouette's edge: either answer is right
            hit = render.pick((x + 0.5) / W, (y + 0.5) / H)
            assert (hit is not None) == bool(covered[y, x]), (x, y)
            checked += hit is not None
            if hit is not None:
                # the hit projects back into the pixel it was picked from
                px = hit.position[0] / (5 - hit.position[2]) * T
                py = hit.position[1] / (5 - hit.position[2]) * T * W / H
                assert abs((px + 1) / 2 * W - (x + 0.5)) < 1e-4 and abs((py + 1) / 2 * H - (y + 0.5)) < 1e-4
    assert checked > 10


def test_a_rotated_box_gives_the_rotated_normal(net):
    geo, _, render = scene(net)
    geo.par.ry = 30
    hit = render.pick(0.5, 0.5)
    # the +z face turned 30 degrees about y: its normal is (sin 30, 0, cos 30)
    assert hit.normal == pytest.approx((0.5, 0.0, math.sqrt(3) / 2), abs=1e-6)
    # and the ray along -z meets that face's plane n . p = 0.5 at z = 0.5 / cos 30
    assert hit.position == pytest.approx((0.0, 0.0, 0.5 / math.cos(math.radians(30))), abs=1e-6)


def test_nothing_under_the_point_is_none(net):
    _, _, render = scene(net)
    assert render.pick(0.02, 0.97) is None


def test_the_nearest_geometry_wins(net):
    geo, _, render = scene(net)
    near = net.create(td.geometryCOMP, "geo2")
    near.create(td.boxSOP).par.sizez = 0.2
    near.par.tz = 1.5
    hit = render.pick(0.5, 0.5)
    assert hit.path == near.path and hit.position[2] == pytest.approx(1.6, abs=1e-6)
    near.par.render = False
    assert render.pick(0.5, 0.5).path == geo.path


def test_culled_faces_are_not_picked(net):
    geo, box, render = scene(net)
    box.par.sizex = box.par.sizey = box.par.sizez = 20  # the camera is inside the box
    render.par.cullface = "neither"
    hit = render.pick(0.5, 0.5)
    assert hit is not None and hit.position[2] == pytest.approx(-10.0, abs=1e-6)
    render.par.cullface = "backfaces"
    assert render.pick(0.5, 0.5) is None  # from inside, every face shows its back


def test_pick_arguments(net):
    _, _, render = scene(net)
    with pytest.raises(ValueError):
        render.pick(float("nan"), 0.5)
    with pytest.raises(TypeError):
        render.pick("a", 0.5)
    geo = net.create(td.constantTOP)
    assert not hasattr(geo, "pick")


# ---- renderpickDAT ----

def picker(net, render, rows):
    loc = net.create(td.tableDAT, "loc")
    loc.appendRow(["select", "u", "v"])
    for r in rows:
        loc.appendRow(list(r))
    pick = net.create(td.renderpickDAT, "pick")
    pick.inputConnectors[0].connect(loc)
    pick.par.rendertop = render.path
    return loc, pick


def rows_of(dat):
    names = [c.val for c in dat.row(0)]
    return [dict(zip(names, [c.val for c in row])) for row in dat.rows()[1:]]


def test_renderpick_dat_table(net):
    geo, _, render = scene(net)
    _, pick = picker(net, render, [(1, 0.5, 0.5), (1, 0.001, 0.001), (0, 0.5, 0.5)])
    pick.par.uv = pick.par.color = pick.par.instanceid = pick.par.depth = True
    rows = rows_of(pick)
    assert [c.val for c in pick.row(0)] == ["select", "u", "v", "path", "P_0", "P_1", "P_2", "N_0", "N_1", "N_2",
                                             "depth", "Tex_0", "Tex_1", "Tex_2", "Color_0", "Color_1", "Color_2",
                                             "Color_3", "instance"]
    assert rows[0]["path"] == geo.path
    assert [float(rows[0]["P_%d" % i]) for i in range(3)] == pytest.approx([0.0, 0.0, 0.5], abs=1e-6)
    assert float(rows[0]["depth"]) == pytest.approx(4.5, abs=1e-6)
    assert [float(rows[0]["Tex_%d" % i]) for i in range(2)] == pytest.approx([0.5, 0.5], abs=1e-6)
    assert rows[0]["instance"] == "0"
    assert rows[1]["path"] == "" and rows[1]["P_0"] == ""  # a miss
    assert rows[2]["path"] == ""  # not selected (strategy select)
    pick.par.strategy = "always"
    assert rows_of(pick)[2]["path"] == geo.path


def test_renderpick_dat_spaces(net):
    geo, _, render = scene(net)
    geo.par.tx = 0.2
    _, pick = picker(net, render, [(1, 0.5, 0.5)])
    d = ray(0.5, 0.5)
    world = rows_of(pick)[0]
    assert [float(world["P_%d" % i]) for i in range(3)] == pytest.approx([0.0, 0.0, 0.5], abs=1e-6)
    pick.par.position = "sopspace"
    sop = rows_of(pick)[0]
    assert [float(sop["P_%d" % i]) for i in range(3)] == pytest.approx([-0.2, 0.0, 0.5], abs=1e-6)
    pick.par.position = pick.par.normal = "cameraspace"
    cam = rows_of(pick)[0]
    # the camera sits at z = 5 unrotated: camera space is world moved by -5 in z
    assert [float(cam["P_%d" % i]) for i in range(3)] == pytest.approx([0.0, 0.0, -4.5], abs=1e-6)
    assert [float(cam["N_%d" % i]) for i in range(3)] == pytest.approx([0.0, 0.0, 1.0], abs=1e-6)
    assert d[2] == -1.0


def test_renderpick_dat_follows_the_scene(net):
    geo, _, render = scene(net)
    _, pick = picker(net, render, [(1, 0.5, 0.5)])
    assert rows_of(pick)[0]["path"] == geo.path
    cooks = pick.totalCooks
    rows_of(pick)
    assert pick.totalCooks == cooks  # nothing changed: the table is not computed again
    geo.par.tx = 5
    assert rows_of(pick)[0]["path"] == ""


def test_renderpick_dat_hold_last(net):
    geo, _, render = scene(net)
    loc, pick = picker(net, render, [(1, 0.5, 0.5)])
    pick.par.strategy = "holdlast"
    assert rows_of(pick)[0]["path"] == geo.path
    loc[1, "select"] = 0  # released: the last hit stays
    assert rows_of(pick)[0]["path"] == geo.path
    loc[1, "select"] = 1
    geo.par.tx = 5  # now it misses: the last hit stays
    assert rows_of(pick)[0]["path"] == geo.path
    pick.par.strategy = "select"
    assert rows_of(pick)[0]["path"] == ""


def test_renderpick_dat_errors(net):
    geo, _, render = scene(net)
    loc, pick = picker(net, render, [(1, 0.5, 0.5)])
    pick.par.rendertop = "nothing_here"
    with pytest.raises(td.tdError, match="names no operator"):
        pick.text
    assert "names no operator" in pick.errors()
    pick.par.rendertop = loc.path
    with pytest.raises(td.tdError, match="renderTOP or renderpassTOP"):
        pick.text
    pick.par.rendertop = render.path
    loc[1, "u"] = "left"
    with pytest.raises(td.tdError, match="not a number"):
        pick.text
    loc[1, "u"] = 0.5
    assert rows_of(pick)[0]["path"] == geo.path
    loc[0, "u"] = "x"
    with pytest.raises(td.tdError, match="u and v"):
        pick.text


def test_renderpick_dat_without_input_is_a_header(net):
    _, _, render = scene(net)
    pick = net.create(td.renderpickDAT)
    pick.par.rendertop = render.path
    assert pick.numRows == 1 and pick[0, 3].val == "path"


def test_renderpick_dat_hostile_expression(net):
    geo, _, render = scene(net)
    loc, pick = picker(net, render, [(1, 0.5, 0.5)])
    # evaluating rendertop destroys the input table: the DAT reads what it holds, or fails cleanly
    pick.par.rendertop.expr = "op(%r).destroy() or %r" % (loc.path, render.path)
    try:
        text = pick.text
    except td.tdError:
        pass
    else:
        assert text.startswith("select")
    assert not loc.valid


def test_picks_into_a_sphere_meet_the_analytic_sphere(net):
    # every pick after the first walks the mesh's hierarchy: they must find what the exact sphere
    # says (within the tessellation's error), hit or miss
    geo = net.create(td.geometryCOMP, "geo1")
    sphere = geo.create(td.sphereSOP)
    sphere.par.rows, sphere.par.cols = 40, 80
    net.create(td.cameraCOMP, "cam1")
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = W, H
    sag = 1 - math.cos(math.pi / 40)  # how far a flat facet lies inside the unit sphere, at most
    hits = misses = 0
    for i in range(19):
        for j in range(19):
            u, v = 0.25 + i / 36, 0.2 + j / 30
            d = ray(u, v)
            o = (0.0, 0.0, 5.0)
            # |o + t d| = 1: t^2 (d.d) + 2 t (o.d) + (o.o - 1) = 0
            a, b, c = sum(x * x for x in d), 2 * sum(p * q for p, q in zip(o, d)), sum(x * x for x in o) - 1
            disc = b * b - 4 * a * c
            hit = render.pick(u, v)
            # near the rim the facets and the sphere disagree: skip rays that graze it
            closest = math.sqrt(max(c + 1 - (b * b) / (4 * a), 0.0))  # distance of the ray from the centre
            if abs(closest - 1) < 3 * sag:
                continue
            if disc < 0:
                assert hit is None, (u, v)
                misses += 1
                continue
            t = (-b - math.sqrt(disc)) / (2 * a)
            exact = [o[k] + t * d[k] for k in range(3)]
            assert hit is not None and hit.path == geo.path, (u, v)
            assert math.dist(hit.position, exact) < 0.05, (u, v, hit.position, exact)
            assert 1 - 2 * sag < math.hypot(*hit.position) <= 1 + 1e-6
            hits += 1
    assert hits > 50 and misses > 50


def test_picks_name_the_instance_hit(net):
    geo, box, render = scene(net)
    box.par.scale = 0.5
    pos = net.create(td.tableDAT, "pos")
    pos.text = "tx\tty\ttz\n-1.5\t0\t0\n0\t0\t0\n1.5\t0.5\t1"
    geo.par.instancing = True
    geo.par.instanceop = "pos"
    centres = [(-1.5, 0.0, 0.0), (0.0, 0.0, 0.0), (1.5, 0.5, 1.0)]
    for k, c in enumerate(centres):
        front = (c[0], c[1], c[2] + 0.25)  # the instance's front face, half of 0.5 in front of its centre
        u = (front[0] / (5 - front[2]) * T + 1) / 2
        v = (front[1] / (5 - front[2]) * T * W / H + 1) / 2
        hit = render.pick(u, v)
        assert hit is not None and hit.instance == k and hit.path == geo.path
        assert hit.position == pytest.approx(front, abs=1e-6)
    loc, pick = picker(net, render, [(1, 0.5, 0.5)])
    pick.par.instanceid = True
    pick.par.position = "sopspace"
    row = rows_of(pick)[0]
    # the SOP's own coordinates: before the instance's translate
    assert row["instance"] == "1" and float(row["P_2"]) == pytest.approx(0.25, abs=1e-6)


def test_a_concave_polygon_is_cut_into_its_own_shape(net):
    # an L-shaped hexagon listed from (2, 1), next to its reflex corner (1, 1): a fan from there
    # would cover the notch x > 1, y > 1; ear clipping keeps to the L
    geo = net.create(td.geometryCOMP, "geo1")
    script = geo.create(td.scriptSOP)
    code = net.create(td.textDAT, "cb")
    code.text = ("def onCook(scriptOp):\n"
                 "    scriptOp.clear()\n"
                 "    poly = scriptOp.appendPoly(6, closed=True, addPoints=True)\n"
                 "    for v, (x, y) in zip(poly, [(2, 1), (1, 1), (1, 2), (0, 2), (0, 0), (2, 0)]):\n"
                 "        v.point.P = (x - 1, y - 1, 0)\n")
    script.par.callbacks = code
    net.create(td.cameraCOMP, "cam1")
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = W, H

    def at(x, y):  # the pick at the point (x, y, 0) of the L's own coordinates
        x, y = x - 1, y - 1
        return render.pick((x / 5 * T + 1) / 2, (y / 5 * T * W / H + 1) / 2)

    assert at(1.4, 1.5) is None and at(1.8, 1.8) is None  # the notch
    for x, y in [(0.5, 0.5), (1.8, 0.5), (0.5, 1.8), (0.9, 1.2), (1.2, 0.9)]:
        assert at(x, y) is not None, (x, y)
    assert script.numPrims == 1 and script.numVertices == 6
