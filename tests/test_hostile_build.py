"""Expressions that edit the network while a render builds its snapshot (issue 9, root cause 1, the
render side): the build evaluates first and walks plain C data after, so any of these gives an
image or a clear tdError, never a crash. Run under `make test-asan` too."""
import numpy as np
import pytest

import td_render as td


def _render(box_scene):
    r = box_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 64, 48
    return r


def test_geometry_expression_creates_sops_mid_build(box_scene):
    r, geo = _render(box_scene), box_scene["geo"]
    geo.par.tx.expr = "[me.create('boxSOP') for i in range(200)] and 0"
    a = r.numpyArray()
    assert a.shape == (48, 64, 4)
    assert len(geo.children) >= 201
    # The next cook draws the SOPs that exist by then: still the same single box silhouette.
    geo.par.tx = 0
    assert np.array_equal(r.numpyArray(), a)


def test_material_expression_destroys_the_geometry(box_scene):
    r, geo, mat = _render(box_scene), box_scene["geo"], box_scene["mat"]
    mat.par.colorr.expr = "op('geo1').destroy() or 0.5"
    try:
        r.numpyArray()
    except td.tdError:
        pass
    assert not geo.valid
    assert r.numpyArray().shape == (48, 64, 4)


def test_operator_destroys_itself_in_its_own_expression(box_scene):
    r, box = _render(box_scene), box_scene["box"]
    box.par.sizey.expr = "me.destroy() or 1"
    with pytest.raises(td.tdError):
        r.numpyArray()
    assert not box.valid
    assert r.numpyArray()[..., 3].max() == 1.0  # only the background now (alpha 1), no crash


def test_sop_expression_destroys_the_render(box_scene):
    r, box = _render(box_scene), box_scene["box"]
    box.par.sizex.expr = "op('../render1').destroy() or 1"
    with pytest.raises(td.tdError):
        r.numpyArray()
    assert not r.valid


def test_light_expression_destroys_every_light_and_camera(sphere_scene):
    r, light = sphere_scene["render"], sphere_scene["light"]
    net = sphere_scene["net"]
    light.par.tx.expr = "[o.destroy() for o in list(parent().children) if o.OPType in ('lightCOMP', 'cameraCOMP') and o is not me] and 0"
    try:
        r.numpyArray()
    except td.tdError:
        pass
    assert [o.OPType for o in net.children if o.OPType == "cameraCOMP"] == []
    with pytest.raises(td.tdError, match="cam1"):
        r.numpyArray()


def test_camera_expression_reparents_geometry(box_scene):
    r, cam, net = _render(box_scene), box_scene["cam"], box_scene["net"]
    cam.par.tz.expr = "(parent().copy(op('geo1'), name='geo2') and op('geo1').destroy()) or 5"
    try:
        r.numpyArray()
    except td.tdError:
        pass
    cam.par.tz = 5
    assert r.numpyArray().shape == (48, 64, 4)


def test_a_change_made_during_the_build_is_seen_by_the_next_read(box_scene):
    # The camera is evaluated before the geometry, so this build still has the old background;
    # the change the geometry's expression makes must not be absorbed into "up to date".
    r, geo, cam = _render(box_scene), box_scene["geo"], box_scene["cam"]
    cam.par.bgcolorr = 0.0
    geo.par.tx.expr = "(setattr(op('cam1').par, 'bgcolorr', 1.0) if op('cam1').par.bgcolorr.val == 0 else None) or 0"
    first = r.numpyArray()
    assert first[0, 0, 0] == 0.0
    assert cam.par.bgcolorr.val == 1.0
    second = r.numpyArray()
    assert second[0, 0, 0] == 1.0
