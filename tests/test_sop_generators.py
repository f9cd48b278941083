"""The SOP generators (grid, rectangle, circle, line, torus, tube, and the box and sphere
additions): point, primitive and vertex counts and bounds computed here from the parameters and
each type's documented layout, renders of one shape of each family against its projected outline
(a face-on rectangle and grid, a drawn line, a disc, a torus seen along its axis), and bad
parameters refused with clear errors. Positions, normals and uvs point by point are checked by the
C tests (tests/c/test_geom_shapes.c)."""
import math

import numpy as np
import pytest

import td_render as td
from imagetools import assert_mask_within_one_pixel, box_silhouette, hull, project

COLOR = np.array([204 / 255, 51 / 255, 102 / 255, 1.0], np.float32)
BG = np.array([0.0, 0.0, 51 / 255, 1.0], np.float32)
W, H = 320, 240


def lattice(rows, cols, surftype):
    """(prims, vertices) of a rows x cols lattice connected as the Connectivity menu says."""
    cells = (rows - 1) * (cols - 1)
    return {"rows": (rows, rows * cols), "cols": (cols, rows * cols), "rowcol": (rows + cols, 2 * rows * cols),
            "quads": (cells, 4 * cells), "triangles": (2 * cells, 6 * cells),
            "alttriangles": (2 * cells, 6 * cells)}[surftype]


def counts(sop):
    return sop.numPoints, sop.numPrims, sop.numVertices


def bounds(sop):
    b = sop.computeBounds()
    return tuple(b.min), tuple(b.max)


def close(a, b, tol=1e-6):
    return all(abs(x - y) <= tol for x, y in zip(np.ravel(a), np.ravel(b)))


# ---- counts and bounds ----

@pytest.mark.parametrize("surftype", ["rows", "cols", "rowcol", "triangles", "quads", "alttriangles"])
def test_grid_counts_follow_rows_cols_and_connectivity(net, surftype):
    grid = net.create(td.geometryCOMP).create(td.gridSOP)
    grid.par.rows, grid.par.cols, grid.par.surftype = 4, 7, surftype
    assert counts(grid) == (4 * 7, *lattice(4, 7, surftype))


def test_grid_defaults_are_a_unit_quad_grid(net):
    grid = net.create(td.geometryCOMP).create(td.gridSOP)
    rows, cols = grid.par.rows.eval(), grid.par.cols.eval()
    assert (grid.par.type.eval(), grid.par.surftype.eval(), grid.par.orient.eval()) == ("poly", "quads", "xy")
    assert counts(grid) == (rows * cols, *lattice(rows, cols, "quads"))
    assert bounds(grid) == ((-0.5, -0.5, 0.0), (0.5, 0.5, 0.0))


@pytest.mark.parametrize("orient,axes", [("xy", (0, 1, 2)), ("yz", (1, 2, 0)), ("zx", (2, 0, 1))])
def test_grid_and_rectangle_bounds_follow_size_center_and_plane(net, orient, axes):
    geo = net.create(td.geometryCOMP)
    center, size = (0.5, -1.0, 2.0), (3.0, 1.5)
    for sop in (geo.create(td.gridSOP), geo.create(td.rectangleSOP)):
        sop.par.orient = orient
        sop.par.tx, sop.par.ty, sop.par.tz = center
        sop.par.sizex, sop.par.sizey = size
        lo, hi = list(center), list(center)
        for axis, s in zip(axes[:2], size):  # sizex along the plane's first axis, sizey its second
            lo[axis] -= s / 2
            hi[axis] += s / 2
        assert close(bounds(sop), (lo, hi))
    assert counts(geo.op("rectangle1")) == (4, 1, 4)


def test_rectangle_off_options_keep_the_polygon(net):
    rect = net.create(td.geometryCOMP).create(td.rectangleSOP)
    rect.par.texture, rect.par.normals = "off", False
    assert counts(rect) == (4, 1, 4)
    rect.par.orient = "cam"  # stored only: the XY rectangle
    assert bounds(rect) == ((-0.5, -0.5, 0.0), (0.5, 0.5, 0.0))


