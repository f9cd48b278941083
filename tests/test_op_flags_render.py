"""Flags and cooks seen in renders: render False removes geometry, allowCooking False stops the
children of a COMP cooking, lock freezes a TOP, bypass passes an input through (a render has none:
an empty image); expression errors make the render raise; a TOP's cooks feed the OP statistics."""
import numpy as np
import pytest

import td_render as td

BOX_COLOR = np.array([204 / 255, 51 / 255, 102 / 255, 1.0], np.float32)
BACKGROUND = np.array([0.0, 0.0, 51 / 255, 1.0], np.float32)


def box_pixels(a):
    return np.all(a == BOX_COLOR, axis=-1)


def test_render_flag_off_on_a_geometry_comp_removes_it(box_scene):
    render, geo = box_scene["render"], box_scene["geo"]
    assert box_pixels(render.numpyArray()).any()
    geo.render = False
    a = render.numpyArray()
    assert not box_pixels(a).any() and np.all(a == BACKGROUND)
    geo.render = True
    assert box_pixels(render.numpyArray()).any()


def test_render_flag_picks_the_one_sop_drawn(box_scene):
    """One SOP of a network has the Render flag: the one created last, or the one given it."""
    render, geo, box = box_scene["render"], box_scene["geo"], box_scene["box"]
    alone = box_pixels(render.numpyArray())
    other = geo.create(td.boxSOP, "box2")
    other.par.tx = 1.2  # to the right of the first box, still in view
    assert other.render and not box.render
    only_other = box_pixels(render.numpyArray())
    assert 0 < only_other.sum() and not only_other[120, 160]
    box.render = True
    assert not other.render
    assert np.array_equal(box_pixels(render.numpyArray()), alone)
    box.render = False
    assert not box_pixels(render.numpyArray()).any()


def test_allow_cooking_off_stops_the_children_cooking(box_scene):
    render, geo, box = box_scene["render"], box_scene["geo"], box_scene["box"]
    before = box_pixels(render.numpyArray())
    cooks = box.totalCooks
    geo.allowCooking = False
    box.par.sizex = 2
    assert np.array_equal(box_pixels(render.numpyArray()), before)  # the box keeps its last cook
    assert box.totalCooks == cooks
    geo.allowCooking = True
    assert box_pixels(render.numpyArray()).sum() > before.sum()
    assert box.totalCooks == cooks + 1


def test_lock_freezes_a_top(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    frozen = render.numpyArray()
    cooks = render.totalCooks
    render.lock = True
    cam.par.tx = 1
    assert np.array_equal(render.numpyArray(), frozen) and render.totalCooks == cooks
    render.lock = False
    assert not np.array_equal(render.numpyArray(), frozen) and render.totalCooks == cooks + 1


def test_bypass_on_a_render_without_input_gives_an_empty_image(box_scene):
    render = box_scene["render"]
    render.bypass = True
    a = render.numpyArray()
    assert a.shape == (240, 320, 4) and not a.any()
    render.bypass = False
    assert box_pixels(render.numpyArray()).any()


def test_expression_errors_make_the_render_raise(box_scene):
    render, geo = box_scene["render"], box_scene["geo"]
    geo.par.tx.expr = "1 / 0"
    with pytest.raises(td.tdError, match=r"geo1.*tx.*ZeroDivisionError"):
        render.numpyArray()
    assert "ZeroDivisionError" in geo.errors()
    geo.par.tx.expr = "0"
    assert box_pixels(render.numpyArray()).any()  # recovers, and the error is not raised again
    assert geo.errors() == ""


def test_recursive_expressions_make_the_render_raise(box_scene):
    render, geo, cam = box_scene["render"], box_scene["geo"], box_scene["cam"]
    geo.par.tx.expr = "op('cam1').par.tx"
    cam.par.tx.expr = "op('geo1').par.tx"
    with pytest.raises(td.tdError, match="recursive"):
        render.numpyArray()


def test_top_cooks_feed_the_op_statistics(box_scene):
    render, net = box_scene["render"], box_scene["net"]
    td.advance()
    render.numpyArray()
    assert render.totalCooks == 1 and render.cookAbsFrame == td.absTime.frame and render.cookedThisFrame
    assert render.cpuCookTime > 0 and render.gpuCookTime > 0
    assert net.childrenGPUMemory() == render.gpuMemory > 0
    assert net.childrenCPUCookTime >= render.cpuCookTime


def test_cook_method_renders_a_top(box_scene):
    render, cam = box_scene["render"], box_scene["cam"]
    render.cook()
    assert render.totalCooks == 1
    render.cook()
    assert render.totalCooks == 1  # nothing changed
    render.cook(force=True)
    assert render.totalCooks == 2
    cam.par.tx = 0.5
    render.cook()
    assert render.totalCooks == 3


def test_add_warning_during_a_top_cook(box_scene):
    render = box_scene["render"]
    render.par.camera.expr = "me.addWarning('looked at the camera') or 'cam1'"
    render.numpyArray()
    assert "looked at the camera" in render.warnings()
