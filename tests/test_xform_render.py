"""Transforms as the render sees them: a geometryCOMP inside another (or inside a nullCOMP) drawn
under its parents' transforms, a camera aimed with lookat, a light aimed with lookat. Where the
silhouette lands is computed here with the pinhole formula from the camera's field of view, and the
light's Lambert term from the direction the lookat must give it."""
import math

import numpy as np
import pytest

import td_render as td
from imagetools import assert_mask_within_one_pixel, box_silhouette, centroid

W, H = 160, 120
COLOR = np.array([1.0, 0.5, 0.25, 1.0], np.float32)


def _scene(net):
    mat = net.create(td.constantMAT, "constant1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = COLOR[:3]
    net.create(td.cameraCOMP, "cam1")  # at z = 5, horizontal fov 45
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    return r, mat


def _covered(r):
    a = r.numpyArray()
    hit = np.all(a == COLOR, axis=-1)
    assert np.all(hit | (a[..., 3] == 0.0)), "pixels that are neither the material nor the background"
    return hit


def _rz(deg):
    a = math.radians(deg)
    m = np.eye(4)
    m[0, 0], m[0, 1], m[1, 0], m[1, 1] = math.cos(a), -math.sin(a), math.sin(a), math.cos(a)
    return m


def _t(x, y, z):
    m = np.eye(4)
    m[:3, 3] = x, y, z
    return m


def test_child_geometry_is_drawn_under_its_parents_transform(net):
    r, mat = _scene(net)
    parent = net.create(td.geometryCOMP, "geo1")
    parent.par.tx, parent.par.rz, parent.par.scale = 0.6, 90.0, 0.5
    child = parent.create(td.geometryCOMP, "geo2")
    child.par.tx, child.par.ty = 0.8, -0.4
    child.par.material = "../constant1"  # relative to the child's network, geo1
    child.create(td.boxSOP)
    r.par.geometry = "geo1/geo2"
    world = _t(0.6, 0, 0) @ _rz(90) @ np.diag([0.5, 0.5, 0.5, 1]) @ _t(0.8, -0.4, 0)
    center = (world @ [0, 0, 0, 1])[:3]  # (0.8, 0.4, 0): a quarter turn keeps the cube axis-aligned
    covered = _covered(r)
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(W, H, center=center, size=(0.5,) * 3, shrink=s))
    # without the parent's transform it would be elsewhere: the test can tell
    parent.par.tx, parent.par.rz, parent.par.scale = 0.0, 0.0, 1.0
    moved = _covered(r)
    assert_mask_within_one_pixel(moved, lambda s: box_silhouette(W, H, center=(0.8, -0.4, 0), shrink=s))
    assert not np.array_equal(moved, covered)


def test_geometry_under_a_null_inherits_its_transform(net):
    r, mat = _scene(net)
    null = net.create(td.nullCOMP, "null1")
    null.par.ty, null.par.tz, null.par.sx = 0.5, -1.0, 2.0
    geo = null.create(td.geometryCOMP, "geo1")
    geo.par.tx = -0.3
    geo.par.material = mat
    geo.create(td.boxSOP)
    r.par.geometry = "null1/geo1"
    center = (_t(0, 0.5, -1) @ np.diag([2, 1, 1, 1]) @ _t(-0.3, 0, 0) @ [0, 0, 0, 1])[:3]
    assert_mask_within_one_pixel(_covered(r),
                                 lambda s: box_silhouette(W, H, center=center, size=(2, 1, 1), shrink=s))
    assert np.allclose(np.asarray(geo.worldTransform)[:3, 3], center)


def test_lookat_aims_the_camera_at_the_geometry(net):
    r, mat = _scene(net)
    r.par.resolutionw = r.par.resolutionh = 128
    geo = net.create(td.geometryCOMP, "geo1")
    geo.par.tx, geo.par.ty, geo.par.tz = 1.2, 0.8, -1.0
    geo.par.material = mat
    sphere = geo.create(td.sphereSOP)
    sphere.par.radx = sphere.par.rady = sphere.par.radz = 0.4
    sphere.par.rows, sphere.par.cols = 48, 96
    cam = net.op("cam1")
    # without lookat the sphere's centre projects off-centre, where the pinhole puts it
    off = centroid(_covered(r))
    t = math.tan(math.radians(22.5))
    expect = [64 + 64 * 1.2 / (6.0 * t), 64 + 64 * 0.8 / (6.0 * t)]
    assert np.allclose(off, expect, atol=1.5)
    cam.par.lookat = "geo1"
    # looking along the line to its centre, the sphere's outline is a circle about the image centre
    mask = _covered(r)
    assert np.allclose(centroid(mask), [64.0, 64.0], atol=0.5)
    rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    assert abs((rows.min() + rows.max()) / 2 - 63.5) <= 0.5 and abs((cols.min() + cols.max()) / 2 - 63.5) <= 0.5


@pytest.mark.parametrize("pos", [(3.0, 0.0, 4.0), (0.0, -2.0, 2.0), (-1.0, 2.0, 2.0)])
def test_lookat_aims_a_light_at_the_plane(net, pos):
    """A distant light shines along its forward axis: aimed by lookat from pos at a point of a plane
    facing +z, the plane's Lambert term is the cosine between the normal and the way back to pos."""
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = 40.0
    box.par.sizez = 0.01
    mat = net.create(td.phongMAT, "phong1")
    for c in "rgb":
        mat.par["spec" + c] = 0.0
        mat.par["amb" + c] = 0.0
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection, cam.par.orthowidth = "ortho", 4.0
    aim = net.create(td.nullCOMP, "aim")
    aim.par.tx, aim.par.ty = 0.7, -0.3
    light = net.create(td.lightCOMP, "light1")
    light.par.lighttype = "distant"
    light.par.tx, light.par.ty, light.par.tz = pos
    light.par.lookat = "aim"
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw = r.par.resolutionh = 32
    r.par.format = "rgba32float"
    back = np.array(pos) - [0.7, -0.3, 0.0]  # the light's direction reversed: back toward it from aim
    lambert = back[2] / np.linalg.norm(back)
    assert np.allclose(r.numpyArray()[..., 0], lambert, atol=1e-4)


def test_a_lookat_naming_nothing_lands_in_the_renders_errors(net):
    r, mat = _scene(net)
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    net.op("cam1").par.lookat = "ghost"
    with pytest.raises(td.tdError, match="cam1: lookat 'ghost' names no operator"):
        r.numpyArray()
    assert "cam1: lookat 'ghost' names no operator" in r.errors()
    net.op("cam1").par.lookat = "geo1"
    geo.par.lookat = "cam1"  # a circle: an error, not a hang
    with pytest.raises(td.tdError, match="depends on itself"):
        r.numpyArray()