@pytest.mark.parametrize("arc,points,prims,verts", [
    ("closed", lambda d: d, lambda d: 1, lambda d: d),
    ("openarc", lambda d: d + 1, lambda d: 1, lambda d: d + 1),     # the docs: divs + 1 points
    ("closedarc", lambda d: d + 2, lambda d: 1, lambda d: d + 2),   # the docs: divs + 2 points
    ("slicedarc", lambda d: d + 2, lambda d: d, lambda d: 3 * d),
])
def test_circle_counts_per_arc_type(net, arc, points, prims, verts):
    circle = net.create(td.geometryCOMP).create(td.circleSOP)
    circle.par.arc, circle.par.divs = arc, 9
    assert counts(circle) == (points(9), prims(9), verts(9))


@pytest.mark.parametrize("orient,axes", [("xy", (0, 1, 2)), ("yz", (1, 2, 0)), ("zx", (2, 0, 1))])
def test_circle_bounds_are_its_radii(net, orient, axes):
    circle = net.create(td.geometryCOMP).create(td.circleSOP)
    circle.par.orient, circle.par.divs = orient, 16  # points at 0, 90, 180 and 270 degrees
    circle.par.radx, circle.par.rady = 2.0, 0.5
    circle.par.tx, circle.par.ty, circle.par.tz = 1.0, 2.0, 3.0
    lo, hi = [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]
    for axis, r in zip(axes[:2], (2.0, 0.5)):
        lo[axis] -= r
        hi[axis] += r
    assert close(bounds(circle), (lo, hi))


def test_quarter_arc_bounds(net):
    circle = net.create(td.geometryCOMP).create(td.circleSOP)
    circle.par.arc, circle.par.beginangle, circle.par.endangle = "openarc", 0, 90
    circle.par.radx, circle.par.rady = 2.0, 3.0
    # from (2, 0) counter-clockwise to (0, 3): the quarter's bounding box
    assert close(bounds(circle), ((0.0, 0.0, 0.0), (2.0, 3.0, 0.0)))
    circle.par.arc = "closedarc"  # the centre joins
    assert close(bounds(circle), ((0.0, 0.0, 0.0), (2.0, 3.0, 0.0)))


def test_line_counts_and_bounds(net):
    line = net.create(td.geometryCOMP).create(td.lineSOP)
    assert counts(line) == (2, 1, 2)
    line.par.pax, line.par.pay, line.par.paz = 1.0, -2.0, 3.0
    line.par.pbx, line.par.pby, line.par.pbz = -1.0, 4.0, 0.5
    line.par.points = 11
    assert counts(line) == (11, 1, 11)
    assert close(bounds(line), ((-1.0, -2.0, 0.5), (1.0, 4.0, 3.0)))


@pytest.mark.parametrize("orient", ["x", "y", "z"])
def test_torus_counts_and_bounds(net, orient):
    torus = net.create(td.geometryCOMP).create(td.torusSOP)
    torus.par.orient = orient
    torus.par.rows, torus.par.cols = 16, 8  # multiples of 4: points at the extremes
    torus.par.radx, torus.par.rady = 2.0, 0.5
    # a closed ring and cross-section repeat their first points (torusSOP's docstring)
    assert counts(torus) == (17 * 9, 16 * 8, 4 * 16 * 8)
    axis = "xyz".index(orient)
    extent = [2.5, 2.5, 2.5]
    extent[axis] = 0.5
    assert close(bounds(torus), ([-e for e in extent], extent), 1e-5)


def test_torus_section(net):
    torus = net.create(td.geometryCOMP).create(td.torusSOP)
    torus.par.closeu = False
    torus.par.beginangleu, torus.par.endangleu = 0, 90  # a quarter of the ring, from e1 (z) to e2 (x)
    torus.par.rows, torus.par.cols = 8, 8
    torus.par.radx, torus.par.rady = 2.0, 0.5
    assert counts(torus) == (9 * 9, 64, 256)
    assert close(bounds(torus), ((0.0, -0.5, 0.0), (2.5, 0.5, 2.5)), 1e-5)


