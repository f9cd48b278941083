"""renderTOP rendermode 'cubemap': six 90-degree faces of the camera's axes (+X, -X, +Y, -Y, +Z, -Z),
each resolutionw square, stacked bottom to top into one image (face f at rows f * side). A
coloured box sits on each axis around the camera; a small marker box beside each shows each face's
orientation (the four side faces upright, up +Y; the +Y face has +Z up, the -Y face -Z up)."""
import numpy as np
import pytest

import td_render as td

SIDE = 32
AXES = [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)]
UPS = [(0, 1, 0), (0, 1, 0), (0, 0, 1), (0, 0, -1), (0, 1, 0), (0, 1, 0)]
COLORS = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (1, 0, 1), (0, 1, 1)]


def _box(net, name, pos, size, color):
    geo = net.create(td.geometryCOMP, name)
    b = geo.create(td.boxSOP)
    b.par.sizex = b.par.sizey = b.par.sizez = size
    geo.par.tx, geo.par.ty, geo.par.tz = pos
    mat = net.create(td.constantMAT, name + "_mat")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = color
    geo.par.material = mat
    return geo


def _scene(net, cam_rotation=(0.0, 0.0, 0.0)):
    for f, (axis, color) in enumerate(zip(AXES, COLORS)):
        _box(net, "geo%d" % f, [5 * a for a in axis], 2.0, color)
        # the marker: one unit "up" (in this face's view) from the box, nearer the camera
        _box(net, "geomark%d" % f, [4 * a + 1.6 * u for a, u in zip(axis, UPS[f])], 0.5, (1, 1, 1))
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.tz = 0.0
    cam.par.rx, cam.par.ry, cam.par.rz = cam_rotation
    r = net.create(td.renderTOP, "render1")
    r.par.rendermode = "cubemap"
    r.par.resolutionw, r.par.resolutionh = SIDE, 999  # the side is resolutionw
    r.par.format = "rgba32float"
    return r


def _face(img, f):
    return img[f * SIDE:(f + 1) * SIDE]


def test_each_face_shows_the_object_on_its_side(net):
    img = _scene(net).numpyArray()
    assert img.shape == (6 * SIDE, SIDE, 4)
    for f, color in enumerate(COLORS):
        face = _face(img, f)
        assert np.allclose(face[SIDE // 2, SIDE // 2, :3], color), f
        # the marker is above the centre of the face (rows grow upward), not below
        white = np.all(face[..., :3] == 1.0, axis=-1)
        rows = np.flatnonzero(white.any(axis=1))
        assert len(rows) > 0 and rows.min() > SIDE // 2, f


def test_the_box_fills_the_90_degree_face_as_projected(net):
    # a box 2 wide whose near face is 4 away spans tan^-1: its half-width 1 / 4 of the face's half
    img = _scene(net).numpyArray()
    face = _face(img, 5)
    colored = np.all(np.isclose(face[..., :3], COLORS[5]), axis=-1)
    row = colored[SIDE // 2]
    expected = SIDE * (1.0 / 4.0)  # 2 * (1 / 4) / 2 of the side
    assert abs(row.sum() - expected) <= 1.0


def test_faces_follow_the_cameras_rotation(net):
    # the camera turned 90 degrees about y: its -Z looks down world -X, so face -Z shows the -X box
    img = _scene(net, cam_rotation=(0.0, 90.0, 0.0)).numpyArray()
    assert np.allclose(_face(img, 5)[SIDE // 2, SIDE // 2, :3], COLORS[1])
    assert np.allclose(_face(img, 4)[SIDE // 2, SIDE // 2, :3], COLORS[0])


def test_sides_turned_off_stay_background(net):
    r = _scene(net)
    r.par.possidey = False
    r.par.negsidez = False
    img = r.numpyArray()
    assert not _face(img, 2).any() and not _face(img, 5).any()
    assert np.allclose(_face(img, 0)[SIDE // 2, SIDE // 2, :3], COLORS[0])
    assert r.width == SIDE and r.height == 6 * SIDE and r.depth == 1


def test_an_ortho_camera_still_gives_perspective_faces_and_bad_planes_fail(net):
    r = _scene(net)
    cam = net.op("cam1")
    cam.par.projection = "ortho"
    img = r.numpyArray()
    assert np.allclose(_face(img, 5)[SIDE // 2, SIDE // 2, :3], COLORS[5])
    cam.par.projection = "perspective"
    cam.par.near = 0.0
    with pytest.raises(td.tdError, match="near"):
        r.numpyArray()
