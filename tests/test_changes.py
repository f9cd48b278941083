"""Changing the camera, a light, the geometry or a material changes the next image as predicted;
reading again without a change does not render again."""
import numpy as np

import td_render as td
from imagetools import assert_mask_within_one_pixel, box_silhouette, centroid, luminance

BOX_COLOR = np.array([204 / 255, 51 / 255, 102 / 255, 1.0], np.float32)


def box_pixels(a):
    return np.all(a == BOX_COLOR, axis=-1)


def test_moving_camera_shifts_box_the_other_way(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    before = centroid(box_pixels(render.numpyArray()))
    cam.par.tx = 1.0
    covered = box_pixels(render.numpyArray())
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(320, 240, cam=(1, 0, 5), shrink=s))
    after = centroid(covered)
    assert after[0] < before[0] - 20


def test_moving_camera_closer_enlarges_box(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    cam.par.tz = 3.0
    covered = box_pixels(render.numpyArray())
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(320, 240, cam=(0, 0, 3), shrink=s))


def test_rotating_camera_moves_box_off_centre(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    cam.par.ry = 10.0  # turn left: the box drifts right
    x, _ = centroid(box_pixels(render.numpyArray()))
    assert x > 160 + 20


def test_moving_box_geometry_comp(box_scene):
    render, geo = box_scene["render"], box_scene["geo"]
    geo.par.tx, geo.par.ty = -1.0, 0.5
    covered = box_pixels(render.numpyArray())
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(320, 240, center=(-1, 0.5, 0), shrink=s))


def test_resizing_box_sop(box_scene):
    render, box = box_scene["render"], box_scene["box"]
    box.par.sizex, box.par.sizey, box.par.sizez = 2.0, 0.5, 1.0
    covered = box_pixels(render.numpyArray())
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(320, 240, size=(2, 0.5, 1), shrink=s))


def test_scaling_geometry_comp(box_scene):
    render, geo = box_scene["render"], box_scene["geo"]
    geo.par.scale = 1.5
    covered = box_pixels(render.numpyArray())
    assert_mask_within_one_pixel(covered, lambda s: box_silhouette(320, 240, size=(1.5, 1.5, 1.5), shrink=s))


def test_material_colour_change(box_scene):
    render, mat = box_scene["render"], box_scene["mat"]
    render.numpyArray()
    mat.par.colorr, mat.par.colorg, mat.par.colorb, mat.par.alpha = 0.0, 1.0, 0.2, 0.6
    a = render.numpyArray()
    assert np.array_equal(a[120, 160], np.float32([0.0, 1.0, 51 / 255, 153 / 255]))


def test_switching_material(box_scene):
    render, geo, net = box_scene["render"], box_scene["geo"], box_scene["net"]
    other = net.create(td.constantMAT, "white")
    geo.par.material = "white"  # a path, relative to the geometry's network
    assert np.array_equal(render.numpyArray()[120, 160], [1, 1, 1, 1])
    geo.par.material = box_scene["mat"]  # an OP object
    assert np.array_equal(render.numpyArray()[120, 160], BOX_COLOR)
    del other


def test_background_colour_change(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 1.0, 1.0, 0.0, 0.0
    assert np.array_equal(render.numpyArray()[0, 0], [1, 1, 0, 0])


def test_moving_light_moves_brightness(sphere_scene):
    render, light = sphere_scene["render"], sphere_scene["light"]
    light.par.tx, light.par.tz = 5.0, 0.0  # light from the +x side
    lum = luminance(render.numpyArray())
    right, left = lum[128, 128 + 50], lum[128, 128 - 50]
    assert right > 0.3 and left < 0.02
    light.par.tx = -5.0
    lum = luminance(render.numpyArray())
    assert lum[128, 128 - 50] > 0.3 and lum[128, 128 + 50] < 0.02


def test_reading_twice_renders_once(box_scene):
    render = box_scene["render"]
    first = render.numpyArray()
    cooks = render.totalCooks
    second = render.numpyArray()
    assert render.totalCooks == cooks
    assert np.array_equal(first, second)
    assert first is not second  # each call returns its own array


def test_unrelated_change_does_not_rerender(box_scene):
    render, net = box_scene["render"], box_scene["net"]
    render.numpyArray()
    cooks = render.totalCooks
    unused = net.create(td.phongMAT, "unused")
    unused.par.diffr = 0.1
    render.numpyArray()
    assert render.totalCooks == cooks


def test_each_kind_of_change_rerenders(box_scene):
    render = box_scene["render"]
    render.numpyArray()
    for op, par, value in [(box_scene["cam"], "tx", 0.25), (box_scene["geo"], "ry", 5.0),
                           (box_scene["box"], "sizex", 1.2), (box_scene["mat"], "colorg", 0.0),
                           (render, "resolutionw", 330)]:
        cooks = render.totalCooks
        op.par[par] = value
        render.numpyArray()
        assert render.totalCooks == cooks + 1, "changing %s.par.%s did not re-render" % (op.name, par)


def test_adding_and_destroying_geometry(box_scene):
    render, net, geo = box_scene["render"], box_scene["net"], box_scene["geo"]
    extra = net.create(td.geometryCOMP, "geo2")
    extra.par.tx = 1.2
    extra.create(td.boxSOP).par.scale = 0.5
    extra.par.material = box_scene["mat"]
    two = box_pixels(render.numpyArray()).sum()
    extra.destroy()
    one = box_pixels(render.numpyArray()).sum()
    assert two > one > 0
    geo.destroy()
    assert box_pixels(render.numpyArray()).sum() == 0


def test_geometry_pattern_with_exclusion(box_scene):
    render, net = box_scene["render"], box_scene["net"]
    g2 = net.create(td.geometryCOMP, "geo2")
    g2.create(td.boxSOP)
    g2.par.tx = 1.5
    g2.par.material = box_scene["mat"]
    both = box_pixels(render.numpyArray()).sum()
    render.par.geometry = "geo* ^geo2"
    only_first = box_pixels(render.numpyArray()).sum()
    assert only_first < both
    assert_mask_within_one_pixel(box_pixels(render.numpyArray()), lambda s: box_silhouette(320, 240, shrink=s))


def test_geometry_with_no_sop_renders_nothing(box_scene):
    render, geo = box_scene["render"], box_scene["geo"]
    box_scene["box"].destroy()
    assert geo.numChildren == 0
    assert box_pixels(render.numpyArray()).sum() == 0


def test_default_material_is_lit_phong(net):
    geo = net.create(td.geometryCOMP)
    geo.create(td.sphereSOP)
    net.create(td.cameraCOMP)
    light = net.create(td.lightCOMP)
    light.par.tz = 5
    r = net.create(td.renderTOP)
    r.par.resolutionw = r.par.resolutionh = 64
    a = r.numpyArray()
    # phongMAT defaults: diffuse 1 + specular 1 at the centre saturate to white; the rim is darker
    assert np.all(a[32, 32, :3] > 0.99)
    assert luminance(a)[32, 32] > luminance(a)[32, 32 + 13] > 0.0  # radius ~15.8 px