@pytest.mark.parametrize("cap", [False, True])
def test_tube_counts_and_bounds(net, cap):
    tube = net.create(td.geometryCOMP).create(td.tubeSOP)
    tube.par.rows, tube.par.cols, tube.par.cap = 3, 8, cap
    tube.par.rad1, tube.par.rad2, tube.par.height = 0.5, 1.5, 4.0
    side = (3 * 9, 2 * 8, 4 * 2 * 8)
    caps = (2 * 8, 2, 2 * 8) if cap else (0, 0, 0)
    assert counts(tube) == tuple(a + b for a, b in zip(side, caps))
    # cols 8: points at +-1.5 along both radial axes at the bottom (rad2)
    assert close(bounds(tube), ((-1.5, -2.0, -1.5), (1.5, 2.0, 1.5)), 1e-6)


def test_tube_orient_z(net):
    tube = net.create(td.geometryCOMP).create(td.tubeSOP)
    tube.par.orient, tube.par.cols, tube.par.height = "z", 4, 2.0
    assert close(bounds(tube), ((-1.0, -1.0, -1.0), (1.0, 1.0, 1.0)), 1e-6)


@pytest.mark.parametrize("freq", [1, 2, 5])
def test_polygon_sphere_counts(net, freq):
    sphere = net.create(td.geometryCOMP).create(td.sphereSOP)
    sphere.par.type, sphere.par.freq = "poly", freq
    # 20 icosahedron faces, each cut into freq^2 triangles with its own points
    assert counts(sphere) == (20 * (freq + 1) * (freq + 2) // 2, 20 * freq * freq, 60 * freq * freq)
    b = bounds(sphere)
    assert all(-1.0 - 1e-6 <= v <= 1.0 + 1e-6 for v in b[0] + b[1])


def test_sphere_keeps_rows_cols_and_gains_connectivity_and_orient(net):
    sphere = net.create(td.geometryCOMP).create(td.sphereSOP)
    assert sphere.par.type.eval() == "mesh"
    sphere.par.rows, sphere.par.cols = 6, 8
    assert counts(sphere) == (7 * 9, 48, 192)
    sphere.par.surftype = "triangles"
    assert counts(sphere) == (7 * 9, 96, 288)
    sphere.par.orient = "x"
    sphere.par.radx, sphere.par.rady, sphere.par.radz = 3.0, 1.0, 2.0
    assert close(bounds(sphere), ((-3.0, -1.0, -2.0), (3.0, 1.0, 2.0)), 1e-6)


def test_box_texture_and_normals_options(net):
    box = net.create(td.geometryCOMP).create(td.boxSOP)
    assert box.par.texture.eval() == "faceoutside" and box.par.normals.eval() is True
    for texture in ("off", "faceinside", "boxoutside", "cubemapinside"):
        box.par.texture = texture
        box.par.normals = texture != "off"
        assert counts(box) == (24, 6, 24)
        assert bounds(box) == ((-0.5, -0.5, -0.5), (0.5, 0.5, 0.5))


def test_change_type_keeps_shared_parameters_and_skips_foreign_menu_tokens(net):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    box.par.tx, box.par.texture, box.par.normals = 2.0, "faceinside", False
    sphere = box.changeType(td.sphereSOP)  # no 'faceinside' in the sphere's menu: its own default stays
    assert (sphere.par.tx.eval(), sphere.par.texture.eval(), sphere.par.normals.eval()) == (2.0, "byprimtype", False)
    grid = geo.create(td.gridSOP)
    grid.par.orient, grid.par.surftype = "zx", "rows"
    tube = grid.changeType(td.tubeSOP)  # orient xy/yz/zx is not an axis; the connectivity carries
    assert (tube.par.orient.eval(), tube.par.surftype.eval()) == ("y", "rows")


# ---- bad parameters ----

@pytest.mark.parametrize("cls,par,value", [
    (td.gridSOP, "rows", -1), (td.gridSOP, "cols", 0), (td.circleSOP, "divs", 0), (td.lineSOP, "points", 1),
    (td.torusSOP, "rows", -2), (td.tubeSOP, "rows", 1), (td.tubeSOP, "cols", 2), (td.sphereSOP, "freq", 0),
])
def test_out_of_range_values_are_refused(net, cls, par, value):
    sop = net.create(td.geometryCOMP).create(cls)
    before = counts(sop)
    with pytest.raises(ValueError, match=par):
        setattr(sop.par, par, value)
    assert counts(sop) == before


@pytest.mark.parametrize("cls,pars,match", [
    (td.gridSOP, dict(rows=1), "too few"),                    # quads need 2 x 2 points
    (td.gridSOP, dict(cols=1, surftype="rows"), "too few"),  # a row polyline needs 2 columns
    (td.circleSOP, dict(divs=2), "at least 3"),              # a closed circle needs 3
    (td.gridSOP, dict(rows=20000, cols=20000), "more than"),  # 4e8 points: refused, not allocated
])
def test_impossible_shapes_raise_on_the_sop(net, cls, pars, match):
    sop = net.create(td.geometryCOMP).create(cls)
    for name, value in pars.items():
        setattr(sop.par, name, value)
    with pytest.raises(td.tdError, match=sop.path + ": .*" + match):
        sop.numPoints
    assert match in sop.errors()
    with pytest.raises(td.tdError, match=match):
        sop.computeBounds()


def test_expression_out_of_range_is_an_error_not_a_crash(net):
    grid = net.create(td.geometryCOMP).create(td.gridSOP)
    grid.par.rows.expr = "-4"
    grid.numPoints  # the constant (10) is used and the failure recorded
    assert "rows" in grid.errors()


# ---- renders ----

def scene(net, cls):
    geo = net.create(td.geometryCOMP, "geo1")
    sop = geo.create(cls, "sop1")
    mat = net.create(td.constantMAT, "constant1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = COLOR[:3]
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = BG
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = W, H
    return sop, render


def covered(render):
    a = render.numpyArray()
    is_shape = np.all(a == COLOR, axis=-1)
    assert np.all(is_shape | np.all(a == BG, axis=-1)), "pixels neither the material nor the background colour"
    return is_shape


@pytest.mark.parametrize("cls,surftype", [(td.rectangleSOP, None), (td.gridSOP, "quads"),
                                          (td.gridSOP, "alttriangles")])
def test_face_on_rectangle_covers_its_projection(net, cls, surftype):
    sop, render = scene(net, cls)
    sop.par.sizex, sop.par.sizey = 1.6, 0.9
    sop.par.tx, sop.par.ty = 0.3, -0.2
    if surftype:
        sop.par.surftype = surftype
    mask = covered(render)
    assert_mask_within_one_pixel(
        mask, lambda s: box_silhouette(W, H, center=(0.3, -0.2, 0.0), size=(1.6, 0.9, 0.0), shrink=s))


def test_rectangle_seen_edge_on_covers_nothing(net):
    sop, render = scene(net, td.rectangleSOP)
    sop.par.orient = "zx"  # facing +y: the camera on +z sees its edge
    assert not covered(render).any()


def test_grid_of_lines_draws_no_faces(net):
    sop, render = scene(net, td.gridSOP)
    sop.par.sizex, sop.par.sizey, sop.par.rows, sop.par.cols = 2.0, 2.0, 3, 3
    sop.par.surftype = "rows"  # three horizontal lines
    mask = covered(render)
    rows = sorted(set(np.nonzero(mask)[0]))
    # each line lies on a row of pixels at its projected height (within a pixel); nothing between
    for y in (-1.0, 0.0, 1.0):
        py = project((0.0, y + 1e-3, 0.0), W, H)[1]
        assert any(abs(r + 0.5 - py) <= 1.0 for r in rows), "no pixels drawn for the line at y=%g" % y
    assert len(rows) <= 6 and mask.sum() < 0.05 * W * H


def test_line_is_drawn_along_its_projection(net):
    sop, render = scene(net, td.lineSOP)
    y = 0.05  # off the boundary between two pixel rows
    sop.par.pax, sop.par.pay = -1.0, y
    sop.par.pbx, sop.par.pby = 1.0, y
    mask = covered(render)
    assert mask.any(), "the line drew nothing"
    (x0, py), (x1, _) = project((-1.0, y, 0.0), W, H), project((1.0, y, 0.0), W, H)
    ys, xs = np.nonzero(mask)
    assert np.all(np.abs(ys + 0.5 - py) <= 1.0), "line pixels off its projected row"
    assert abs(xs.min() - x0) <= 1.0 and abs(xs.max() + 1 - x1) <= 1.0
    # one pixel a column along it: a line, not a thin polygon
    assert abs(mask.sum() - (x1 - x0)) <= 2.0


def radial_mask(cx, cy, lo, hi):
    xs, ys = np.meshgrid(np.arange(W) + 0.5, np.arange(H) + 0.5)
    r = np.hypot(xs - cx, ys - cy)
    return (r > lo) & (r < hi)


def test_disc_covers_its_projected_circle(net):
    sop, render = scene(net, td.circleSOP)
    sop.par.divs, sop.par.radx, sop.par.rady = 96, 1.2, 1.2
    mask = covered(render)
    cx, cy = project((0.0, 0.0, 0.0), W, H)
    px = project((1.2, 0.0, 0.0), W, H)[0] - cx  # the radius in pixels
    sag = px * (1 - math.cos(math.pi / 96))       # the polygon's chords inside the circle
    assert (radial_mask(cx, cy, -1, px - sag - 1.0) & ~mask).sum() == 0
    assert (mask & ~radial_mask(cx, cy, -1, px + 1.0)).sum() == 0


def test_open_arc_draws_lines_only(net):
    sop, render = scene(net, td.circleSOP)
    sop.par.arc, sop.par.divs = "openarc", 48
    mask = covered(render)
    cx, cy = project((0.0, 0.0, 0.0), W, H)
    px = project((1.0, 0.0, 0.0), W, H)[0] - cx
    assert mask.any()
    assert (mask & ~radial_mask(cx, cy, px - 1.5, px + 1.5)).sum() == 0, "arc pixels off the circle"
    assert not mask[int(cy), int(cx)]


def test_torus_along_the_view_axis_covers_its_annulus(net):
    sop, render = scene(net, td.torusSOP)
    R, r = 1.0, 0.35
    sop.par.orient, sop.par.radx, sop.par.rady = "z", R, r
    sop.par.rows, sop.par.cols = 128, 64
    mask = covered(render)
    cx, cy = project((0.0, 0.0, 0.0), W, H)
    # the torus's outline from the camera: the extreme projected radii of its cross-section circle
    g = np.linspace(0, 2 * math.pi, 4001)
    radii = [project((R + r * math.cos(a), 0.0, r * math.sin(a)), W, H)[0] - cx for a in g]
    inner, outer = min(radii), max(radii)
    assert (radial_mask(cx, cy, inner + 1.0, outer - 1.0) & ~mask).sum() == 0
    assert (mask & ~radial_mask(cx, cy, inner - 1.0, outer + 1.0)).sum() == 0
    assert not mask[int(cy), int(cx)]


def test_tube_side_on_covers_its_trapezoid(net):
    sop, render = scene(net, td.tubeSOP)
    sop.par.rad1, sop.par.rad2, sop.par.height, sop.par.cols = 0.4, 0.8, 1.5, 96
    sop.par.cap = True
    mask = covered(render)
    # seen from +z the tube is a frustum: its outline is the hull of its end circles' projections
    pts = []
    for y, rad in ((0.75, 0.4), (-0.75, 0.8)):
        for a in np.linspace(0, 2 * math.pi, 721):
            pts.append(project((rad * math.cos(a), y, rad * math.sin(a)), W, H))
    outline = hull(pts)

    def expected(shrink):
        xs, ys = np.meshgrid(np.arange(W) + 0.5, np.arange(H) + 0.5)
        inside = np.ones((H, W), bool)
        for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1]):
            ex, ey = x1 - x0, y1 - y0
            inside &= (ex * (ys - y0) - ey * (xs - x0)) / math.hypot(ex, ey) > shrink
        return inside

    assert_mask_within_one_pixel(mask, expected)
