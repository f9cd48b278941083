"""geometryCOMP instancing: boxes instanced from a DAT's columns, a SOP's points and a TOP's pixels
cover the squares their positions project to (computed here with the camera's projection); the
per-instance transform is translate * rotate * scale in instxord / instrord about the pivot (a
matrix computed here); instance colours replace, multiply, add and subtract; TDInstanceID() is
gl_InstanceID in a glslMAT's vertex stage; manual counts wrap the source; bad sources and channel
names are the geometryCOMP's errors."""
import itertools
import math
import re

import numpy as np
import pytest

import td_render as td
from imagetools import assert_mask_within_one_pixel, box_silhouette, hull, project

W = H = 320
CAM = (0.0, 0.0, 10.0)
SIZE = 0.3  # the instanced box's edge
GRID = [(-2.25 + 0.5 * i, -2.25 + 0.5 * j, 0.0) for j in range(10) for i in range(10)]


def _table(dat, rows):
    dat.text = "\n".join("\t".join(str(c) for c in r) for r in rows)


@pytest.fixture
def scene(net):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    box.par.scale = SIZE
    mat = net.create(td.constantMAT, "white")
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.tz = CAM[2]
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = W, H
    render.par.format = "rgba32float"
    pos = net.create(td.tableDAT, "pos")
    _table(pos, [["tx", "ty", "tz"]] + [list(p) for p in GRID])
    geo.par.instancing = True
    geo.par.instanceop = "pos"
    return dict(net=net, geo=geo, box=box, mat=mat, cam=cam, render=render, pos=pos)


def covered(render):
    return render.numpyArray()[..., 3] > 0


def union(centers, size=SIZE):
    def mask(shrink):
        m = np.zeros((H, W), bool)
        for c in centers:
            m |= box_silhouette(W, H, center=c, size=(size,) * 3, cam=CAM, shrink=shrink)
        return m
    return mask


def pixel(p):
    x, y = project(p, W, H, CAM)
    return int(y), int(x)  # numpyArray row (from the bottom), column


def test_dat_columns_place_100_boxes_on_their_projected_squares(scene):
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))


def test_first_row_values_and_ignored_select_columns_by_index(scene):
    geo, pos = scene["geo"], scene["pos"]
    geo.par.instancetx, geo.par.instancety, geo.par.instancetz = "0", "1", "2"
    geo.par.instancefirstrow = "ignored"  # the header row is no instance
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))
    _table(pos, [list(p) for p in GRID])  # no header: every row an instance
    geo.par.instancefirstrow = "values"
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))
    geo.par.instancefirstrow = "ignored"  # now the first box is dropped
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID[1:]))


def test_sop_points_place_an_instance_at_each_point(scene):
    geo, net = scene["geo"], scene["net"]
    points_geo = net.create(td.geometryCOMP, "points")
    points_geo.render = False
    corners = points_geo.create(td.boxSOP, "corners")
    corners.par.scale = 4.0
    geo.par.instanceop = "points/corners"
    geo.par.instancetx, geo.par.instancety, geo.par.instancetz = "P(0)", "P(1)", "P(2)"
    got = covered(scene["render"])
    want = [p for p in itertools.product((-2.0, 2.0), repeat=3)]
    assert_mask_within_one_pixel(got, union(want))
    assert corners.numPoints >= 8


def test_top_pixels_place_one_instance_a_pixel(scene):
    geo, net = scene["geo"], scene["net"]
    top = net.create(td.scriptTOP, "positions")
    a = np.zeros((10, 10, 4), np.float32)
    for k, p in enumerate(GRID):  # pixel k from the bottom row, left to right
        a[k // 10, k % 10, :3] = p
        a[k // 10, k % 10, 3] = 1.0
    top.copyNumpyArray(a)
    geo.par.instanceop = "positions"
    geo.par.instancetx, geo.par.instancety, geo.par.instancetz = "r", "g", "b"
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))
    # the instances read the pixels in order: colour each by its own pixel's alpha channel
    a[..., 3] = np.arange(100, dtype=np.float32).reshape(10, 10) / 100.0
    top.copyNumpyArray(a)
    geo.par.instancecolorop = "positions"
    geo.par.instancer = geo.par.instanceg = geo.par.instanceb = "a"
    img = scene["render"].numpyArray()
    for k, p in enumerate(GRID):
        assert img[pixel(p)][0] == pytest.approx(k / 100.0, abs=1e-6)


