"""A constant-colour unit box seen head-on covers exactly the pixels projection predicts, in
exactly the material's colour, over the camera's background colour."""
import math

import numpy as np

import td_render as td
from imagetools import assert_mask_within_one_pixel, box_silhouette

BOX_COLOR = np.array([204 / 255, 51 / 255, 102 / 255, 1.0], np.float32)
BG_COLOR = np.array([0.0, 0.0, 51 / 255, 1.0], np.float32)


def coverage(a):
    """Pixels that are exactly the box colour; every other pixel must be exactly background."""
    is_box = np.all(a == BOX_COLOR, axis=-1)
    is_bg = np.all(a == BG_COLOR, axis=-1)
    assert np.all(is_box | is_bg), "pixels that are neither the material nor the background colour"
    return is_box


def test_numpyarray_shape_dtype_orientation(box_scene):
    a = box_scene["render"].numpyArray()
    assert isinstance(a, np.ndarray)
    assert a.dtype == np.float32 and a.shape == (240, 320, 4) and a.flags.c_contiguous


def test_head_on_box_covers_predicted_pixels(box_scene):
    a = box_scene["render"].numpyArray()
    covered = coverage(a)
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(320, 240, shrink=s))
    # the front face spans 0.5 / (4.5 tan 22.5deg) of the image width
    expected = 320 * 0.5 / (4.5 * math.tan(math.radians(22.5)))
    assert abs(covered[120].sum() - expected) <= 1.0


def test_box_material_colour_is_exact(box_scene):
    a = box_scene["render"].numpyArray()
    assert np.array_equal(a[120, 160], BOX_COLOR)
    assert np.array_equal(a[0, 0], BG_COLOR)


def test_row_zero_is_bottom(box_scene):
    # Move the box up: in numpyArray (row 0 = bottom) it must appear in the higher rows.
    box_scene["geo"].par.ty = 1.0
    covered = coverage(box_scene["render"].numpyArray())
    rows = np.nonzero(covered.any(axis=1))[0]
    assert rows.min() > 120, "box moved up must occupy the upper half, i.e. high row indices"
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(320, 240, center=(0, 1, 0), shrink=s))


def test_fov_and_aspect_follow_parameters(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    render.par.resolutionw, render.par.resolutionh = 200, 300
    cam.par.fov = 30
    covered = coverage(render.numpyArray())
    assert covered.shape == (300, 200)
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(200, 300, fov_deg=30, shrink=s))


def test_vertical_fov_method(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    cam.par.viewanglemethod = "vertfov"
    cam.par.fov = 45
    covered = coverage(render.numpyArray())
    # with a vertical fov the box's height is 0.5 / (4.5 tan 22.5deg) of the image height
    expected = 240 * 0.5 / (4.5 * math.tan(math.radians(22.5)))
    assert abs(covered[:, 160].sum() - expected) <= 1.0


def test_depth_test_nearer_box_wins(box_scene):
    net = box_scene["net"]
    near = net.create(td.geometryCOMP, "geo2")
    near.create(td.boxSOP).par.scale = 0.5
    near.par.tz = 1.0  # in front of the first box
    green = net.create(td.constantMAT)
    green.par.colorr, green.par.colorg, green.par.colorb = 0.0, 1.0, 0.0
    near.par.material = green
    a = box_scene["render"].numpyArray()
    assert np.array_equal(a[120, 160], [0, 1, 0, 1])
    # created second, but drawn behind: the far box must still show around the near one
    assert np.array_equal(a[120, 160 - 40], BOX_COLOR)


def test_geometry_nearer_than_near_plane_is_clipped(box_scene):
    # Depth is [0, 1] (glClipControl): a box between the camera and its near plane is not drawn.
    render, cam, geo = box_scene["render"], box_scene["cam"], box_scene["geo"]
    cam.par.near = 3.0
    geo.par.tz = 3.0  # the box spans distances 1.5 .. 2.5 from the camera
    assert not coverage(render.numpyArray()).any()
    cam.par.near = 1.0
    assert coverage(render.numpyArray()).any()


def test_geometry_beyond_far_plane_is_clipped(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    cam.par.far = 4.0  # the box's front face is at distance 4.5
    assert not coverage(render.numpyArray()).any()
    cam.par.far = 5.0  # cuts the box: its front part (4.5 .. 5) shows
    assert coverage(render.numpyArray()).any()
