"""A failed cook is the operator's error: TouchDesigner shows a failed render on the node, so
op.errors() holds the message after the cook raised, until a later cook succeeds."""
import pytest

import td_render as td


def test_missing_camera_is_the_renders_error(box_scene):
    r = box_scene["render"]
    r.par.camera = "nocam"
    with pytest.raises(td.tdError, match="nocam") as info:
        r.numpyArray()
    assert "nocam" in r.errors()
    assert str(info.value) in r.errors()
    # It stays until a cook succeeds: reading again fails again and keeps one message.
    with pytest.raises(td.tdError):
        r.numpyArray()
    assert r.errors().count("nocam") == 1
    r.par.camera = "cam1"
    r.numpyArray()
    assert r.errors() == ""


def test_missing_material_is_the_renders_error(box_scene):
    r, geo = box_scene["render"], box_scene["geo"]
    geo.par.material = "nomat"
    with pytest.raises(td.tdError, match="nomat"):
        r.numpyArray()
    assert "nomat" in r.errors()
    geo.par.material = ""
    assert r.numpyArray().shape == (240, 320, 4)
    assert r.errors() == ""


def test_bad_camera_values_are_the_renders_error(box_scene):
    r, cam = box_scene["render"], box_scene["cam"]
    cam.par.near, cam.par.far = 10, 1
    with pytest.raises(td.tdError, match="near"):
        r.sample(x=0, y=0)
    assert "near < far" in r.errors()
    cam.par.far = 100
    r.sample(x=0, y=0)
    assert r.errors() == ""


def test_errors_recurse_shows_the_failed_render(box_scene):
    r, net = box_scene["render"], box_scene["net"]
    r.par.camera = "nocam"
    with pytest.raises(td.tdError):
        r.numpyArray()
    assert "nocam" in net.errors(recurse=True)


def test_an_interruption_is_not_the_operators_error(box_scene):
    r, geo = box_scene["render"], box_scene["geo"]
    geo.par.tx.expr = "(_ for _ in ()).throw(KeyboardInterrupt())"
    with pytest.raises(KeyboardInterrupt):
        r.numpyArray()
    assert r.errors() == ""
    geo.par.tx = 0
    r.numpyArray()