def test_chop_channels_place_one_instance_a_sample(scene):
    geo, net = scene["geo"], scene["net"]
    chop = net.create(td.scriptCHOP, "positions")
    code = net.create(td.textDAT, "positions_callbacks")
    code.text = ("import numpy\n"
                 "def onCook(scriptOp):\n"
                 "    scriptOp.clear()\n"
                 "    for k, name in enumerate(('tx', 'ty', 'tz', 'cr')):\n"
                 "        scriptOp.appendChan(name)\n"
                 "    scriptOp.numSamples = 100\n"
                 "    for k, c in enumerate(scriptOp.chans()):\n"
                 "        c.vals = [p[k] for p in %r] if k < 3 else [i / 100.0 for i in range(100)]\n" % GRID)
    chop.par.callbacks = code
    assert chop.numChans == 4 and chop.numSamples == 100
    geo.par.instanceop = "positions"
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))
    # one instance a sample, in order: colour each by its own sample of cr
    geo.par.instancecolorop = "positions"
    geo.par.instancer = geo.par.instanceg = geo.par.instanceb = "cr"
    img = scene["render"].numpyArray()
    for k, p in enumerate(GRID):
        assert img[pixel(p)][0] == pytest.approx(k / 100.0, abs=1e-6)


def test_manual_count_and_oplength(scene):
    geo = scene["geo"]
    geo.par.instancecountmode = "manual"
    geo.par.numinstances = 10
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID[:10]))
    geo.par.numinstances = 150  # more than the table has: its rows again
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))
    geo.par.numinstances = 0
    assert not covered(scene["render"]).any()
    geo.par.instancecountmode = "oplength"
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))
    _table(scene["pos"], [["tx", "ty", "tz"]])  # no rows: no instances
    assert not covered(scene["render"]).any()


def test_instancing_off_draws_the_mesh_once(scene):
    scene["geo"].par.instancing = False
    assert_mask_within_one_pixel(covered(scene["render"]), union([(0.0, 0.0, 0.0)]))


def test_active_channel_drops_instances(scene):
    geo, pos = scene["geo"], scene["pos"]
    rows = [["tx", "ty", "tz", "on"]] + [list(p) + [k % 3 == 0] for k, p in enumerate(GRID)]
    _table(pos, [[1 if c is True else 0 if c is False else c for c in r] for r in rows])
    geo.par.instanceactive = "on"
    assert_mask_within_one_pixel(covered(scene["render"]), union([p for k, p in enumerate(GRID) if k % 3 == 0]))


# ---- the per-instance transform ----

def rot(axis, deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    i, j = [(1, 2), (2, 0), (0, 1)][axis]
    m = np.eye(4)
    m[i, i], m[i, j], m[j, i], m[j, j] = c, -s, s, c
    return m


def trans(v):
    m = np.eye(4)
    m[:3, 3] = v
    return m


def compose(xord, rord, t, r, s, p):
    """TouchDesigner's transform: the three parts in the order xord reads (first applied first),
    rotations in the order rord reads, about the pivot."""
    R = np.eye(4)
    for a in rord:
        R = rot("xyz".index(a), r["xyz".index(a)]) @ R
    part = {"t": trans(t), "r": R, "s": np.diag(list(s) + [1.0])}
    M = np.eye(4)
    for k in xord:
        M = part[k] @ M
    return trans(p) @ M @ trans([-x for x in p])


def transformed_box_mask(M, size=SIZE):
    corners = [M @ np.array([sx * size / 2, sy * size / 2, sz * size / 2, 1.0])
               for sx, sy, sz in itertools.product((-1, 1), repeat=3)]
    outline = hull([project(c[:3], W, H, CAM) for c in corners])

    def mask(shrink):
        xs, ys = np.meshgrid(np.arange(W) + 0.5, np.arange(H) + 0.5)
        inside = np.ones((H, W), bool)
        for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1]):
            ex, ey = x1 - x0, y1 - y0
            inside &= (ex * (ys - y0) - ey * (xs - x0)) / math.hypot(ex, ey) > shrink
        return inside
    return mask


@pytest.mark.parametrize("xord,rord", [("srt", "xyz"), ("trs", "zyx"), ("rst", "yxz"), ("tsr", "xzy")])
def test_instance_transform_orders_match_the_matrix(scene, xord, rord):
    geo, pos = scene["geo"], scene["pos"]
    t, r, s, p = (1.0, -0.5, 0.5), (30.0, 50.0, 20.0), (2.0, 1.0, 3.0), (0.1, 0.2, -0.1)
    _table(pos, [["tx", "ty", "tz", "rx", "ry", "rz", "sx", "sy", "sz", "px", "py", "pz"], list(t + r + s + p)])
    geo.par.instxord, geo.par.instrord = xord, rord
    M = compose(xord, rord, t, r, s, p)
    assert_mask_within_one_pixel(covered(scene["render"]), transformed_box_mask(M))


