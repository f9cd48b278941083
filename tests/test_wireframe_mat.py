"""wireframeMAT: the triangles' edges as lines of the MAT's colour, the faces unfilled, linewidth
pixels wide; the Common page's wirewidth widens any MAT's wireframe the same way.

A thin 2 x 2 box faces an orthographic camera 4 wide over 64 pixels (16 pixels a unit), moved by
half a pixel so that its edges run through pixel centres: its left edge is column 16, its right
edge column 48, its bottom and top edges rows 16 and 48. Its front face's diagonal runs from (16, 16)
to (48, 48), its back face's from (48, 16) to (16, 48) (src/geom/box.c). OpenGL's aliased wide lines
cover `width` whole pixels across a line, centred on it."""
import numpy as np
import pytest

import td_render as td

N = 64
OW = 4.0
PX = N / OW  # pixels a unit
LO, HI = 16, 48  # the edges' columns and rows
COLOR = (1.0, 0.5, 0.25)


def _scene(net, mat_type=td.wireframeMAT, **mat_pars):
    geo = net.create(td.geometryCOMP, "geo1")
    b = geo.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 2.0
    b.par.sizez = 0.01
    geo.par.tx = geo.par.ty = 0.5 / PX
    mat = net.create(mat_type, "mat1")
    for k, v in mat_pars.items():
        mat.par[k] = v
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw = r.par.resolutionh = N
    r.par.camera, r.par.geometry = "cam1", "geo1"
    r.par.format = "rgba32float"
    return r, mat


def _wire(net, **pars):
    return _scene(net, colorr=COLOR[0], colorg=COLOR[1], colorb=COLOR[2], **pars)


def _distance_to_lines():
    """Each pixel centre's distance (pixels) to the nearest of the box's edges and two diagonals."""
    c = np.arange(N, dtype=float)
    x, y = np.meshgrid(c, c)  # row 0 at the bottom, as numpyArray() gives it
    inside_x = np.clip(x, LO, HI)
    inside_y = np.clip(y, LO, HI)
    edges = [np.hypot(x - LO, y - inside_y), np.hypot(x - HI, y - inside_y),
             np.hypot(x - inside_x, y - LO), np.hypot(x - inside_x, y - HI)]
    t = np.clip(((x - LO) + (y - LO)) / 2.0, 0, HI - LO)  # along (1, 1) from (LO, LO)
    edges.append(np.hypot(x - (LO + t), y - (LO + t)))
    t2 = np.clip(((HI - x) + (y - LO)) / 2.0, 0, HI - LO)  # along (-1, 1) from (HI, LO)
    edges.append(np.hypot(x - (HI - t2), y - (LO + t2)))
    return np.min(edges, axis=0)


def _run_across(row, column):
    """The columns of the run of drawn pixels in `row` that contains `column`."""
    drawn = row[:, 3] > 0
    assert drawn[column]
    lo = hi = column
    while lo > 0 and drawn[lo - 1]:
        lo -= 1
    while hi < N - 1 and drawn[hi + 1]:
        hi += 1
    return list(range(lo, hi + 1))


def test_edge_pixels_are_the_line_colour_and_the_rest_is_background(net):
    r, mat = _wire(net)
    img = r.numpyArray()
    d = _distance_to_lines()
    far = d > 1.5
    assert far.sum() > N * N // 2
    assert not img[far].any()  # inside the faces and outside the box: the transparent background
    on = d < 1e-9  # pixel centres exactly on an edge or diagonal
    assert on.sum() > 4 * (HI - LO)
    assert np.all(img[on] == COLOR + (1.0,))
    covered = img[..., 3] > 0
    assert np.all(d[covered] <= 1.0)  # a one-pixel line strays at most a pixel from its line


@pytest.mark.parametrize("width", [1, 3, 5, 9])
def test_line_width_is_that_many_pixels_across_an_edge(net, width):
    r, mat = _wire(net, linewidth=width)
    img = r.numpyArray()
    row = img[(LO + HI) // 2]  # the middle row: the diagonals cross it at the middle, far away
    half = (width - 1) // 2
    assert _run_across(row, LO) == list(range(LO - half, LO + half + 1))
    assert _run_across(row, HI) == list(range(HI - half, HI + half + 1))
    column = img[:, (LO + HI) // 2]  # across the bottom and top edges, the diagonals crossing far from them
    for edge in (LO, HI):
        assert _run_across(column, edge) == list(range(edge - half, edge + half + 1))
    assert r.warnings() == ""


def test_alpha_and_no_lighting(net):
    r, mat = _wire(net, alpha=0.5)
    lit = net.create(td.lightCOMP, "light1")
    lit.par.tz = 3.0
    img = r.numpyArray()
    assert np.all(img[_distance_to_lines() < 1e-9] == COLOR + (0.5,))
    lit.par.cr = 0.0  # a light's colour changes nothing: the MAT is unlit
    assert np.array_equal(r.numpyArray(), img)


def test_topology_draws_as_tesselated(net):
    r, mat = _wire(net)
    tess = r.numpyArray()
    mat.par.wireframemode = "topologywireframe"
    assert np.array_equal(r.numpyArray(), tess)
    assert mat.par.wireframemode.menuNames == ["tesselatedwireframe", "topologywireframe"]


def test_the_common_pages_wire_width_widens_any_mats_wireframe(net):
    r, mat = _scene(net, mat_type=td.constantMAT, colorr=0.0, colorg=1.0, colorb=0.0)
    mat.par.wireframe = "tesselated"
    mat.par.wirewidth = 3
    row = r.numpyArray()[(LO + HI) // 2]
    assert _run_across(row, LO) == [LO - 1, LO, LO + 1]
    assert np.all(row[LO - 1: LO + 2] == [0.0, 1.0, 0.0, 1.0])
    assert not row[LO + 3: (LO + HI) // 2 - 3].any()  # the face is not filled


def test_widths_out_of_the_range_are_clamped_with_a_warning(net):
    r, mat = _wire(net, linewidth=0.0)
    img = r.numpyArray()
    w = r.warnings()
    assert "material '" + mat.path + "' linewidth 0" in w and "drawing 1" in w
    assert _run_across(img[(LO + HI) // 2], LO) == [LO]  # drawn one pixel wide
    mat.par.linewidth = 1.0e5
    img = r.numpyArray()
    w = r.warnings()
    assert "linewidth 100000" in w and "pixels wide: drawing" in w
    most = float(w.split("drawing ")[1].split()[0])
    assert 1.0 <= most < 1.0e5
    mat.par.linewidth = 1.0
    r.numpyArray()
    assert r.warnings() == ""  # the warning went with the width