def test_instance_transform_before_or_after_the_world_transform(scene):
    geo, pos = scene["geo"], scene["pos"]
    _table(pos, [["tx", "ty", "tz", "sx"], [2.0, 0.0, 0.0, 3.0]])
    geo.par.rz = 90.0
    inst = compose("srt", "xyz", (2, 0, 0), (0, 0, 0), (3, 1, 1), (0, 0, 0))
    world = rot(2, 90.0)
    assert_mask_within_one_pixel(covered(scene["render"]), transformed_box_mask(world @ inst))  # instanceworld
    geo.par.instanceorder = "worldinstance"
    assert_mask_within_one_pixel(covered(scene["render"]), transformed_box_mask(inst @ world))


# ---- colours ----

def _colour_table(pos):
    rows = [["tx", "ty", "tz", "r", "g", "b"]]
    cols = []
    for k, p in enumerate(GRID):
        c = ((k % 10) / 10.0, (k // 10) / 10.0, 0.25 + (k % 7) / 10.0)
        cols.append(c)
        rows.append(list(p) + list(c))
    _table(pos, rows)
    return cols


def test_instance_colours_replace_the_white_of_a_constant_mat(scene):
    geo = scene["geo"]
    cols = _colour_table(scene["pos"])
    geo.par.instancer, geo.par.instanceg, geo.par.instanceb = "r", "g", "b"
    scene["mat"].par.colorr = 0.5  # the built-in MATs multiply their colour by the instance colour
    img = scene["render"].numpyArray()
    for p, c in zip(GRID, cols):
        assert np.allclose(img[pixel(p)][:3], (0.5 * c[0], c[1], c[2]), atol=1e-6)
        assert img[pixel(p)][3] == 1.0


GLSL_VERTEX = """
out Vertex { flat vec4 color; flat int id; } oVert;
void main()
{
    oVert.color = TDInstanceColor(vec4(0.5, 0.25, 1.0, 1.0));
    oVert.id = TDInstanceID();
    gl_Position = TDWorldToProj(TDDeform(TDPos()));
}
"""
GLSL_PIXEL = """
in Vertex { flat vec4 color; flat int id; } iVert;
out vec4 fragColor;
uniform vec4 uMode;
void main()
{
    fragColor = uMode.x > 0.5 ? vec4(float(iVert.id) / 100.0, 0.0, 0.0, 1.0) : iVert.color;
}
"""


def _glsl(scene, ids):
    mat = scene["net"].create(td.glslMAT, "glsl1")
    mat.par.vdat, mat.par.pdat = GLSL_VERTEX, GLSL_PIXEL
    mat.par.vec0name = "uMode"
    mat.par.vec0valuex = 1.0 if ids else 0.0
    scene["geo"].par.material = mat
    return mat


@pytest.mark.parametrize("mode", ["replace", "multiply", "add", "subtract"])
def test_colour_modes_in_a_glsl_mat(scene, mode):
    geo = scene["geo"]
    cols = _colour_table(scene["pos"])
    _glsl(scene, ids=False)
    geo.par.instancer, geo.par.instanceg, geo.par.instanceb = "r", "g", "b"  # alpha not named
    geo.par.instancecolormode = mode
    base = np.array([0.5, 0.25, 1.0])
    img = scene["render"].numpyArray()
    for p, c in zip(GRID, cols):
        c = np.array(c)
        want = {"replace": c, "multiply": base * c, "add": base + c, "subtract": base - c}[mode]
        got = img[pixel(p)]
        assert np.allclose(got[:3], want, atol=1e-6), (p, got, want)
        assert got[3] == 1.0  # alpha: unnamed, so kept (replace), times 1, plus or minus 0


def test_tdinstanceid_is_the_instance_index(scene):
    _glsl(scene, ids=True)
    img = scene["render"].numpyArray()
    for k, p in enumerate(GRID):
        assert img[pixel(p)][0] == pytest.approx(k / 100.0, abs=1e-6)


# ---- errors ----

def _raises(scene, text):
    with pytest.raises(td.tdError, match=text):
        scene["render"].numpyArray()
    assert re.search(text, scene["geo"].errors())


def test_bad_sources_and_channels_are_the_geometrys_errors(scene):
    geo, net = scene["geo"], scene["net"]
    geo.par.instanceop = "nothing_here"
    _raises(scene, "instanceop 'nothing_here' names no operator")
    geo.par.instanceop = "white"
    _raises(scene, "instancing reads a CHOP, SOP, DAT or TOP, not a constantMAT")
    net.create(td.textDAT, "words").text = "hello"
    geo.par.instanceop = "words"
    _raises(scene, "a text DAT has no columns")
    geo.par.instanceop = "pos"
    geo.par.instancety = "height"
    _raises(scene, "instancety 'height' names no channel of '.*pos' \\(it has tx, ty, tz\\)")
    geo.par.instancety = "ty"
    geo.par.instancecolorop = "gone"
    _raises(scene, "instancecolorop 'gone' names no operator")
    geo.par.instancecolorop = ""
    assert covered(scene["render"]).any()
    assert geo.errors() == ""  # fixed: the next render clears them


def test_default_channel_names_may_name_nothing(scene):
    # rx .. pz are their parameters' defaults: a table without them instances translate only
    assert_mask_within_one_pixel(covered(scene["render"]), union(GRID))
    scene["geo"].par.instancecountmode = "oplength"
    scene["geo"].par.instanceop = ""
    _raises(scene, "instancecountmode 'oplength' counts the samples of an instance OP")


def test_instances_cast_shadows(scene):
    """A distant light tilted 30 degrees off straight down: each floating instance's shadow falls
    on the ground tan(30deg) per unit of height away, toward -z; seen from straight above."""
    geo, net, cam, render = scene["geo"], scene["net"], scene["cam"], scene["render"]
    render.par.format = "rgba8fixed"
    height = 1.0
    spots = [(-1.5, height, 1.0), (1.0, height, -0.5), (0.5, height, 1.5)]
    _table(scene["pos"], [["tx", "ty", "tz"]] + [list(p) for p in spots])
    lit = net.create(td.phongMAT, "lit")
    lit.par.specr = lit.par.specg = lit.par.specb = 0.0
    geo.par.material = lit
    ground = net.create(td.geometryCOMP, "geo_ground")
    slab = ground.create(td.boxSOP, "slab")
    slab.par.sizex, slab.par.sizey, slab.par.sizez, slab.par.ty = 8.0, 0.02, 8.0, -0.01
    ground.par.material = lit
    light = net.create(td.lightCOMP, "light1")
    light.par.lighttype = "distant"
    light.par.rx = -60.0  # travels down and toward -z
    light.par.ty, light.par.tz = 10.0, 10.0 * math.tan(math.radians(30.0))  # its map's frustum starts here
    light.par.orthowidth = 12.0
    light.par.shadowtype = "hard2d"
    light.par.shadowcasters = "geo1"
    cam.par.tz, cam.par.ty, cam.par.rx = 0.0, 10.0, -90.0

    def px(x, z):  # a ground point as the camera straight above sees it (its up is world -z)
        u, v = project((x, -z, 0.0), W, H, CAM)
        return int(v), int(u)

    shift = height * math.tan(math.radians(30.0))
    img = render.numpyArray()[..., 0]
    for x, _, z in spots:
        assert img[px(x, z - shift)] < 0.5 * img[px(x, z + shift)], (x, z)
    geo.par.instancing = False  # one box at the origin, in the ground: no shadow at the spots
    img = render.numpyArray()[..., 0]
    for x, _, z in spots:
        assert img[px(x, z - shift)] == pytest.approx(img[px(x, z + shift)], abs=1 / 255)


@pytest.mark.parametrize("mode", ["replace", "transform"])
def test_texture_coordinates_in_a_glsl_mat(scene, mode):
    geo, pos = scene["geo"], scene["pos"]
    uvs = [((k % 10) / 10.0, (k // 10) / 20.0) for k in range(len(GRID))]
    _table(pos, [["tx", "ty", "tz", "u", "v"]] + [list(p) + list(uv) for p, uv in zip(GRID, uvs)])
    mat = _glsl(scene, ids=False)
    mat.par.vdat = GLSL_VERTEX.replace("TDInstanceColor(vec4(0.5, 0.25, 1.0, 1.0))",
                                       "vec4(TDInstanceTexCoord(vec3(0.5, 0.25, 0.125)), 1.0)")
    geo.par.instanceu, geo.par.instancev = "u", "v"  # w not named
    geo.par.instancetexmode = mode
    img = scene["render"].numpyArray()
    for p, (u, v) in zip(GRID, uvs):
        want = (u, v, 0.125) if mode == "replace" else (0.5 + u, 0.25 + v, 0.125)
        assert np.allclose(img[pixel(p)][:3], want, atol=1e-6)


def test_hostile_sources_raise(scene):
    geo, net, render = scene["geo"], scene["net"], scene["render"]
    geo.par.instanceop = "render1"  # the render reading itself
    with pytest.raises(td.tdError, match="cycle"):
        render.numpyArray()
    src = net.create(td.geometryCOMP, "src")
    s = src.create(td.sphereSOP, "s")
    s.par.rows.expr = "op('%s').destroy() or 8" % src.path  # the source destroys itself as it cooks
    geo.par.instanceop = "src/s"
    geo.par.instancetx = "P(0)"
    with pytest.raises(td.tdError, match="destroyed"):
        render.numpyArray()
    geo.par.instanceop = "pos"
    geo.par.instancetx.expr = "op('%s').destroy() or 'tx'" % geo.path  # the geometry destroys itself
    with pytest.raises(td.tdError, match="destroyed"):
        render.numpyArray()
